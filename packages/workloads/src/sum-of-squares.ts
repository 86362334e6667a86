/**
 * The lesson's CPU-bound task: the sum of i*i for 0 <= i < n.
 *
 * JavaScript numbers lose integer precision past 2^53, and the true sum passes that for n near 2^18,
 * so the task works modulo 2^32 with 32-bit integer ops. That keeps the same exact answer on every
 * engine (V8, JavaScriptCore) and lets each result be checked against the closed form.
 */

/** Sum of i*i for start <= i < end, added to `acc`, all modulo 2^32. */
export function sumOfSquaresRange(start: number, end: number, acc = 0): number {
  let sum = acc >>> 0;
  for (let i = start; i < end; i++) {
    // Math.imul keeps the low 32 bits of i*i exactly, which is all a modulo-2^32 sum needs.
    sum = (sum + Math.imul(i, i)) >>> 0;
  }
  return sum;
}

/** The lesson's task: sum of i*i for i < n, modulo 2^32. */
export function sumOfSquares(n: number): number {
  return sumOfSquaresRange(0, n);
}

/**
 * The same task as cooperative async code: it hands the thread back between chunks, so several of
 * these run interleaved on one event loop. Concurrency without parallelism: the JavaScript
 * counterpart of Python threads under the GIL.
 */
export async function sumOfSquaresInterleaved(n: number, chunkSize: number): Promise<number> {
  let sum = 0;
  for (let start = 0; start < n; start += chunkSize) {
    sum = sumOfSquaresRange(start, Math.min(n, start + chunkSize), sum);
    // A macrotask hop would add timer clamping (1 ms per hop in some runtimes); a microtask hop
    // interleaves the tasks without charging anything extra.
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

/** Sizes the workload accepts: whole numbers from 0 up to 2^31 (where Math.imul would wrap the index). */
export function assertTaskSize(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0 || n > 2 ** 31) {
    throw new RangeError(`task size must be a whole number from 0 to 2^31, got ${n}`);
  }
}
