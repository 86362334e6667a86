/**
 * When to stop measuring: precision decides the number of rounds, within a minimum, a maximum and a time
 * budget. After the minimum, rounds stop once every headline interval lies within ±target of its ratio; the
 * budget stops them sooner when the next round would not fit (and then the report says which intervals did
 * not get there).
 */
import { type HeadlineComparison, headlineComparisons, type RuntimeCells } from "../comparisons.ts";
import type { StopReason } from "../schema.ts";

export interface Precision {
  /** Headline comparisons that have an interval. */
  total: number;
  /** Those whose interval is not yet within the target, or that have too few rounds for an interval. */
  unsettled: HeadlineComparison[];
}

export function precisionOf(runtimes: readonly RuntimeCells[], target: number): Precision {
  const headlines = headlineComparisons(runtimes);
  return {
    total: headlines.length,
    unsettled: headlines.filter((headline) => !headline.comparison || headline.comparison.halfWidth > target),
  };
}

export interface RoundsSoFar {
  counted: number;
  minRounds: number;
  maxRounds: number;
  precision: Precision;
  /** Since the first round started, and how long the last round took, ms. */
  elapsedMs: number;
  lastRoundMs: number;
  budgetMs: number;
}

/** Why to stop after this round, or null to go on. The budget is never overrun: it wins over the minimum. */
export function stopReason(state: RoundsSoFar): StopReason | null {
  if (state.counted >= state.maxRounds) return "max-rounds";
  if (state.counted >= state.minRounds && state.precision.unsettled.length === 0) return "target";
  if (state.elapsedMs + state.lastRoundMs > state.budgetMs) return "budget";
  return null;
}
