/**
 * A memory-bound task: the number of primes below n, by a sieve of Eratosthenes over n bytes (the inner loop
 * strides through memory far larger than a cache). It is verified against published prime counts pi(n), so
 * a suite may only use the sizes listed here.
 */

/** pi(n), the number of primes below n, for the sizes a suite may use. */
export const KNOWN_PRIME_COUNTS: ReadonlyMap<number, number> = new Map([
  [1_000, 168],
  [10_000, 1_229],
  [100_000, 9_592],
  [1_000_000, 78_498],
  [2_000_000, 148_933],
  [5_000_000, 348_513],
  [10_000_000, 664_579],
  [20_000_000, 1_270_607],
  [50_000_000, 3_001_134],
  [100_000_000, 5_761_455],
]);

export function countPrimesBelow(n: number): number {
  if (n < 3) return 0;
  const composite = new Uint8Array(n);
  let count = 1; // 2
  for (let i = 3; i < n; i += 2) {
    if (composite[i] === 1) continue;
    count++;
    for (let multiple = i * i; multiple < n; multiple += 2 * i) composite[multiple] = 1;
  }
  return count;
}
