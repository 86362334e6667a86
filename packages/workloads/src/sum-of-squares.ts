/**
 * The lesson's CPU-bound task: the sum of i*i for 0 <= i < n.
 *
 * JavaScript numbers lose integer precision past 2^53, and the true sum passes that for n near 2^18, so
 * the task works modulo 2^32, which keeps one exact answer on every engine and lets each result be checked
 * against the closed form.
 *
 * Why the loop looks the way it does: the obvious `sum = (sum + Math.imul(i, i)) | 0` overflows int32 on
 * every few iterations. V8's mid tier (Maglev) compiles that about 15x slower than its top tier, and which
 * tier a fresh process ends up running varied from run to run here (0.5 s vs 9 s for the same work). So the
 * loop splits each square into 16-bit halves summed as doubles, which never overflow (below 2^53 for any
 * n <= 2^31) and run at one steady speed in every tier and engine we measure.
 */

const TWO_POW_32 = 4294967296;
const TWO_POW_16 = 65536;

/**
 * Every task is computed in chunks of this many iterations, so sequential, worker and interleaved runs
 * execute the very same function the same number of times; only the interleaved run yields in between.
 */
export const CHUNK_ITERATIONS = 2 ** 20;

/** Sum of i*i for start <= i < end, modulo 2^32. */
export function sumOfSquaresRange(start: number, end: number): number {
  let low = 0; // sum of the low 16 bits of each square (mod 2^32)
  let high = 0; // sum of the high 16 bits
  for (let i = start; i < end; i++) {
    const square = Math.imul(i, i); // the low 32 bits of i*i, exactly
    low += square & 0xffff;
    high += square >>> 16;
  }
  return ((high % TWO_POW_16) * TWO_POW_16 + low) % TWO_POW_32;
}

function chunkEnd(start: number, n: number): number {
  return start + CHUNK_ITERATIONS < n ? start + CHUNK_ITERATIONS : n;
}

/** The lesson's task: sum of i*i for i < n, modulo 2^32. */
export function sumOfSquares(n: number): number {
  let sum = 0;
  for (let start = 0; start < n; start += CHUNK_ITERATIONS) {
    sum = (sum + sumOfSquaresRange(start, chunkEnd(start, n))) % TWO_POW_32;
  }
  return sum;
}

/**
 * The same task as cooperative async code: it hands the thread back after every chunk, so several of these
 * run interleaved on one event loop. Concurrency without parallelism: the counterpart of Python threads
 * under the GIL.
 */
export async function sumOfSquaresInterleaved(n: number): Promise<number> {
  let sum = 0;
  for (let start = 0; start < n; start += CHUNK_ITERATIONS) {
    sum = (sum + sumOfSquaresRange(start, chunkEnd(start, n))) % TWO_POW_32;
    // A microtask hop interleaves the tasks without the timer clamping (~1 ms) a macrotask hop would add.
    await undefined;
  }
  return sum;
}

/** The exact answer: (n-1)n(2n-1)/6 computed with BigInt, modulo 2^32. */
export function expectedSumOfSquares(n: number): number {
  assertTaskSize(n);
  const big = BigInt(n);
  const exact = ((big - 1n) * big * (2n * big - 1n)) / 6n;
  return Number(exact % 2n ** 32n);
}

/** Sizes the workload accepts: whole numbers from 0 to 2^31 (where the 16-bit halves stay exact). */
export function assertTaskSize(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0 || n > 2 ** 31) {
    throw new RangeError(`task size must be a whole number from 0 to 2^31, got ${n}`);
  }
}
