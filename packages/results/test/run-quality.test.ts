/** What the report says about how a run was measured and what it flags, from fixed inputs with known answers. */
import type { CellSample } from "@runtime-bench/model/schema";
import { describe, expect, it } from "vitest";
import { analyze } from "../src/analyze.ts";
import { coreDependence } from "../src/core-dependence.ts";
import { noiseWarnings } from "../src/noise.ts";
import { pairGaps, runCosts, settlement } from "../src/run-quality.ts";
import { slowSpells } from "../src/slow-spells.ts";
import { around, cpuCell, measured, reportText, runResult } from "./fixtures.ts";

/** Sets what the fixture samples leave alike: each run's slot, block, start time or cores. */
const withSamples = (samples: CellSample[], change: (sample: CellSample, index: number) => Partial<CellSample>) =>
  samples.map((sample, index) => ({ ...sample, ...change(sample, index) }));

describe("how far a comparison's pairs were apart, and what a run cost", () => {
  const sequential = cpuCell("cpu.sequential", around(400));
  const pool = cpuCell("cpu.worker-pool", around(210));
  const later = (sample: CellSample, ms: number) => ({ startedAtMs: sample.startedAtMs + ms, endedAtMs: sample.endedAtMs + ms });
  sequential.samples = withSamples(sequential.samples, (sample) => ({ slot: 3, ...later(sample, 3000) }));
  pool.samples = withSamples(pool.samples, (sample, index) => ({ slot: 3 + (index % 2 === 0 ? 1 : 5), ...later(sample, 4000) }));
  const result = runResult([measured("node", [sequential, pool])]);

  it("gives the median and the largest gap between the two runs of a pair, in runs and seconds", () => {
    const gaps = pairGaps(result, settlement(analyze(result)).comparisons)!;
    expect(gaps).toEqual({ allowedRuns: 17, medianRuns: 3, maxRuns: 5, medianSeconds: 1, maxSeconds: 1 });
    expect(reportText(result)).toContain(
      "| pairs side by side | the two runs of a pair were a median 3 runs (1.0 s) apart, at most 5 runs (1.0 s), of the 17 the order allows |",
    );
  });

  it("gives the cost of a run beyond its timed part per runtime, and the first round against the others", () => {
    const [cost] = runCosts(analyze(result));
    expect(cost).toMatchObject({ column: { label: "node" }, runs: 12, overheadMs: 300 });
    expect(cost!.firstRound).toBeCloseTo(0.98, 9); // round 0 ran at 0.98 of the median of the other five (0.99-1.02)
  });

  it("counts the comparisons that settled and lists every one that did not, with why", () => {
    const noisy = cpuCell("cpu.async-main", [400, 300, 500, 380, 450, 330]); // straddles 1.0
    const quality = settlement(analyze(runResult([measured("node", [cpuCell("cpu.sequential", around(400)), pool, noisy])])));
    expect(quality.byVerdict).toEqual({ faster: 1, slower: 0, equivalent: 0, inconclusive: 1 });
    expect(quality.open.map(({ why }) => why)).toEqual(["its interval reaches both sides of a line (1.0, or ±5%)"]);
    const report = reportText(runResult([measured("node", [cpuCell("cpu.sequential", around(400)), pool, noisy])]));
    expect(report).toContain(
      "| claims | 1 of 2 comparisons settled (1 faster, 0 slower, 0 equivalent); 1 inconclusive, [each with why](details.md#how-this-run-was-measured) |",
    );
    expect(report).toContain("Comparisons that did not settle (inconclusive: neither shown different nor shown equivalent), 1 of 2:");
  });
});

describe("flags", () => {
  it("flags a speed-up interval that reaches past the physical ideal, though its median does not", () => {
    // 2 workers: ideal 2x; the pool's speed-up is 1.9x in most rounds and 2.3x in one.
    const sequential = cpuCell("cpu.sequential", [380, 380, 380, 460, 380, 380]);
    const pool = cpuCell("cpu.worker-pool", [200, 200, 200, 200, 200, 200]);
    const result = runResult([measured("bun", [sequential, pool])]);
    expect(reportText(result)).toMatch(
      /⚠ bun cpu\.worker-pool\/n=1e8: 1\.90x \[1\.90–2\.30\] reaches more than 5% past the physical ideal of 2\.00x \(its interval; the median does not\)/,
    );
  });

  it("flags a median past the ideal too", () => {
    const result = runResult([measured("bun", [cpuCell("cpu.sequential", around(800)), cpuCell("cpu.worker-pool", around(320))])]);
    expect(reportText(result)).toMatch(
      /⚠ bun cpu\.worker-pool\/n=1e8: 2\.50x \[2\.50–2\.50\] reaches more than 5% past the physical ideal of 2\.00x, its median too/,
    );
  });

  it("flags a cell whose runs split into two clusters", () => {
    const result = runResult([measured("node", [cpuCell("cpu.sequential", [1700, 2600, 1800, 2800, 3000, 1750])])]);
    expect(reportText(result)).toMatch(/⚠ node cpu\.sequential\/n=1e8: its runs split into two clusters \(3 and 3 runs, 1\.\d\dx apart\)/);
  });

  it("finds a slow spell from the runs themselves: a block whose runs were together slower than their cells' medians", () => {
    const slowInRound3 = (medianMs: number) => [1, 1, 1, 1.3, 1, 1].map((factor) => medianMs * factor);
    const cells = (scale: number) => [
      cpuCell("cpu.sequential", slowInRound3(400 * scale)),
      cpuCell("cpu.async-main", slowInRound3(410 * scale)),
      cpuCell("cpu.worker-pool", slowInRound3(210 * scale)),
    ];
    const result = runResult([measured("node", cells(1)), measured("bun", cells(0.5))]);
    const { spells, blocks } = slowSpells(result);
    expect(blocks).toBe(6);
    expect(spells).toEqual([{ round: 3, block: "fixture", at: "00:05:00", runs: 6, slowdown: expect.closeTo(0.3, 9) }]);
    expect(reportText(result)).toMatch(/⚠ in 1 of 6 blocks the runs were together more than 10% slower than their cells' medians/);
  });

  it("tells a run that landed on a slow core from a slow model: single-threaded runs' medians per core", () => {
    const sequential = cpuCell("cpu.sequential", [100, 130, 100, 131, 101, 129]);
    sequential.samples = withSamples(sequential.samples, (sample) => ({ mainThreadCores: sample.wallMs > 120 ? [1, 1, 0] : [0, 0] }));
    expect(coreDependence(sequential)).toEqual({
      perCore: [
        { core: 0, runs: 3, medianMs: 100 },
        { core: 1, runs: 3, medianMs: 130 },
      ],
      spread: expect.closeTo(0.3, 9),
    });
    const pool = cpuCell("cpu.worker-pool", [50, 65, 50, 65, 50, 65]);
    expect(coreDependence(pool)).toBeNull(); // more than one thread: the meter's core says nothing of it
    const result = runResult([measured("node", [sequential])]);
    expect(noiseWarnings(result, analyze(result).tables).map((warning) => warning.kind)).toContain("core-dependent");
    expect(reportText(result)).toMatch(
      /node cpu\.sequential\/n=1e8: a single-threaded run's time depended on the core its main thread ran on: core 0 100\.0 ms \(3 runs\), core 1 130\.0 ms \(3 runs\)/,
    );
  });
});

describe("a smoke run", () => {
  it("verifies every cell and draws no conclusion: no verdict in its summary", () => {
    const result = runResult([measured("node", [cpuCell("cpu.sequential", [400]), cpuCell("cpu.worker-pool", [210])])]);
    result.run.precision.minRounds = 1;
    const report = reportText(result);
    const summary = report.slice(report.indexOf("## Summary"), report.indexOf("##", report.indexOf("## Summary") + 3));
    expect(summary).toContain("**A smoke run**");
    expect(summary).not.toMatch(/\b(faster|slower|equivalent|paid off)\b/);
  });
});
