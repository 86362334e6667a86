/** The findings the report opens with, from fixed inputs with known answers (equivalent cases included). */
import { describe, expect, it } from "vitest";
import { analyze } from "../src/analyze.ts";
import { claimLine } from "../src/claim-words.ts";
import { subjectOf, summaryClaims } from "../src/claims.ts";
import { renderReport } from "../src/render-markdown.ts";
import { summary } from "../src/summary.ts";
import { fullRun } from "./chart-fixtures.ts";
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
  it("is the run's summary claims, each worded once, in their order", () => {
    const claims = summaryClaims(analyze(result));
    expect(claims.map(subjectOf)).toEqual([
      "model cpu.worker-pool",
      "model cpu.async-main",
      "model io.async-fetch",
      "fastest per workload",
    ]);
    expect(lines).toEqual(claims.map((claim) => claimLine(claim, "summary")));
  });

  it("gives the memory each unit of concurrency costs, figures and no claim, before the fastest runtime", () => {
    const full = fullRun();
    const all = summary(full, analyze(full));
    const memory = all.findIndex((line) => line.startsWith("**Memory per unit of concurrency**"));
    expect(memory).toBe(all.length - 2);
    expect(all[memory]).toContain("per in-flight async request 22.8 KiB [22.8–22.8] at C = 10-100 (node)");
    expect(all[memory]).toContain("per executor added to a warmed worker pool 5.0 MiB [5.0–5.0] (node), 5.0 MiB [5.0–5.0] (bun)");
  });

  it("opens with a run-quality box: rounds, why they stopped, how many settled, the pairs' gap and the flags", () => {
    const { readme } = renderReport(result);
    const box = readme.slice(readme.indexOf("| this run |"), readme.indexOf("\n\n", readme.indexOf("| this run |")));
    expect(box).toMatch(
      /\| rounds \| 6 in 10\.0 min \(6 per comparison\); stopped: every comparison had settled and every cell had its minimum of rounds \|/,
    );
    expect(box).toContain("| claims | 11 of 11 comparisons settled (7 faster, 0 slower, 4 equivalent); 0 inconclusive");
    expect(box).toMatch(
      /\| pairs side by side \| a median \d+ runs? \([\d.]+ s\) apart, at most \d+ runs? \([\d.]+ s\), of the \d+ the order allows \|/,
    );
    expect(box).toMatch(/\| flags \| /);
  });

  it("opens the report, before the environment, and every summary line carries an interval", () => {
    const report = reportText(result);
    expect(report.indexOf("## Summary")).toBeGreaterThan(0);
    expect(report.indexOf("## Summary")).toBeLessThan(report.indexOf("## Environment"));
    const claims = lines.filter((line) => !line.startsWith("**At the smallest"));
    for (const line of claims) expect(line).toMatch(/\[\d+\.\d+–\d+\.\d+, n = \d+\]/);
  });
});
