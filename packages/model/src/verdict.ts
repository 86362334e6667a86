/**
 * The project's verdict rule, in one place. Four verdicts, not three:
 *
 * - "faster" / "slower": the 95% interval excludes 1.0 and the difference is at least EFFECT_THRESHOLD;
 * - "equivalent": the whole interval lies within ±EFFECT_THRESHOLD of 1.0 (shown equal, to what matters);
 * - "inconclusive": anything else: too few rounds for an interval, an interval that straddles a boundary, or
 *   per-round ratios that split into two clusters reading differently, one faster and one not (whatever the
 *   interval says; comparisons.ts).
 *
 * A comparison is settled once it is faster, slower or equivalent: the launcher stops measuring it, and the report
 * says "did not pay off" only of a slower or an equivalent one.
 */

/** The smallest difference the report calls a difference, and the margin of "equivalent": 5%. */
export const EFFECT_THRESHOLD = 0.05;

export const VERDICTS = ["faster", "slower", "equivalent", "inconclusive"] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Verdicts that answer the question: a comparison with one of these is not measured again. */
export const isSettled = (verdict: Verdict): boolean => verdict !== "inconclusive";

/**
 * `timeRatio` is the subject's time over the reference's (above 1: the subject took longer); `ci95` its interval,
 * null with too few rounds; `split`: its runs fell in two clusters.
 */
export function verdictOf(
  timeRatio: number,
  ci95: readonly [number, number] | null,
  { split = false, threshold = EFFECT_THRESHOLD }: { split?: boolean; threshold?: number } = {},
): Verdict {
  if (ci95 === null || split) return "inconclusive";
  const [low, high] = ci95;
  if (low > 1 && timeRatio >= 1 + threshold) return "slower";
  if (high < 1 && timeRatio <= 1 / (1 + threshold)) return "faster";
  if (low >= 1 / (1 + threshold) && high <= 1 + threshold) return "equivalent";
  return "inconclusive";
}
