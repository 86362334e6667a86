/**
 * The statistics every published number goes through. Small, dependency-free and checked against known
 * values in test/stats.test.ts. Bootstrap resampling uses a seeded generator, so a report rebuilt from the
 * same files prints the same intervals.
 */

export interface Summary {
  n: number;
  median: number;
  /** 95% bootstrap confidence interval of the median. */
  ci95: [number, number];
  /** Median absolute deviation (unscaled). */
  mad: number;
  min: number;
  max: number;
  mean: number;
  /** Coefficient of variation: sample standard deviation / mean. */
  cv: number;
}

const BOOTSTRAP_RESAMPLES = 2000;

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Linear-interpolation quantile (type 7, the default of R and NumPy). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new RangeError("quantile of an empty list");
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

export function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Sample standard deviation (n - 1 in the denominator). */
export function standardDeviation(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const average = mean(values);
  return Math.sqrt(values.reduce((sum, value) => sum + (value - average) ** 2, 0) / (values.length - 1));
}

export function medianAbsoluteDeviation(values: readonly number[]): number {
  const center = median(values);
  return median(values.map((value) => Math.abs(value - center)));
}

/** mulberry32: a tiny, good-enough seeded PRNG for resampling. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function resample(values: readonly number[], random: () => number): number[] {
  return values.map(() => values[Math.floor(random() * values.length)]!);
}

/** Percentile bootstrap 95% interval of a statistic of one sample. */
export function bootstrapInterval(values: readonly number[], statistic: (sample: number[]) => number, seed = 1): [number, number] {
  const random = seededRandom(seed);
  const estimates = Array.from({ length: BOOTSTRAP_RESAMPLES }, () => statistic(resample(values, random)));
  return [quantile(estimates, 0.025), quantile(estimates, 0.975)];
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new RangeError("cannot summarize an empty sample");
  const average = mean(values);
  return {
    n: values.length,
    median: median(values),
    ci95: bootstrapInterval(values, median),
    mad: medianAbsoluteDeviation(values),
    min: Math.min(...values),
    max: Math.max(...values),
    mean: average,
    cv: average === 0 ? 0 : standardDeviation(values) / average,
  };
}

export interface RatioComparison {
  /** median(a) / median(b): above 1 means a took longer. */
  ratio: number;
  ci95: [number, number];
  /** Two-sided Mann-Whitney U p-value (normal approximation with tie correction). */
  pValue: number;
  /** True when the interval excludes 1.0: only then may a report name a winner. */
  distinguishable: boolean;
}

/** Ratio of medians of two independent samples, with a bootstrap interval and a rank test. */
export function compareSamples(a: readonly number[], b: readonly number[], seed = 7): RatioComparison {
  const random = seededRandom(seed);
  const ratios = Array.from({ length: BOOTSTRAP_RESAMPLES }, () => median(resample(a, random)) / median(resample(b, random)));
  const ci95: [number, number] = [quantile(ratios, 0.025), quantile(ratios, 0.975)];
  return {
    ratio: median(a) / median(b),
    ci95,
    pValue: mannWhitneyU(a, b).pValue,
    distinguishable: ci95[0] > 1 || ci95[1] < 1,
  };
}

/**
 * The paired ratio of runs measured in pairs (the same round, seconds apart): the median of the per-pair
 * ratios numerators[i] / denominators[i], with a bootstrap 95% interval over the pairs. A slowdown of the
 * whole machine during a round slows both runs of the pair and drops out of their ratio, where a ratio of two
 * medians would mix rounds taken in different conditions. (It does not undo everything: one slow core hurts a
 * single thread and a pool differently.)
 *
 * The median is taken of the logarithms, so the ratio of b to a is exactly the inverse of the ratio of a to b
 * (with an even number of pairs a plain median would average the middle two ratios, and the two directions
 * would disagree).
 */
export function pairedRatio(
  numerators: readonly number[],
  denominators: readonly number[],
  seed = 11,
): { ratio: number; ci95: [number, number] } {
  if (numerators.length !== denominators.length || numerators.length === 0) {
    throw new RangeError(`paired samples need equal, non-zero lengths (got ${numerators.length} and ${denominators.length})`);
  }
  const logRatios = numerators.map((value, index) => Math.log(value / denominators[index]!));
  const [low, high] = bootstrapInterval(logRatios, median, seed);
  return { ratio: Math.exp(median(logRatios)), ci95: [Math.exp(low), Math.exp(high)] };
}

/** Mann-Whitney U test, two-sided, normal approximation with tie and continuity correction. */
export function mannWhitneyU(a: readonly number[], b: readonly number[]): { u: number; pValue: number } {
  const pooled = [...a.map((value) => ({ value, fromA: true })), ...b.map((value) => ({ value, fromA: false }))].sort(
    (x, y) => x.value - y.value,
  );
  const ranks = new Array<number>(pooled.length);
  let tieTerm = 0;
  for (let start = 0; start < pooled.length; ) {
    let end = start;
    while (end + 1 < pooled.length && pooled[end + 1]!.value === pooled[start]!.value) end++;
    const averageRank = (start + end + 2) / 2;
    for (let index = start; index <= end; index++) ranks[index] = averageRank;
    const tied = end - start + 1;
    tieTerm += tied ** 3 - tied;
    start = end + 1;
  }
  const rankSumA = pooled.reduce((sum, entry, index) => (entry.fromA ? sum + ranks[index]! : sum), 0);
  const n1 = a.length;
  const n2 = b.length;
  const u = rankSumA - (n1 * (n1 + 1)) / 2;
  const total = n1 + n2;
  const variance = ((n1 * n2) / 12) * (total + 1 - tieTerm / (total * (total - 1)));
  if (variance === 0) return { u, pValue: 1 };
  const z = (Math.abs(u - (n1 * n2) / 2) - 0.5) / Math.sqrt(variance);
  return { u, pValue: Math.min(1, 2 * (1 - normalCdf(Math.max(0, z)))) };
}

/** Standard normal CDF (Abramowitz & Stegun 26.2.17, error below 7.5e-8). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const density = Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
  const tail = density * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return z >= 0 ? 1 - tail : tail;
}
