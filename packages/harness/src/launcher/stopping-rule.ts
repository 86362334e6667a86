/**
 * Where the rounds go, and when they stop (Kalibera & Jones, "Rigorous benchmarking in reasonable time", 2013:
 * spend repetitions where the variance is). Every cell runs in at least `minRounds` rounds (6: the fewest whose
 * order statistics give a 95% interval for a median). After that a comparison that has settled (faster, slower or
 * equivalent by verdict.ts) stops being measured, and so do its cells unless an open comparison still needs them;
 * the rounds that follow measure what is still open, until it settles, the budget ends or the maximum is reached.
 *
 * Stopping when a result looks settled inflates false verdicts: every look is another chance for noise to cross a
 * line. So a comparison is looked at only at LOOK rounds, spaced by a third (6, 8, 11, 15, 20, 27, ...), and
 * between looks the rounds measure what the last look left open. At a look, an open comparison that could not settle
 * in the rounds the budget still leaves (couldSettle) stops being measured too, so those rounds go to the questions
 * near a line, which more rounds do settle. test/stopping-rule.test.ts checks this rule, with
 * the verdict rule, on simulated rounds whose noise is resampled from a real run's per-round ratios: a true
 * difference of 0 is called faster or slower in at most 5% of simulated runs, a true 1.5x faster in at least 95%.
 * (Looking after every round called the true 0 a difference in ~7% of them.)
 */
import { type Comparison, type PairedComparison, type RuntimeCells, runComparisons, sidesOf, verdictOfComparison } from "../comparisons.ts";
import type { RuntimeName } from "../runtimes.ts";
import type { StopReason } from "../schema.ts";
import { EFFECT_THRESHOLD, isSettled } from "../verdict.ts";

export interface OpenWork {
  comparisons: Comparison[];
  /** Comparisons not yet settled (inconclusive, or too few rounds for an interval). */
  open: Comparison[];
  /** Open comparisons that could not settle within the rounds left (`couldSettle`): no longer measured for themselves. */
  futile: Comparison[];
  /** "runtime cellId" of every cell that must run in the next round. */
  active: Set<string>;
}

export const runKey = (runtime: RuntimeName, cellId: string): string => `${runtime} ${cellId}`;

/**
 * What the next round must measure: cells below the minimum of rounds, and both sides of every open comparison that
 * could still settle within `roundsAvailable` rounds in all (the rest of the budget, at most the profile's maximum).
 */
export function openWork(runtimes: readonly RuntimeCells[], minRounds: number, roundsAvailable = Number.POSITIVE_INFINITY): OpenWork {
  const comparisons = runComparisons(runtimes);
  const open = comparisons.filter((comparison) => !isSettled(verdictOfComparison(comparison)));
  const futile = open.filter((comparison) => !couldSettle(comparison.comparison, roundsAvailable));
  const active = new Set<string>();
  for (const { name, cells } of runtimes) {
    for (const cell of cells) if (cell.status === "ok" && cell.samples.length < minRounds) active.add(runKey(name, cell.cellId));
  }
  for (const comparison of open.filter((one) => !futile.includes(one))) {
    for (const side of sidesOf(comparison)) {
      const cell = runtimes.find((runtime) => runtime.name === side.runtime)?.cells.find((one) => one.cellId === side.cellId);
      if (cell?.status === "ok") active.add(runKey(side.runtime, side.cellId));
    }
  }
  return { comparisons, open, futile, active };
}

/**
 * Whether a comparison could still settle by the time it has `roundsAvailable` pairs: its interval, projected to
 * narrow as 1/sqrt(pairs) around its current point (as a median's does), would then lie within ±5% (equivalent), or
 * off 1.0 with the point at least 5% away (a difference). One that could not is a question this run cannot answer:
 * measuring it on spends the rounds that the comparisons near a line need (stopping for futility never makes a false
 * verdict more likely; it leaves the comparison inconclusive). Below the minimum of rounds there is no interval to
 * project, and every comparison could still settle.
 */
export function couldSettle(comparison: PairedComparison | null, roundsAvailable: number): boolean {
  if (!comparison?.ci95 || !Number.isFinite(roundsAvailable)) return true;
  const point = Math.log(comparison.timeRatio);
  const halfWidth = Math.max(point - Math.log(comparison.ci95[0]), Math.log(comparison.ci95[1]) - point);
  const projected = halfWidth * Math.sqrt(comparison.pairs / Math.max(roundsAvailable, comparison.pairs));
  const line = Math.log(1 + EFFECT_THRESHOLD);
  const equivalent = Math.abs(point) + projected <= line;
  const different = Math.abs(point) >= line && projected < Math.abs(point);
  return equivalent || different;
}

export interface RoundsSoFar {
  counted: number;
  maxRounds: number;
  /** Runs the next round would make, and how long they are expected to take (each one's last duration), ms. */
  nextRuns: number;
  nextRoundMs: number;
  /** Since the first round started, ms. */
  elapsedMs: number;
  budgetMs: number;
}

/** Why to stop after this round, or null to go on. The budget is never overrun. */
export function stopReason(state: RoundsSoFar): StopReason | null {
  if (state.nextRuns === 0) return "settled";
  if (state.counted >= state.maxRounds) return "max-rounds";
  if (state.elapsedMs + state.nextRoundMs > state.budgetMs) return "budget";
  return null;
}
