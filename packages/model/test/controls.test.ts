/**
 * The methodology's controls, on real timings. Tolerances are wide on purpose: they catch a broken timer or
 * a workload that does not scale, not a noisy machine.
 */

import { sumOfSquares, warmUp } from "@runtime-bench/workloads";
import { describe, expect, it } from "vitest";
import { compareSamples, median } from "../src/stats.ts";

function timeRuns(n: number, runs: number): number[] {
  return Array.from({ length: runs }, () => {
    const start = performance.now();
    sumOfSquares(n);
    return performance.now() - start;
  });
}

/** Alternates the two workloads run by run, so drift of the machine hits both alike. */
function interleavedTimings(nA: number, nB: number, runs: number): [number[], number[]] {
  const a: number[] = [];
  const b: number[] = [];
  for (let run = 0; run < runs; run++) {
    a.push(...timeRuns(nA, 1));
    b.push(...timeRuns(nB, 1));
  }
  return [a, b];
}

describe("controls", () => {
  warmUp();
  timeRuns(10_000_000, 3);

  it("a workload twice as large measures about 2.0x", () => {
    // Runs of ~5 and ~10 ms: long enough that a scheduler hiccup of a millisecond does not move the ratio past a bound.
    const [single, double] = interleavedTimings(10_000_000, 20_000_000, 11);
    const ratio = median(double) / median(single);
    expect(ratio).toBeGreaterThan(1.6);
    expect(ratio).toBeLessThan(2.5);
  });

  it("the same work measured twice comes out about equal", () => {
    const [first, second] = interleavedTimings(5_000_000, 5_000_000, 11);
    const comparison = compareSamples(first, second);
    expect(comparison.ratio).toBeGreaterThan(0.8);
    expect(comparison.ratio).toBeLessThan(1.25);
  });
});
