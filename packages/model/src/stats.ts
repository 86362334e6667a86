/**
 * The statistics every published number goes through. Small, dependency-free and checked against known
 * values in test/stats.test.ts.
 *
 * Intervals for a median come from order statistics (medianInterval): distribution-free, with a coverage that
 * is exact for the number of runs behind them, as Go's benchstat computes them. A percentile bootstrap of the
 * median cannot reach past the smallest and largest value, so with 5 runs it is just their range, whatever
 * level it claims; an order-statistic interval says what it is, and below 6 runs there is none at 95%.
 */

export interface Summary {
  n: number;
  median: number;
  /** Distribution-free 95% interval of the median (order statistics); null with fewer than MIN_RUNS_FOR_INTERVAL runs. */
  ci95: [number, number] | null;
  /** The interval's exact coverage for n runs (e.g. 0.969 with 6), or null without an interval. */
  coverage: number | null;
  /** Median absolute deviation (unscaled). */
  mad: number;
  min: number;
  max: number;
  mean: number;
  /** Coefficient of variation: sample standard deviation / mean. */
  cv: number;
}

/** The confidence level every interval is taken at. */
export const CONFIDENCE = 0.95;

/** The fewest runs whose order statistics give a 95% interval for a median ([min, max] of 6 covers 96.9%). */
export const MIN_RUNS_FOR_INTERVAL = 6;

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

/** mulberry32: a tiny, good-enough seeded PRNG (round orders, simulations). */
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

/** P(X <= k) for X ~ Binomial(n, 1/2), summed term by term (exact to double precision for n up to ~1000). */
export function binomialHalfCdf(k: number, n: number): number {
  let term = 2 ** -n;
  let sum = 0;
  for (let i = 0; i <= k && i <= n; i++) {
    sum += term;
    term = (term * (n - i)) / (i + 1);
  }
  return Math.min(1, sum);
}

/**
 * The distribution-free interval for the median of the population a sample came from: [x(k), x(n+1-k)] of the
 * sorted sample, with the largest k whose coverage 1 - 2 P(Binomial(n, 1/2) <= k - 1) is still at least
 * `confidence`. It assumes only independent runs from one distribution. Null when even [min, max] covers less
 * (fewer than 6 runs at 95%): too few runs for an interval, so nothing can be concluded from them.
 */
export function medianInterval(
  values: readonly number[],
  confidence = CONFIDENCE,
): { interval: [number, number]; coverage: number } | null {
  const n = values.length;
  let k = 0;
  for (let candidate = 1; candidate <= Math.floor(n / 2); candidate++) {
    if (1 - 2 * binomialHalfCdf(candidate - 1, n) >= confidence) k = candidate;
    else break;
  }
  if (k === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return { interval: [sorted[k - 1]!, sorted[n - k]!], coverage: 1 - 2 * binomialHalfCdf(k - 1, n) };
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new RangeError("cannot summarize an empty sample");
  const average = mean(values);
  const interval = medianInterval(values);
  return {
    n: values.length,
    median: median(values),
    ci95: interval?.interval ?? null,
    coverage: interval?.coverage ?? null,
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

const BOOTSTRAP_RESAMPLES = 2000;

function resample(values: readonly number[], random: () => number): number[] {
  return values.map(() => values[Math.floor(random() * values.length)]!);
}

/**
 * Ratio of medians of two independent samples (two runs of the bench, measured apart: nothing pairs them), with a
 * percentile bootstrap interval and a rank test. Used only where pairing is impossible by design (--baseline).
 */
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
 * The paired ratio of runs measured in pairs (side by side in the same round): the median of the per-pair
 * ratios numerators[i] / denominators[i], with the order-statistic interval of that median (null with fewer
 * than 6 pairs). A slowdown of the whole machine during a block slows both runs of the pair and drops out of
 * their ratio, where a ratio of two medians would mix moments taken in different conditions. (It does not undo
 * everything: one slow core hurts a single thread and a pool differently.)
 *
 * The median is taken of the logarithms, so the ratio of b to a is exactly the inverse of the ratio of a to b
 * (with an even number of pairs a plain median would average the middle two ratios, and the two directions
 * would disagree).
 */
export function pairedRatio(
  numerators: readonly number[],
  denominators: readonly number[],
): { ratio: number; ci95: [number, number] | null; coverage: number | null; logRatios: number[] } {
  if (numerators.length !== denominators.length || numerators.length === 0) {
    throw new RangeError(`paired samples need equal, non-zero lengths (got ${numerators.length} and ${denominators.length})`);
  }
  const logRatios = numerators.map((value, index) => Math.log(value / denominators[index]!));
  const interval = medianInterval(logRatios);
  return {
    ratio: Math.exp(median(logRatios)),
    ci95: interval ? [Math.exp(interval.interval[0]), Math.exp(interval.interval[1])] : null,
    coverage: interval?.coverage ?? null,
    logRatios,
  };
}

/** The smallest distance between two clusters' centres that counts as a split: 10%. */
export const CLUSTER_MIN_DISTANCE = Math.log(1.1);
/** Ashman's D the two clusters must reach (D = sqrt(2) |m1 - m2| / sqrt(s1^2 + s2^2)); see twoClusters. */
export const CLUSTER_MIN_SEPARATION = 5;

export interface ClusterSplit {
  /** How many values fall in the lower and the upper cluster. */
  lower: number;
  upper: number;
  /** exp(mean of the upper cluster - mean of the lower): 1.5 means the upper runs took ~1.5x as long. */
  factor: number;
  /** exp(mean) of each cluster: its typical value on the original scale (a time, or a ratio). */
  lowerCentre: number;
  upperCentre: number;
  /** Ashman's D of the split. */
  separation: number;
}

/**
 * Whether log-scale values (log times or log ratios) split into two clusters: the best split of the sorted
 * values into two groups (least within-group squares, as one-dimensional 2-means finds it), each holding at least
 * 2 values and a fifth of them, whose centres lie at least 10% apart and are well separated for their spread
 * (Ashman's D >= 5; D > 2 marks a clean mixture of two normals, but a split of one normal sample already reaches
 * ~2.7, so the bar is higher). On simulated one-cluster samples with 10-30% CV it fires in ~12% of samples of 6
 * values, ~6% of 10 and under 1.5% of 15; on a 35%/65% mix 30% apart with 3% noise, in 60-95%. A split is a
 * reason to measure on, not a verdict: null when there is none, or fewer than 5 values.
 */
export function twoClusters(values: readonly number[]): ClusterSplit | null {
  const n = values.length;
  if (n < 5) return null;
  const sorted = [...values].sort((a, b) => a - b);
  // Prefix sums give each candidate split's within-group squares in constant time.
  const sums = [0];
  const squares = [0];
  for (const value of sorted) {
    sums.push(sums.at(-1)! + value);
    squares.push(squares.at(-1)! + value * value);
  }
  const withinSquares = (from: number, to: number) => squares[to]! - squares[from]! - (sums[to]! - sums[from]!) ** 2 / (to - from);
  const minSide = Math.max(2, Math.ceil(0.2 * n));
  let best: { at: number; squares: number } | null = null;
  for (let at = minSide; at <= n - minSide; at++) {
    const total = withinSquares(0, at) + withinSquares(at, n);
    if (!best || total < best.squares) best = { at, squares: total };
  }
  if (!best) return null;
  const lower = sorted.slice(0, best.at);
  const upper = sorted.slice(best.at);
  const distance = mean(upper) - mean(lower);
  const spread = Math.sqrt(standardDeviation(lower) ** 2 + standardDeviation(upper) ** 2);
  const separation = spread === 0 ? Number.POSITIVE_INFINITY : (Math.SQRT2 * distance) / spread;
  if (distance < CLUSTER_MIN_DISTANCE || separation < CLUSTER_MIN_SEPARATION) return null;
  return {
    lower: lower.length,
    upper: upper.length,
    factor: Math.exp(distance),
    lowerCentre: Math.exp(mean(lower)),
    upperCentre: Math.exp(mean(upper)),
    separation,
  };
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
