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
      /^\*\*A warmed worker pool: paid off on every runtime\.\*\* 1\.92x \[1\.92–1\.92, n = 6\] faster \(node\), 1\.94x \[1\.94–1\.94, n = 6\] faster \(bun\)/,
    );
    expect(pool).toMatch(/ideal 2\.00x/);
  });

  it("claims no pay-off where none was shown, and gives each runtime's verdict word beside its figure", () => {
    const asyncMain = lines.find((line) => line.toLowerCase().includes("concurrent async tasks"))!;
    expect(asyncMain).toMatch(/^\*\*Concurrent async tasks on one thread: not shown to pay off on any runtime\.\*\* /);
    expect(asyncMain).toMatch(/0\.99x \[0\.99–0\.99, n = 6\] equivalent \(node\), 1\.00x \[1\.00–1\.00, n = 6\] equivalent \(bun\)/);
  });

  it("says inconclusive, in that word, beside the figure, and the claim stays the one an equivalent comparison gets", () => {
    const noisy = runResult([
      measured("node", [cpuCell("cpu.sequential", around(100)), cpuCell("cpu.async-main", [100, 80, 120, 90, 115, 85])]),
    ]);
    const quiet = runResult([measured("node", [cpuCell("cpu.sequential", around(100)), cpuCell("cpu.async-main", around(101))])]);
    const asyncMain = (result: ReturnType<typeof runResult>) =>
      summary(result, analyze(result)).find((line) => line.toLowerCase().includes("concurrent async tasks"))!;
    expect(asyncMain(noisy)).toMatch(
      /^\*\*Concurrent async tasks on one thread: not shown to pay off on node\.\*\* [\d.]+x \[[\d.–]+, n = 6\] inconclusive \(node\)/,
    );
    expect(asyncMain(quiet)).toMatch(
      /^\*\*Concurrent async tasks on one thread: not shown to pay off on node\.\*\* [\d.]+x \[[\d.–]+, n = 6\] equivalent \(node\)/,
    );
    expect(asyncMain(noisy)).not.toMatch(/did not pay off|paid off/);
  });

  it("splits a claim by runtime only where one was shown faster", () => {
    const mixed = runResult([
      measured("node", [cpuCell("cpu.sequential", around(100)), cpuCell("cpu.worker-pool", around(98))]),
      measured("bun", [cpuCell("cpu.sequential", around(100)), cpuCell("cpu.worker-pool", around(55))]),
    ]);
    const pool = summary(mixed, analyze(mixed)).find((line) => line.startsWith("**A warmed worker pool"))!;
    expect(pool).toMatch(/^\*\*A warmed worker pool: paid off on bun; not shown to pay off on node\.\*\* /);
  });

  it("at the smallest size, claims the start-up cost of a fresh executor per task only, and leaves other models to the tables", () => {
    const atSize = (scenarioId: string, n: number, walls: number[]) => {
      const cellId = (id: string) => `${id}/n=${n}`;
      return cpuCell(scenarioId, walls, {
        cellId: cellId(scenarioId),
        params: { kind: "cpu", workload: "sum-of-squares", tasks: 4, n, workers: 2 },
        parallelism: scenarioId === "cpu.sequential" || scenarioId === "cpu.async-main" ? 1 : 2,
        ideal: { speedup: scenarioId === "cpu.sequential" || scenarioId === "cpu.async-main" ? 1 : 2 },
        baseline: scenarioId === "cpu.sequential" ? null : cellId("cpu.sequential"),
      });
    };
    const twoSizes = (runtime: "node" | "bun", freshWorker: number) =>
      measured(runtime, [
        ...[1e7, 1e8].map((n) => atSize("cpu.sequential", n, around(n / 1e6))),
        atSize("cpu.async-main", 1e7, around(13)), // slower, but it starts no executor
        atSize("cpu.worker-per-task", 1e7, around(freshWorker)),
        atSize("cpu.worker-per-task", 1e8, around(60)),
      ]);
    const result = runResult([twoSizes("node", 80), twoSizes("bun", 10.2)]);
    const line = summary(result, analyze(result)).find((one) => one.startsWith("**At the smallest size"))!;
    expect(line).toMatch(
      /^\*\*At the smallest size \(n = 10000000\), starting an executor per task cost more than the work: a fresh worker thread per task: slower on node; not shown slower on bun\.\*\* A fresh worker thread per task: 0\.13x \[[\d.–]+, n = 6\] slower \(node\), 0\.98x \[[\d.–]+, n = 6\] equivalent \(bun\)\.$/,
    );
    expect(line).not.toMatch(/concurrent async tasks/);
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
      lines.some((line) => /concurrent async requests: paid off on every runtime\.\*\* 9\.62x \[9\.62–9\.62, n = 6\] faster/i.test(line)),
    ).toBe(true);
    // One statement per workload, not per cell: every headline CPU cell runs the same loop.
    const runtimes = lines.at(-1)!;
    expect(runtimes).toMatch(
      /^\*\*Fastest runtime per workload \(its sequential run at its largest size\): bun for sum of squares \(a tight integer loop\) \(n = 100000000\)\.\*\* Speed against it: sum of squares \(a tight integer loop\): node 0\.60x \[0\.60–0\.60, n = 6\] slower\.$/,
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
