/** Number and phrase formatting shared by the report's tables and its reading. */
import type { PairedComparison } from "@runtime-bench/harness/comparisons";

/** Milliseconds with about three significant figures: 1234 -> "1234", 12.34 -> "12.3", 0.1234 -> "0.123". */
export function ms(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(value >= 1 ? 2 : 3);
}

export const times = (value: number): string => `${value.toFixed(2)}x`;
export const percent = (value: number): string => `${(value * 100).toFixed(0)}%`;
export const mib = (value: number): string => `${value.toFixed(0)} MiB`;
export const interval = ([low, high]: readonly [number, number]): string => `[${low.toFixed(2)}–${high.toFixed(2)}]`;

/** "1.84x [1.74–1.93]": how many times faster than the reference (its time over this one's). */
export function speedupFigure(comparison: PairedComparison): string {
  return `${times(1 / comparison.timeRatio)} ${interval([1 / comparison.ci95[1], 1 / comparison.ci95[0]])}`;
}

/** "1.45x [1.31–1.51]": this one's time over the reference's. */
export function ratioFigure(comparison: Pick<PairedComparison, "timeRatio" | "ci95">): string {
  return `${times(comparison.timeRatio)} ${interval(comparison.ci95)}`;
}

/** Lists "a (node), b (bun), c (deno)". */
export function perRuntime<T extends { runtime: string }>(items: readonly T[], show: (item: T) => string): string {
  return items.map((item) => `${show(item)} (${item.runtime})`).join(", ");
}

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/** A memory slope with its interval: "23.4 KiB [21.0–25.1]" (per in-flight request) or "9.2 MiB [9.0–9.4]" (per worker). */
type Slope = { mib: number; ci95: readonly [number, number] };
export const kibSlope = (slope: Slope): string =>
  `${(slope.mib * 1024).toFixed(1)} KiB [${slope.ci95.map((value) => (value * 1024).toFixed(1)).join("–")}]`;
export const mibSlope = (slope: Slope): string => `${slope.mib.toFixed(1)} MiB [${slope.ci95.map((value) => value.toFixed(1)).join("–")}]`;
