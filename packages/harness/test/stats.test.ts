import { describe, expect, it } from "vitest";
import {
  bootstrapInterval,
  compareSamples,
  mannWhitneyU,
  median,
  medianAbsoluteDeviation,
  normalCdf,
  pairedRatio,
  quantile,
  standardDeviation,
  summarize,
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

describe("bootstrap", () => {
  const sample = [101, 99, 100, 103, 98, 100, 102, 97, 100, 101];

  it("brackets the median and is reproducible", () => {
    const [low, high] = bootstrapInterval(sample, median);
    expect(low).toBeLessThanOrEqual(100);
    expect(high).toBeGreaterThanOrEqual(100);
    expect(bootstrapInterval(sample, median)).toEqual([low, high]);
  });

  it("collapses to a point for a constant sample", () => {
    expect(summarize([5, 5, 5]).ci95).toEqual([5, 5]);
  });
});

describe("comparing two samples", () => {
  const base = [100, 102, 98, 101, 99, 103, 97, 100, 101, 99];

  it("Mann-Whitney U matches the textbook case (SciPy asymptotic with continuity: p = 0.01219)", () => {
    const { u, pValue } = mannWhitneyU([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]);
    expect(u).toBe(0);
    expect(pValue).toBeCloseTo(0.01219, 4);
  });

  it("a sample compared with itself is ≈: no false winner", () => {
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
    const a = [10, 30, 20, 50];
    const b = [5, 10, 40, 25];
    const forward = pairedRatio(a, b);
    const backward = pairedRatio(b, a);
    expect(forward.ratio * backward.ratio).toBeCloseTo(1, 12);
    expect(forward.ratio).toBeCloseTo(Math.sqrt(2 * 2), 12); // ratios 2, 3, 0.5, 2: the middle two on a log scale
    expect(forward.ci95[0] * backward.ci95[1]).toBeCloseTo(1, 12);
  });

  it("pairing cancels a machine that slows down between pairs, where a ratio of medians cannot", () => {
    const slowdown = [1, 1.3, 1, 1.25, 1.1, 1, 1.3, 1.2, 1, 1.15];
    const sequential = slowdown.map((factor) => 1000 * factor);
    const pool = slowdown.map((factor) => 500 * factor);
    const paired = pairedRatio(sequential, pool);
    expect(paired.ratio).toBeCloseTo(2, 12);
    expect(paired.ci95[1] - paired.ci95[0]).toBeCloseTo(0, 12);
    const unpaired = compareSamples(sequential, pool).ci95;
    expect(unpaired[1] - unpaired[0]).toBeGreaterThan(0.2);
  });

  it("a 3% difference buried in 10% noise is ≈", () => {
    const noisy = [90, 110, 95, 105, 100, 92, 108, 97, 103, 100];
    expect(
      compareSamples(
        noisy.map((value) => value * 1.03),
        noisy,
      ).distinguishable,
    ).toBe(false);
  });
});
