/** Numbers and figures as the report prints them: times, ratios with their intervals, rounds and verdicts, slopes. */
import type { PairedComparison } from "@runtime-bench/model/comparisons";

/** Milliseconds with about three significant figures: 1234 -> "1234", 12.34 -> "12.3", 0.1234 -> "0.123", 0.00042 -> "0.00042". */
export function ms(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  if (value >= 0.01 || value === 0) return value.toFixed(value >= 1 ? 2 : 3);
  return value.toPrecision(2);
}

/**
 * A ratio as every figure prints it: two decimals, and two significant digits below 0.1, so a far smaller ratio reads
 * "0.0042", never "0.00" (nor its interval "[0.00–0.00]").
 */
export const ratio = (value: number): string => (value >= 0.1 || value === 0 ? value.toFixed(2) : value.toPrecision(2));
export const times = (value: number): string => `${ratio(value)}x`;
export const percent = (value: number): string => `${(value * 100).toFixed(0)}%`;
export const mib = (value: number): string => `${value.toFixed(0)} MiB`;

/** Where a figure has no 95% interval: fewer rounds than the fewest that give one. */
export const NO_INTERVAL = "[no interval: too few rounds]";

type Figure = Pick<PairedComparison, "timeRatio" | "ci95"> & { pairs?: number };

/** "[1.74–1.93, n = 12]": an interval and the rounds behind it (the rounds alone where there is no interval). */
function bracket(low: number | null, high: number | null, pairs: number | undefined): string {
  const rounds = pairs === undefined ? "" : `n = ${pairs}`;
  if (low === null || high === null) return pairs === undefined ? NO_INTERVAL : `[no interval: ${rounds}]`;
  return `[${ratio(low)}–${ratio(high)}${rounds ? `, ${rounds}` : ""}]`;
}

/** "1.84x [1.74–1.93, n = 12]": how many times faster than the reference (its time over this one's), over n rounds. */
export function speedupFigure(comparison: Figure): string {
  const { ci95 } = comparison;
  return `${times(1 / comparison.timeRatio)} ${bracket(ci95 ? 1 / ci95[1] : null, ci95 ? 1 / ci95[0] : null, comparison.pairs)}`;
}

/**
 * "1.84x [1.74–1.93, n = 12] faster": a speed-up with its interval, the rounds behind it and its verdict; where its
 * per-round ratios split into two clusters, it says so, so no lesson is read from a split sample unawares (clusters
 * that read differently have already made it inconclusive).
 */
export const judgedSpeedup = (comparison: PairedComparison): string =>
  `${speedupFigure(comparison)} ${comparison.verdict}${comparison.split ? ` (rounds split in two clusters, ${comparison.split.lower} and ${comparison.split.upper})` : ""}`;

/** Where a comparison was expected and there is none: no round had both of its runs. */
export const NO_COMPARISON = "n/a (no rounds in common)";
export const judgedOrNone = (comparison: PairedComparison | null | undefined): string =>
  comparison ? judgedSpeedup(comparison) : NO_COMPARISON;

/** A median with its interval: "1234 ms [1200–1290]", or "1234 ms [no interval: too few rounds]". */
export const msWithInterval = (median: number, ci95: readonly [number, number] | null): string =>
  `${ms(median)} ms ${ci95 ? `[${ms(ci95[0])}–${ms(ci95[1])}]` : NO_INTERVAL}`;

/** A memory slope with its interval: "23.4 KiB [21.0–25.1]" (per in-flight request) or "9.2 MiB [9.0–9.4]" (per worker). */
type Slope = { mib: number; ci95: readonly [number, number] | null };
export const kibSlope = (slope: Slope): string =>
  `${(slope.mib * 1024).toFixed(1)} KiB ${slope.ci95 ? `[${slope.ci95.map((value) => (value * 1024).toFixed(1)).join("–")}]` : NO_INTERVAL}`;
export const mibSlope = (slope: Slope): string =>
  `${slope.mib.toFixed(1)} MiB ${slope.ci95 ? `[${slope.ci95.map((value) => value.toFixed(1)).join("–")}]` : NO_INTERVAL}`;
