/**
 * An allocation-heavy task: n small records built, written to JSON, parsed back and summed, a batch at a time
 * (so memory stays bounded while the garbage collector works hard). Every engine writes the same JSON for
 * these records, and their checksum has a closed form, so every run is verified exactly.
 */

const BATCH = 10_000;
const TWO_POW_32 = 4294967296;

interface JsonRecord {
  id: number;
  label: string;
  even: boolean;
  parts: [number, number];
}

/** Sum over the parsed records of id + parts + (even ? 1 : 0), modulo 2^32. */
export function jsonRoundTrip(n: number): number {
  let sum = 0;
  for (let start = 0; start < n; start += BATCH) {
    const end = Math.min(start + BATCH, n);
    const records: JsonRecord[] = [];
    for (let i = start; i < end; i++) records.push({ id: i, label: `record ${i}`, even: i % 2 === 0, parts: [i % 3, i % 5] });
    const parsed: JsonRecord[] = JSON.parse(JSON.stringify(records));
    for (const record of parsed) sum = (sum + record.id + record.parts[0] + record.parts[1] + (record.even ? 1 : 0)) % TWO_POW_32;
  }
  return sum;
}

/** Sum of (i mod m) for 0 <= i < n, as a BigInt. */
function sumOfRemainders(n: bigint, m: bigint): bigint {
  const full = n / m;
  const rest = n % m;
  return (full * m * (m - 1n)) / 2n + (rest * (rest - 1n)) / 2n;
}

/** The closed form of jsonRoundTrip(n): the sum of ids, of i mod 3, of i mod 5, and the count of even ids. */
export function expectedJsonRoundTrip(n: number): number {
  const big = BigInt(n);
  const ids = (big * (big - 1n)) / 2n;
  const evens = (big + 1n) / 2n;
  return Number((ids + sumOfRemainders(big, 3n) + sumOfRemainders(big, 5n) + evens) % 2n ** 32n);
}
