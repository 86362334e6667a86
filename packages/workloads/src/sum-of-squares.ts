/**
 * The lesson's CPU-bound task: the sum of i*i for 0 <= i < n.
 *
 * JavaScript numbers lose integer precision past 2^53, and the true sum passes that for n near 2^18, so
 * the task works modulo 2^32, which keeps one exact answer on every engine and lets each result be checked
 * against the closed form.
 *
 * Why the loop looks the way it does: the obvious `sum = (sum + Math.imul(i, i)) | 0` overflows int32 every
 * few iterations, and sums kept as doubles leave the small-integer range V8 first assumes. Either way V8
 * deoptimises, and which of its tiers a fresh process ends up running varied from run to run here (0.5 s vs
 * 9 s for the same work, where JavaScriptCore stayed steady). So every running value here stays a small
 * integer (below 2^30): each square is split into 16-bit halves, summed over blocks short enough not to
 * overflow, and folded into a 32-bit total kept as two 16-bit halves. Then every engine and tier runs it at
 * one steady speed, and `i` itself stays a small integer as long as n <= 2^30.
 */

const TWO_POW_32 = 4294967296;

/**
 * Every task is computed in chunks of this many iterations, so sequential, worker and interleaved runs
 * execute the very same function the same number of times; only the interleaved run yields in between.
 */
export const CHUNK_ITERATIONS = 2 ** 20;

/** 2^14 iterations of values below 2^16 sum to less than 2^30: a block's sums stay small integers. */
const BLOCK_ITERATIONS = 2 ** 14;

/** Sum of i*i for start <= i < end, modulo 2^32. */
export function sumOfSquaresRange(start: number, end: number): number {
  let totalLow = 0; // low 16 bits of the running total
  let totalHigh = 0; // high 16 bits of the running total
  for (let block = start; block < end; block += BLOCK_ITERATIONS) {
    // biome-ignore lint/complexity/useMathMinMax: the measured loop keeps to plain integer comparisons, which every engine and tier compiles alike
    const blockEnd = block + BLOCK_ITERATIONS < end ? block + BLOCK_ITERATIONS : end;
    let low = 0;
    let high = 0;
    for (let i = block; i < blockEnd; i++) {
      const square = Math.imul(i, i); // the low 32 bits of i*i, exactly
      low += square & 0xffff;
      high += square >>> 16;
    }
    totalLow += low;
    totalHigh = (totalHigh + high + (totalLow >>> 16)) & 0xffff; // carry, then drop what passes 2^32
    totalLow &= 0xffff;
  }
  return totalHigh * 65536 + totalLow;
}

function chunkEnd(start: number, n: number): number {
  // biome-ignore lint/complexity/useMathMinMax: as in sumOfSquaresRange, plain integer comparisons on the measured path
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

/** Sizes the workload accepts: whole numbers from 0 to 2^30 (so the loop index stays a small integer). */
export const MAX_TASK_SIZE = 2 ** 30;

export function assertTaskSize(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_TASK_SIZE) {
    throw new RangeError(`task size must be a whole number from 0 to 2^30, got ${n}`);
  }
}
