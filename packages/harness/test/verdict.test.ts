import { describe, expect, it } from "vitest";
import { EFFECT_THRESHOLD, relativeHalfWidth, verdictOf } from "../src/verdict.ts";

describe("the verdict rule", () => {
  it("calls a difference only when the interval excludes 1.0 and the difference is at least 5%", () => {
    expect(EFFECT_THRESHOLD).toBe(0.05);
    expect(verdictOf(1.45, [1.31, 1.51])).toBe("slower");
    expect(verdictOf(0.69, [0.64, 0.75])).toBe("faster");
  });

  it("reads a significant but small difference as ≈", () => {
    expect(verdictOf(1.03, [1.01, 1.05])).toBe("≈");
    expect(verdictOf(0.97, [0.95, 0.99])).toBe("≈");
  });

  it("reads a large difference whose interval includes 1.0 as ≈", () => {
    expect(verdictOf(1.2, [0.95, 1.6])).toBe("≈");
  });

  it("is symmetric: a ratio and its inverse get opposite verdicts", () => {
    expect(verdictOf(1.06, [1.02, 1.1])).toBe("slower");
    expect(verdictOf(1 / 1.06, [1 / 1.1, 1 / 1.02])).toBe("faster");
  });
});

describe("relative half-width", () => {
  it("is how far the interval reaches from the ratio, the same for a ratio and its inverse", () => {
    expect(relativeHalfWidth(2, [1.9, 2.2])).toBeCloseTo(0.1, 12);
    expect(relativeHalfWidth(0.5, [1 / 2.2, 1 / 1.9])).toBeCloseTo(0.1, 12);
    expect(relativeHalfWidth(1, [1, 1])).toBe(0);
  });
});
