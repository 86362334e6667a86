/** The findings the report opens with, from fixed inputs with known answers (equivalent cases included). */
import { describe, expect, it } from "vitest";
import { analyze } from "../src/analyze.ts";
import { renderReport } from "../src/render-markdown.ts";
import { summary } from "../src/summary.ts";
import { around, cpuCell, ioCell, measured, runResult } from "./fixtures.ts";

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

  it("opens with how many comparisons settled, in how many rounds, and names those that did not", () => {
    expect(lines[0]).toMatch(
      /^\*\*11 of 11 comparisons settled\*\* \(7 faster, 0 slower, 4 equivalent, after 6 rounds each, in 10\.0 min\); every one settled\.$/,
    );
  });

  it("answers the I/O question too, and names the fastest runtime with the ratio it rests on", () => {
    expect(
      lines.some((line) => /concurrent async requests paid off on every runtime:\*\* 9\.62x \[9\.62–9\.62, n = 6\] faster/i.test(line)),
    ).toBe(true);
    const runtimes = lines.at(-1)!;
    expect(runtimes).toMatch(/^\*\*Fastest runtime per cell\*\*.*bun in 3 of 5 cells/);
    expect(runtimes).toMatch(/In cpu\.sequential\/n=1e8, time over bun's: 1\.67x \[1\.67–1\.67, n = 6\] slower \(node\)/);
  });

  it("opens the report, before the environment, and every summary line carries an interval", () => {
    const report = renderReport(result);
    expect(report.indexOf("## Summary")).toBeGreaterThan(0);
    expect(report.indexOf("## Summary")).toBeLessThan(report.indexOf("## Environment"));
    const claims = lines.filter((line) => !line.startsWith("**At the smallest") && !line.includes("comparisons settled"));
    for (const line of claims) expect(line).toMatch(/\[\d+\.\d+–\d+\.\d+, n = \d+\]/);
  });
});
