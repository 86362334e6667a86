/**
 * The comparisons every verdict is drawn from, in one place, so the launcher (which stops measuring a settled
 * comparison) and the report agree on them. All are paired: a ratio only ever compares two runs of the same
 * round and the same block of that round (round-order.ts), which ran side by side, at most MAX_PAIR_GAP_RUNS
 * runs apart, so a slow spell of the machine touches both sides of a pair. Each comparison carries how far apart
 * its pairs really were, in runs and in seconds.
 *
 * - Against a baseline: each cell with the cell it declares as its baseline, in the same runtime (e.g. a worker
 *   pool against the sequential run of the same size), in every group of cells; and each cell with the cell it
 *   is paired with besides (`pairedWith`: native key derivation against the same work in plain JavaScript).
 * - Across runtimes: each pair of runtimes under test (and contenders of them: node@24 and node are two), in every
 *   headline cell measured the same way on both (the Python references are compared with their own baselines, and
 *   with the fastest runtime in the report); and two contenders of one runtime in each primitive cost.
 */
import { byRuntimeOrder, isUnderTest, type RuntimeName } from "./runtimes.ts";
import type { CellGroup } from "./scenarios/params.ts";
import type { CellResult, CellSample } from "./schema.ts";
import { type ClusterSplit, MIN_RUNS_FOR_INTERVAL, median, pairedRatio, twoClusters } from "./stats.ts";
import { EFFECT_THRESHOLD, type Verdict, verdictOf } from "./verdict.ts";

/** Fewer pairs than this give no 95% interval, so no verdict but "inconclusive". */
export const MIN_PAIRS = MIN_RUNS_FOR_INTERVAL;

/** How far apart the two runs of each pair of a comparison ran. */
export interface PairGap {
  /** In runs: 1 means back to back (positions in the round's order). */
  medianRuns: number;
  maxRuns: number;
  /** Between the two runs' starts, seconds. */
  medianSeconds: number;
  maxSeconds: number;
}

export interface PairedComparison {
  /** The subject's time over the reference's: the median over rounds of the per-round ratio. */
  timeRatio: number;
  /** Distribution-free 95% interval of that median (order statistics of the ratios); null below MIN_PAIRS pairs. */
  ci95: [number, number] | null;
  /** The interval's exact coverage for `pairs` pairs, or null without one. */
  coverage: number | null;
  /** Rounds in which both were measured. */
  pairs: number;
  verdict: Verdict;
  /** The per-round ratios fell in two clusters (flagged in the report), or null. */
  split: ClusterSplit | null;
  /** The two clusters read differently (one faster, the other not): then the comparison is inconclusive, whatever its interval. */
  splitDisagrees: boolean;
  gap: PairGap;
}

type Timed = Pick<CellSample, "round" | "slot" | "wallMs" | "startedAtMs">;

/** The paired comparison of two series of runs, or null when they have no round in common. */
export function comparePaired(subject: readonly Timed[], reference: readonly Timed[]): PairedComparison | null {
  const referenceByRound = new Map(reference.map((sample) => [sample.round, sample]));
  const pairs = subject.flatMap((sample) => {
    const other = referenceByRound.get(sample.round);
    return other === undefined ? [] : [[sample, other] as const];
  });
  if (pairs.length === 0) return null;
  const { ratio, ci95, coverage, logRatios } = pairedRatio(
    pairs.map(([own]) => own.wallMs),
    pairs.map(([, other]) => other.wallMs),
  );
  const split = twoClusters(logRatios);
  const splitDisagrees = split !== null && side(split.lowerCentre) !== side(split.upperCentre);
  return {
    timeRatio: ratio,
    ci95,
    coverage,
    pairs: pairs.length,
    verdict: verdictOf(ratio, ci95, { split: splitDisagrees }),
    split,
    splitDisagrees,
    gap: gapOf(pairs),
  };
}

/**
 * The same comparison read the other way round: the reference's time over the subject's. Every ratio is taken in log
 * space (stats.ts), so its median, interval and clusters turn over exactly; the verdict rule is symmetric, so faster
 * and slower swap and the rest stay.
 */
export function reversed(comparison: PairedComparison): PairedComparison {
  const { ci95, split, verdict } = comparison;
  return {
    ...comparison,
    timeRatio: 1 / comparison.timeRatio,
    ci95: ci95 && [1 / ci95[1], 1 / ci95[0]],
    verdict: verdict === "faster" ? "slower" : verdict === "slower" ? "faster" : verdict,
    split: split && {
      ...split,
      lower: split.upper,
      upper: split.lower,
      lowerCentre: 1 / split.upperCentre,
      upperCentre: 1 / split.lowerCentre,
    },
  };
}

/**
 * Which way a ratio reads: slower (at least 5% above 1), faster (at least 5% below) or neither. Two clusters of
 * per-round ratios that read the same way (both 1.3x and 1.7x faster, say) tell one lesson; two that read
 * differently (one faster, one not) mean the rounds measured two different things, and no lesson is drawn.
 */
const side = (ratio: number): -1 | 0 | 1 => (ratio >= 1 + EFFECT_THRESHOLD ? 1 : ratio <= 1 / (1 + EFFECT_THRESHOLD) ? -1 : 0);

function gapOf(pairs: ReadonlyArray<readonly [Timed, Timed]>): PairGap {
  const runs = pairs.map(([a, b]) => Math.abs(a.slot - b.slot));
  const seconds = pairs.map(([a, b]) => Math.abs(a.startedAtMs - b.startedAtMs) / 1000);
  return { medianRuns: median(runs), maxRuns: Math.max(...runs), medianSeconds: median(seconds), maxSeconds: Math.max(...seconds) };
}

export interface RuntimeCells {
  /** The runtime whose app ran the cells: it orders the list and tells a runtime under test from a reference. */
  name: RuntimeName;
  /** What the run calls it, unique in the run: a label where one runtime runs more than once, else its name. */
  label?: string;
  cells: readonly CellResult[];
}

/** The name a comparison gives a side: its label, else its runtime's name. */
export const labelOf = (runtime: Pick<RuntimeCells, "name" | "label">): string => runtime.label ?? runtime.name;

export type Comparison =
  | {
      kind: "baseline";
      group: CellGroup;
      cellId: string;
      /** The label of the runtime both cells ran in (labelOf). */
      runtime: string;
      baseline: string;
      comparison: PairedComparison | null;
    }
  | {
      kind: "paired";
      group: CellGroup;
      cellId: string;
      runtime: string;
      pairedWith: string;
      comparison: PairedComparison | null;
    }
  | {
      kind: "runtimes";
      group: CellGroup;
      cellId: string;
      /** Labels (labelOf): the later runtime of RUNTIME_NAMES is the subject. */
      subject: string;
      reference: string;
      comparison: PairedComparison | null;
    };

/** A cell with counted, verified runs. */
const measured = (cell: CellResult | undefined): cell is CellResult =>
  cell !== undefined && cell.status === "ok" && cell.samples.length > 0;

/**
 * Every paired comparison of a run: each cell against its baseline in each runtime (every group), and each pair
 * of runtimes under test in each headline cell compared across runtimes (the later runtime of RUNTIME_NAMES as
 * the subject). Pairs where either side failed, was n/a or has no runs are left out.
 */
export function runComparisons(runtimes: readonly RuntimeCells[]): Comparison[] {
  const ordered = [...runtimes].sort(byRuntimeOrder);
  const withinRuntimes = ordered.flatMap(({ cells, ...runtime }) =>
    cells.flatMap((cell): Comparison[] => {
      if (!measured(cell)) return [];
      const baseline = cells.find((other) => other.cellId === cell.baseline);
      const paired = cells.find((other) => other.cellId === cell.pairedWith);
      const common = { group: cell.group, cellId: cell.cellId, runtime: labelOf(runtime) };
      return [
        ...(measured(baseline)
          ? [{ ...common, kind: "baseline" as const, baseline: baseline.cellId, comparison: comparePaired(cell.samples, baseline.samples) }]
          : []),
        ...(measured(paired)
          ? [{ ...common, kind: "paired" as const, pairedWith: paired.cellId, comparison: comparePaired(cell.samples, paired.samples) }]
          : []),
      ];
    }),
  );
  return [...withinRuntimes, ...acrossRuntimes(ordered)];
}

/**
 * Only runtimes under test are ranked against each other; a Python reference stands beside them. The primitive costs
 * are compared between contenders of one runtime only (node@24 against node: what a version changed).
 */
function acrossRuntimes(ordered: readonly RuntimeCells[]): Comparison[] {
  const ranked = ordered.filter(({ name }) => isUnderTest(name));
  const compared = (cell: CellResult) => isRankedAcrossRuntimes(cell) || isComparedBetweenContenders(cell);
  const cellIds = [...new Set(ranked.flatMap(({ cells }) => cells.filter(compared).map((cell) => cell.cellId)))];
  return cellIds.flatMap((cellId) =>
    ranked.flatMap((reference, index) =>
      ranked.slice(index + 1).flatMap((subject): Comparison[] => {
        const own = subject.cells.find((cell) => cell.cellId === cellId);
        const other = reference.cells.find((cell) => cell.cellId === cellId);
        if (!measured(own) || !measured(other)) return [];
        if (!isRankedAcrossRuntimes(own) && subject.name !== reference.name) return [];
        return [
          {
            kind: "runtimes",
            group: own.group,
            cellId,
            subject: labelOf(subject),
            reference: labelOf(reference),
            comparison: comparePaired(own.samples, other.samples),
          },
        ];
      }),
    ),
  );
}

/** Headline cells that are not labelled variants are compared across runtimes (sweeps and ladders are not). */
export const isRankedAcrossRuntimes = (cell: Pick<CellResult, "group" | "comparedAcrossRuntimes">): boolean =>
  cell.comparedAcrossRuntimes && cell.group === "headline";

/** A primitive cost: compared between two contenders of one runtime (versions, builds, flags), never across runtimes. */
export const isComparedBetweenContenders = (cell: { group: string }): boolean => cell.group === "primitives";

/** The (runtime, cell) pairs a comparison measures: both of its sides. */
export function sidesOf(comparison: Comparison): Array<{ runtime: string; cellId: string }> {
  switch (comparison.kind) {
    case "baseline":
      return [
        { runtime: comparison.runtime, cellId: comparison.cellId },
        { runtime: comparison.runtime, cellId: comparison.baseline },
      ];
    case "paired":
      return [
        { runtime: comparison.runtime, cellId: comparison.cellId },
        { runtime: comparison.runtime, cellId: comparison.pairedWith },
      ];
    case "runtimes":
      return [
        { runtime: comparison.subject, cellId: comparison.cellId },
        { runtime: comparison.reference, cellId: comparison.cellId },
      ];
  }
}

/**
 * A run's comparisons looked up by what they compare: a cell with its baseline in one runtime (by label), and two
 * runtimes in one cell. runComparisons compares each pair of runtimes once, one way round; asked the other way, the
 * lookup gives it reversed. Undefined where the run made no such comparison, null where it had no round in common.
 */
export function comparisonLookup(comparisons: readonly Comparison[]) {
  const key = (...parts: string[]) => parts.join("\n");
  const byKey = new Map(
    comparisons.map((one) => [
      one.kind === "runtimes" ? key(one.cellId, one.subject, one.reference) : key(one.kind, one.cellId, one.runtime),
      one.comparison,
    ]),
  );
  return {
    baseline: (label: string, cellId: string) => byKey.get(key("baseline", cellId, label)),
    between: (subject: string, reference: string, cellId: string): PairedComparison | null | undefined => {
      const direct = byKey.get(key(cellId, subject, reference));
      if (direct !== undefined) return direct;
      const other = byKey.get(key(cellId, reference, subject));
      return other && reversed(other);
    },
  };
}

/** Its verdict, "inconclusive" while it has no comparison yet. */
export const verdictOfComparison = (comparison: Comparison): Verdict => comparison.comparison?.verdict ?? "inconclusive";

/** "node: cpu.worker-pool/n=3e8 vs cpu.sequential/n=3e8" or "bun vs node: cpu.sequential/n=3e8". */
export function describeComparison(comparison: Comparison): string {
  switch (comparison.kind) {
    case "baseline":
      return `${comparison.runtime}: ${comparison.cellId} vs ${comparison.baseline}`;
    case "paired":
      return `${comparison.runtime}: ${comparison.cellId} vs ${comparison.pairedWith}`;
    case "runtimes":
      return `${comparison.subject} vs ${comparison.reference}: ${comparison.cellId}`;
  }
}
