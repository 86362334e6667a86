import { describe, expect, it } from "vitest";
import {
  binomialHalfCdf,
  compareSamples,
  mannWhitneyU,
  median,
  medianAbsoluteDeviation,
  medianInterval,
  normalCdf,
  pairedRatio,
  quantile,
  seededRandom,
  standardDeviation,
  summarize,
  twoClusters,
} from "../src/stats.ts";

describe("descriptive statistics against known values", () => {
  it("median and quantiles (type 7)", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([10, 20], 0.9)).toBeCloseTo(19);
    expect(() => median([])).toThrow(RangeError);
  });

  it("median absolute deviation", () => {
    expect(medianAbsoluteDeviation([1, 1, 2, 2, 4, 6, 9])).toBe(1);
  });

  it("sample standard deviation and coefficient of variation", () => {
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 10);
    const summary = summarize([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(summary.cv).toBeCloseTo(Math.sqrt(32 / 7) / 5, 10);
    expect(summary).toMatchObject({ n: 8, median: 4.5, min: 2, max: 9, mean: 5 });
  });

  it("standard normal CDF", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 5);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 5);
  });
});

describe("the order-statistic interval of a median (distribution-free, as Go's benchstat computes it)", () => {
  it("binomial tail probabilities against known values", () => {
    expect(binomialHalfCdf(0, 6)).toBeCloseTo(1 / 64, 15);
    expect(binomialHalfCdf(1, 9)).toBeCloseTo(10 / 512, 15);
    expect(binomialHalfCdf(5, 20)).toBeCloseTo(0.020694732666015625, 15); // 21700 / 2^20
    expect(binomialHalfCdf(20, 20)).toBeCloseTo(1, 15);
  });

  it("has none below 6 values at 95%, where even [min, max] covers less", () => {
    expect(medianInterval([1, 2, 3, 4, 5])).toBeNull();
    expect(summarize([1, 2, 3, 4, 5])).toMatchObject({ ci95: null, coverage: null });
  });

  it("is [min, max] with 6 to 8 values, [x2, x8] with 9, [x6, x15] with 20, with their exact coverage", () => {
    expect(medianInterval([6, 1, 5, 2, 4, 3])).toEqual({ interval: [1, 6], coverage: 1 - 2 / 64 });
    expect(medianInterval([8, 1, 7, 2, 6, 3, 5, 4])!.interval).toEqual([1, 8]);
    const nine = medianInterval([9, 1, 8, 2, 7, 3, 6, 4, 5])!;
    expect(nine.interval).toEqual([2, 8]);
    expect(nine.coverage).toBeCloseTo(1 - 20 / 512, 12);
    const twenty = medianInterval(Array.from({ length: 20 }, (_, i) => 20 - i))!;
    expect(twenty.interval).toEqual([6, 15]);
    expect(twenty.coverage).toBeCloseTo(1 - 2 * 0.020694732666015625, 12);
  });

  it("covers the true median at least 95% of the time, whatever the distribution (simulated)", () => {
    const random = seededRandom(3);
    for (const n of [6, 9, 15, 30]) {
      let covered = 0;
      const trials = 4000;
      for (let trial = 0; trial < trials; trial++) {
        // An exponential distribution, skewed like run times: its median is ln 2.
        const sample = Array.from({ length: n }, () => -Math.log(1 - random()));
        const [low, high] = medianInterval(sample)!.interval;
        if (low <= Math.LN2 && Math.LN2 <= high) covered++;
      }
      expect(covered / trials).toBeGreaterThanOrEqual(0.94); // 0.95 less simulation error (sd ~0.35%)
    }
  });

  it("collapses to a point for a constant sample", () => {
    expect(summarize([5, 5, 5, 5, 5, 5]).ci95).toEqual([5, 5]);
  });
});

describe("two clusters", () => {
  const log = (values: number[]) => values.map(Math.log);

  it("finds the split of the CPython sequential runs (1.7-1.8 s in two rounds, 2.6-3.0 s in three)", () => {
    expect(twoClusters(log([1.7, 2.6, 1.8, 2.8, 3.0]))).toMatchObject({ lower: 2, upper: 3 });
  });

  it("sees one outlier as no cluster, and needs at least 5 values", () => {
    expect(twoClusters(log([1.8, 2.9, 2.95, 3.0, 3.0, 2.92]))).toBeNull();
    expect(twoClusters(log([1, 1, 2, 2]))).toBeNull();
  });

  it("leaves a spread-out single cluster alone, and a difference under 10% too", () => {
    expect(twoClusters(log([100, 104, 108, 112, 116, 120, 124]))).toBeNull();
    expect(twoClusters(log([100, 100.5, 101, 107, 107.5, 108]))).toBeNull();
  });

  it("is rare on simulated single-cluster samples, and common on a clear mix of two", () => {
    const random = seededRandom(9);
    const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const rate = (draw: () => number, n: number) => {
      let hits = 0;
      for (let trial = 0; trial < 2000; trial++) if (twoClusters(Array.from({ length: n }, draw))) hits++;
      return hits / 2000;
    };
    expect(rate(() => 0.1 * normal(), 6)).toBeLessThan(0.15);
    expect(rate(() => 0.2 * normal(), 15)).toBeLessThan(0.03);
    expect(rate(() => 0.03 * normal() + (random() < 0.35 ? Math.log(1.3) : 0), 10)).toBeGreaterThan(0.8);
  });
});

describe("comparing two samples", () => {
  const base = [100, 102, 98, 101, 99, 103, 97, 100, 101, 99];

  it("Mann-Whitney U matches the textbook case (SciPy asymptotic with continuity: p = 0.01219)", () => {
    const { u, pValue } = mannWhitneyU([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]);
    expect(u).toBe(0);
    expect(pValue).toBeCloseTo(0.01219, 4);
  });

  it("a sample compared with itself shows no difference: no false winner", () => {
    const comparison = compareSamples(base, base);
    expect(comparison.ratio).toBe(1);
    expect(comparison.distinguishable).toBe(false);
    expect(comparison.pValue).toBeCloseTo(1, 6);
  });

  it("a sample twice as slow is told apart, with 2.0 inside its interval", () => {
    const comparison = compareSamples(
      base.map((value) => value * 2),
      base,
    );
    expect(comparison.ratio).toBe(2);
    expect(comparison.distinguishable).toBe(true);
    expect(comparison.ci95[0]).toBeLessThanOrEqual(2);
    expect(comparison.ci95[1]).toBeGreaterThanOrEqual(2);
    expect(comparison.pValue).toBeLessThan(0.001);
  });

  it("a paired ratio is the median of the per-pair ratios, over pairs", () => {
    expect(pairedRatio([2, 4, 9], [1, 2, 3]).ratio).toBeCloseTo(2, 12);
    expect(() => pairedRatio([1, 2], [1])).toThrow(RangeError);
  });

  it("a paired ratio and its inverse agree, also with an even number of pairs", () => {
    const a = [10, 30, 20, 50, 12, 33];
    const b = [5, 10, 40, 25, 6, 11];
    const forward = pairedRatio(a, b);
    const backward = pairedRatio(b, a);
    expect(forward.ratio * backward.ratio).toBeCloseTo(1, 12);
    expect(forward.ratio).toBeCloseTo(2, 12); // ratios 2, 3, 0.5, 2, 2, 3: the middle two on a log scale
    expect(forward.ci95![0] * backward.ci95![1]).toBeCloseTo(1, 12);
    expect(forward.coverage).toBeCloseTo(1 - 2 / 64, 12);
  });

  it("pairing cancels a machine that slows down between pairs, where a ratio of medians cannot", () => {
    const slowdown = [1, 1.3, 1, 1.25, 1.1, 1, 1.3, 1.2, 1, 1.15];
    const sequential = slowdown.map((factor) => 1000 * factor);
    const pool = slowdown.map((factor) => 500 * factor);
    const paired = pairedRatio(sequential, pool);
    expect(paired.ratio).toBeCloseTo(2, 12);
    expect(paired.ci95![1] - paired.ci95![0]).toBeCloseTo(0, 12);
    const unpaired = compareSamples(sequential, pool).ci95;
    expect(unpaired[1] - unpaired[0]).toBeGreaterThan(0.2);
  });

  it("a 3% difference buried in 10% noise is not told apart", () => {
    const noisy = [90, 110, 95, 105, 100, 92, 108, 97, 103, 100];
    expect(
      compareSamples(
        noisy.map((value) => value * 1.03),
        noisy,
      ).distinguishable,
    ).toBe(false);
  });
});
