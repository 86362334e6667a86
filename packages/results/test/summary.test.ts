/** The findings the report opens with, from fixed inputs with known answers (equivalent cases included). */
import { describe, expect, it } from "vitest";
import { analyze } from "../src/analyze.ts";
import { renderReport } from "../src/render-markdown.ts";
import { summary } from "../src/summary.ts";
import { around, cpuCell, ioCell, measured, reportText, runResult } from "./fixtures.ts";

const cpu = (sequential: number, pool: number, asyncMain: number) => [
  cpuCell("cpu.sequential", around(sequential)),
  cpuCell("cpu.worker-pool", around(pool)),
  cpuCell("cpu.async-main", around(asyncMain)),
];
const io = [ioCell("io.sequential", around(5000)), ioCell("io.async-fetch", around(520))];

const result = runResult([
  measured("node", [...cpu(100, 52, 101), ...io]), // pool 1.92x faster; async on the main thread 1.01x: equivalent
  measured("bun", [...cpu(60, 31, 60), ...io]),
]);
const lines = summary(result, analyze(result));

describe("the summary", () => {
  it("states each model's claim with its figure, interval and verdict word per runtime", () => {
    const pool = lines.find((line) => line.startsWith("**A warmed worker pool"))!;
    expect(pool).toMatch(
      /^\*\*A warmed worker pool paid off on every runtime:\*\* 1\.92x \[1\.92–1\.92, n = 6\] faster \(node\), 1\.94x \[1\.94–1\.94, n = 6\] faster \(bun\)/,
    );
    expect(pool).toMatch(/ideal 2\.00x/);
  });

  it("says equivalent where the whole interval lies within ±5%, and only then that it did not pay off", () => {
    const asyncMain = lines.find((line) => line.toLowerCase().includes("concurrent async tasks"))!;
    expect(asyncMain).toMatch(/did not pay off on any runtime \(equivalent\)/);
    expect(asyncMain).toMatch(/0\.99x \[0\.99–0\.99, n = 6\] equivalent \(node\), 1\.00x \[1\.00–1\.00, n = 6\] equivalent \(bun\)/);
  });

  it("says inconclusive, in that word, where neither a difference nor equivalence is shown, and claims nothing else", () => {
    const noisy = runResult([
      measured("node", [cpuCell("cpu.sequential", around(100)), cpuCell("cpu.async-main", [100, 80, 120, 90, 115, 85])]),
    ]);
    const asyncMain = summary(noisy, analyze(noisy)).find((line) => line.toLowerCase().includes("concurrent async tasks"))!;
    expect(asyncMain).toMatch(/^\*\*Concurrent async tasks on one thread was inconclusive on node:\*\* /);
    expect(asyncMain).not.toMatch(/did not pay off|paid off/);
  });

  it("opens with a run-quality box: rounds, why they stopped, how many settled, the pairs' gap and the flags", () => {
    const { readme } = renderReport(result);
    const box = readme.slice(readme.indexOf("| this run |"), readme.indexOf("\n\n", readme.indexOf("| this run |")));
    expect(box).toMatch(/\| rounds \| 6 in 10\.0 min \(6 per comparison\); stopped: every comparison had settled \|/);
    expect(box).toContain("| claims | 11 of 11 comparisons settled (7 faster, 0 slower, 4 equivalent); 0 inconclusive");
    expect(box).toMatch(
      /\| pairs side by side \| a median \d+ runs? \([\d.]+ s\) apart, at most \d+ \([\d.]+ s\); the order allows \d+ \|/,
    );
    expect(box).toMatch(/\| flags \| /);
  });

  it("answers the I/O question too, and names the fastest runtime with the ratio it rests on", () => {
    expect(
      lines.some((line) => /concurrent async requests paid off on every runtime:\*\* 9\.62x \[9\.62–9\.62, n = 6\] faster/i.test(line)),
    ).toBe(true);
    // One statement per workload, not per cell: every headline CPU cell runs the same loop.
    const runtimes = lines.at(-1)!;
    expect(runtimes).toMatch(
      /^\*\*Fastest runtime per workload\*\* \(its sequential run at its largest size\): sum of squares \(a tight integer loop\) \(n = 100000000\): bun, speed against it: node 0\.60x \[0\.60–0\.60, n = 6\] slower\.$/,
    );
  });

  it("opens the report, before the environment, and every summary line carries an interval", () => {
    const report = reportText(result);
    expect(report.indexOf("## Summary")).toBeGreaterThan(0);
    expect(report.indexOf("## Summary")).toBeLessThan(report.indexOf("## Environment"));
    const claims = lines.filter((line) => !line.startsWith("**At the smallest"));
    for (const line of claims) expect(line).toMatch(/\[\d+\.\d+–\d+\.\d+, n = \d+\]/);
  });
});
