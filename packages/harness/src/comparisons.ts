/**
 * The comparisons every verdict is drawn from, in one place, so the launcher's stopping rule and the report
 * agree on them. All are paired by round: a ratio only ever compares two runs of the same round, taken
 * seconds apart, so a slow spell of the machine touches both sides of a pair.
 *
 * - Against a baseline: each cell with the cell it declares as its baseline, in the same runtime (e.g. a
 *   worker pool against the sequential run of the same size).
 * - Across runtimes: each pair of runtimes under test, in every cell measured the same way on both (the Python
 *   references are compared with their own baselines only).
 */
import { isUnderTest, RUNTIME_NAMES, type RuntimeName } from "./runtimes.ts";
import type { CellResult, CellSample } from "./schema.ts";
import { pairedRatio } from "./stats.ts";
import { relativeHalfWidth, type Verdict, verdictOf } from "./verdict.ts";

/** Fewer pairs than this give no interval worth a verdict. */
export const MIN_PAIRS = 3;

export interface PairedComparison {
  /** The subject's time over the reference's: the median over rounds of the per-round ratio. */
  timeRatio: number;
  /** 95% bootstrap interval of that median, over rounds. */
  ci95: [number, number];
  /** Rounds in which both were measured. */
  pairs: number;
  verdict: Verdict;
  /** How far the interval reaches from the ratio (0.05 = within ±5%). */
  halfWidth: number;
}

type Timed = Pick<CellSample, "round" | "wallMs">;

/** The paired comparison of two series of runs, or null with fewer than MIN_PAIRS rounds in common. */
export function comparePaired(subject: readonly Timed[], reference: readonly Timed[]): PairedComparison | null {
  const referenceByRound = new Map(reference.map((sample) => [sample.round, sample.wallMs]));
  const pairs = subject.flatMap((sample) => {
    const other = referenceByRound.get(sample.round);
    return other === undefined ? [] : [[sample.wallMs, other] as const];
  });
  if (pairs.length < MIN_PAIRS) return null;
  const { ratio, ci95 } = pairedRatio(
    pairs.map(([own]) => own),
    pairs.map(([, other]) => other),
  );
  return { timeRatio: ratio, ci95, pairs: pairs.length, verdict: verdictOf(ratio, ci95), halfWidth: relativeHalfWidth(ratio, ci95) };
}

export interface RuntimeCells {
  name: RuntimeName;
  cells: readonly CellResult[];
}

export type HeadlineComparison =
  | { kind: "baseline"; cellId: string; runtime: RuntimeName; baseline: string; comparison: PairedComparison | null }
  | { kind: "runtimes"; cellId: string; subject: RuntimeName; reference: RuntimeName; comparison: PairedComparison | null };

/** A headline cell with counted, verified runs (a sweep or a ladder has its own reading, not verdicts). */
const measured = (cell: CellResult | undefined): cell is CellResult =>
  cell !== undefined && cell.group === "headline" && cell.status === "ok" && cell.samples.length > 0;

/**
 * Every headline comparison of a run: each cell against its baseline in each runtime, and each pair of
 * runtimes in each cell compared across runtimes (the later runtime of RUNTIME_NAMES as the subject). Pairs
 * where either side failed, was n/a or has no runs are left out.
 */
export function headlineComparisons(runtimes: readonly RuntimeCells[]): HeadlineComparison[] {
  const ordered = [...runtimes].sort((a, b) => RUNTIME_NAMES.indexOf(a.name) - RUNTIME_NAMES.indexOf(b.name));
  const againstBaselines = ordered.flatMap(({ name, cells }) =>
    cells.flatMap((cell): HeadlineComparison[] => {
      const baseline = cells.find((other) => other.cellId === cell.baseline);
      if (!measured(cell) || !measured(baseline)) return [];
      return [
        {
          kind: "baseline",
          cellId: cell.cellId,
          runtime: name,
          baseline: baseline.cellId,
          comparison: comparePaired(cell.samples, baseline.samples),
        },
      ];
    }),
  );
  const cellIds = [
    ...new Set(
      ordered.flatMap(({ cells }) =>
        cells.filter((cell) => cell.comparedAcrossRuntimes && cell.group === "headline").map((cell) => cell.cellId),
      ),
    ),
  ];
  // Only runtimes under test are ranked against each other; a Python reference stands beside them (its own baselines).
  const ranked = ordered.filter(({ name }) => isUnderTest(name));
  const acrossRuntimes = cellIds.flatMap((cellId) =>
    ranked.flatMap((reference, index) =>
      ranked.slice(index + 1).flatMap((subject): HeadlineComparison[] => {
        const own = subject.cells.find((cell) => cell.cellId === cellId);
        const other = reference.cells.find((cell) => cell.cellId === cellId);
        if (!measured(own) || !measured(other)) return [];
        return [
          {
            kind: "runtimes",
            cellId,
            subject: subject.name,
            reference: reference.name,
            comparison: comparePaired(own.samples, other.samples),
          },
        ];
      }),
    ),
  );
  return [...againstBaselines, ...acrossRuntimes];
}

/** "node: cpu.worker-pool/n=3e8 vs cpu.sequential/n=3e8" or "bun vs node: cpu.sequential/n=3e8". */
export function describeComparison(headline: HeadlineComparison): string {
  return headline.kind === "baseline"
    ? `${headline.runtime}: ${headline.cellId} vs ${headline.baseline}`
    : `${headline.subject} vs ${headline.reference}: ${headline.cellId}`;
}
