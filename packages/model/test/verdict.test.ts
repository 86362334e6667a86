import { describe, expect, it } from "vitest";
import { EFFECT_THRESHOLD, isSettled, verdictOf } from "../src/verdict.ts";

describe("the verdict rule: four verdicts", () => {
  it("calls a difference only when the interval excludes 1.0 and the difference is at least 5%", () => {
    expect(EFFECT_THRESHOLD).toBe(0.05);
    expect(verdictOf(1.45, [1.31, 1.51])).toBe("slower");
    expect(verdictOf(0.69, [0.64, 0.75])).toBe("faster");
  });

  it("calls equivalent only when the whole interval lies within ±5%", () => {
    expect(verdictOf(1.03, [1.01, 1.05])).toBe("equivalent");
    expect(verdictOf(0.99, [0.96, 1.02])).toBe("equivalent");
  });

  it("is inconclusive when neither is shown: a large difference whose interval holds 1.0, or a small one reaching past 5%", () => {
    expect(verdictOf(1.2, [0.95, 1.6])).toBe("inconclusive");
    expect(verdictOf(1.04, [1.01, 1.08])).toBe("inconclusive");
  });

  it("is inconclusive without an interval (too few rounds) and for runs split into two clusters, whatever the interval", () => {
    expect(verdictOf(2, null)).toBe("inconclusive");
    expect(verdictOf(2, [1.9, 2.1], { split: true })).toBe("inconclusive");
  });

  it("is symmetric: a ratio and its inverse get opposite verdicts", () => {
    expect(verdictOf(1.06, [1.02, 1.1])).toBe("slower");
    expect(verdictOf(1 / 1.06, [1 / 1.1, 1 / 1.02])).toBe("faster");
  });

  it("settles a comparison that is faster, slower or equivalent, and nothing else", () => {
    expect(["faster", "slower", "equivalent", "inconclusive"].map((verdict) => isSettled(verdict as never))).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});
