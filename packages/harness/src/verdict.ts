/**
 * The project's verdict rule, in one place: a difference is called "faster" or "slower" only when its 95%
 * interval excludes 1.0 and it is at least EFFECT_THRESHOLD large; otherwise it is "≈". A significant but
 * small difference (1.03x with an interval of 1.01-1.05) is "≈": it is real, but too small to matter or to
 * survive the next run on a noisy machine.
 */

/** The smallest difference the report calls a difference: 5%. */
export const EFFECT_THRESHOLD = 0.05;

export type Verdict = "faster" | "≈" | "slower";

/** `timeRatio` is the subject's time over the reference's (above 1: the subject took longer). */
export function verdictOf(timeRatio: number, ci95: readonly [number, number], threshold = EFFECT_THRESHOLD): Verdict {
  if (ci95[0] > 1 && timeRatio >= 1 + threshold) return "slower";
  if (ci95[1] < 1 && timeRatio <= 1 / (1 + threshold)) return "faster";
  return "≈";
}

/**
 * How far the interval reaches from its ratio, on a log scale so that a ratio and its inverse are equally
 * precise: 0.05 means the interval lies within ratio / 1.05 and ratio x 1.05.
 */
export function relativeHalfWidth(ratio: number, ci95: readonly [number, number]): number {
  return Math.exp(Math.max(Math.log(ci95[1] / ratio), Math.log(ratio / ci95[0]))) - 1;
}
