/**
 * Where the rounds go, and when they stop (Kalibera & Jones, "Rigorous benchmarking in reasonable time", 2013:
 * spend repetitions where the variance is). Every cell runs in at least `minRounds` rounds (6: the fewest whose
 * order statistics give a 95% interval for a median). After that a comparison that has settled (faster, slower or
 * equivalent by verdict.ts) stops being measured, and so do its cells unless an open comparison still needs them;
 * the rounds that follow measure what is still open, until it settles, the budget ends or the maximum is reached.
 *
 * Stopping when a result looks settled inflates false verdicts: every look is another chance for noise to cross a
 * line. So a comparison is looked at only at LOOK rounds, spaced by a third (6, 8, 11, 15, 20, 27, ...), and
 * between looks the rounds measure what the last look left open. test/stopping-rule.test.ts checks this rule, with
 * the verdict rule, on simulated rounds whose noise is resampled from a real run's per-round ratios: a true
 * difference of 0 is called faster or slower in at most 5% of simulated runs, a true 1.5x faster in at least 95%.
 * (Looking after every round called the true 0 a difference in ~7% of them.)
 */
import {
  type Comparison,
  labelOf,
  type RuntimeCells,
  runComparisons,
  sidesOf,
  verdictOfComparison,
} from "@runtime-bench/model/comparisons";
import type { StopReason } from "@runtime-bench/model/schema";
import { isSettled } from "@runtime-bench/model/verdict";

export interface OpenWork {
  comparisons: Comparison[];
  /** Comparisons not yet settled (inconclusive, or too few rounds for an interval). */
  open: Comparison[];
  /** "label cellId" of every cell that must run in the next round (a runtime's label is its name unless it runs twice). */
  active: Set<string>;
}

export const runKey = (label: string, cellId: string): string => `${label} ${cellId}`;

/** What the next round must measure: cells below the minimum of rounds, and both sides of every open comparison. */
export function openWork(runtimes: readonly RuntimeCells[], minRounds: number): OpenWork {
  const comparisons = runComparisons(runtimes);
  const open = comparisons.filter((comparison) => !isSettled(verdictOfComparison(comparison)));
  const active = new Set<string>();
  for (const runtime of runtimes) {
    for (const cell of runtime.cells)
      if (cell.status === "ok" && cell.samples.length < minRounds) active.add(runKey(labelOf(runtime), cell.cellId));
  }
  for (const comparison of open) {
    for (const side of sidesOf(comparison)) {
      const cell = runtimes.find((runtime) => labelOf(runtime) === side.runtime)?.cells.find((one) => one.cellId === side.cellId);
      if (cell?.status === "ok") active.add(runKey(side.runtime, side.cellId));
    }
  }
  return { comparisons, open, active };
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
