/** The findings the report opens with, from fixed inputs with known answers (≈ cases included). */
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
  measured("node", [...cpu(100, 52, 101), ...io]), // pool 1.92x faster; async on the main thread 1.01x: ≈
  measured("bun", [...cpu(60, 31, 60), ...io]),
]);
const lines = summary(result, analyze(result));

describe("the summary", () => {
  it("states each model's claim with its figure, interval and verdict word per runtime", () => {
    const pool = lines.find((line) => line.startsWith("**A warmed worker pool"))!;
    expect(pool).toMatch(
      /^\*\*A warmed worker pool paid off on every runtime:\*\* 1\.92x \[1\.92–1\.92\] faster \(node\), 1\.94x \[1\.94–1\.94\] faster \(bun\)/,
    );
    expect(pool).toMatch(/ideal 2\.00x/);
  });

  it("says ≈ where the interval holds 1.0 or the difference is under 5%, and claims no gain", () => {
    const asyncMain = lines.find((line) => line.toLowerCase().includes("concurrent async tasks"))!;
    expect(asyncMain).toMatch(/did not pay off on any runtime/);
    expect(asyncMain).toMatch(/0\.99x \[0\.99–0\.99\] ≈ \(node\), 1\.00x \[1\.00–1\.00\] ≈ \(bun\)/);
  });

  it("answers the I/O question too, and names the fastest runtime with the ratio it rests on", () => {
    expect(lines.some((line) => /concurrent async requests paid off on every runtime:\*\* 9\.62x \[9\.62–9\.62\] faster/i.test(line))).toBe(
      true,
    );
    const runtimes = lines.at(-1)!;
    expect(runtimes).toMatch(/^\*\*Fastest runtime per cell\*\*.*bun in 3 of 5 cells/);
    expect(runtimes).toMatch(/In cpu\.sequential\/n=1e8, time over bun's: 1\.67x \[1\.67–1\.67\] slower \(node\)/);
  });

  it("opens the report, before the environment, and every summary line carries an interval", () => {
    const report = renderReport(result);
    expect(report.indexOf("## Summary")).toBeGreaterThan(0);
    expect(report.indexOf("## Summary")).toBeLessThan(report.indexOf("## Environment"));
    for (const line of lines.filter((line) => !line.startsWith("**At the smallest"))) expect(line).toMatch(/\[\d+\.\d+–\d+\.\d+\]/);
  });
});
