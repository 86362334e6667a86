/** A user's I/O-bound task's report (--task, kind "io"), from fixed inputs with known answers. */
import type { RuntimeName } from "@runtime-bench/model/runtimes";
import type { CellResult } from "@runtime-bench/model/schema";
import { describe, expect, it } from "vitest";
import { analyze } from "../src/analyze.ts";
import { modelLabel } from "../src/charts/labels.ts";
import { ioTaskSummary } from "../src/render-io-task.ts";
import { renderReport } from "../src/render-markdown.ts";
import { type IoTaskRun, type TaskRun, taskOf } from "../src/task-run.ts";
import { around, ioCell, ioParams, measured, runResult, sample } from "./fixtures.ts";

const UNITS = 100;
const LATENCY_MS = 10;
const TASK = { module: "file:///tasks/posts.ts", name: "posts", folder: "/tasks" };

/** One cell of the task, as the headline group expands an I/O task; its peak memory the same in every round. */
function unitCell(
  scenarioId: string,
  suffix: string,
  level: string,
  inFlight: number,
  workers: number,
  walls: number[],
  pssMiB: number,
): CellResult {
  return ioCell(scenarioId, walls, {
    cellId: `${scenarioId}${suffix}`,
    size: level,
    params: {
      ...(ioParams("default") as Extract<CellResult["params"], { kind: "io" }>),
      requests: UNITS,
      concurrency: inFlight,
      workers,
      latencyMs: LATENCY_MS,
      task: { ...TASK, size: level },
    },
    ideal: { wallMs: Math.ceil(UNITS / inFlight) * LATENCY_MS },
    samples: walls.map((wall, index) => ({
      ...sample(wall, index),
      peakPssKiB: pssMiB * 1024,
      requestLatency: { p50Ms: 10.5, p99Ms: 12, requests: UNITS },
    })),
  });
}

/** The task's seven cells for one runtime: walls in ms, memory in MiB. */
const runtime = (name: RuntimeName) =>
  measured(name, [
    unitCell("io.sequential", "", "1 in flight", 1, 1, around(1000), 48),
    unitCell("io.async-fetch", "/C=10", "10 at once", 10, 1, around(105), 50),
    unitCell("io.async-fetch", "/C=50", "50 at once", 50, 1, around(40), 54),
    unitCell("io.worker-threads", "/C=10/W=1", "10 at once", 10, 1, around(110), 60),
    unitCell("io.worker-threads", "/C=10/W=2", "10 at once", 10, 2, around(108), 70),
    unitCell("io.worker-threads", "/C=50/W=1", "50 at once", 50, 1, around(41), 60),
    unitCell("io.worker-threads", "/C=50/W=2", "50 at once", 50, 2, around(60), 70),
  ]);

const result = runResult([runtime("node"), runtime("bun")]);
const analysis = analyze(result);
const task = taskOf(analysis.tables) as TaskRun & { io: IoTaskRun };
const summary = ioTaskSummary(task, result).join("\n");
const { readme } = renderReport(result, [], analysis);

describe("an I/O task's report", () => {
  it("is recognised from its cells: its levels (the sequential run first), units and target", () => {
    expect(task.sizes.map((size) => size.label)).toEqual(["1 in flight", "10 at once", "50 at once"]);
    expect(task.io).toEqual({ units: UNITS, target: { kind: "mock-api", latencyMs: LATENCY_MS } });
    expect(readme).toContain("# posts: which model pays off at which in-flight level, on which runtime");
  });

  it("says each model's speed-up over the sequential run at each level, per runtime, with its verdict", () => {
    expect(summary).toContain(
      "**Async, main thread** against one after another: at 10 at once: node 9.52x faster, bun 9.52x faster; at 50 at once: node 25.00x faster, bun 25.00x faster.",
    );
    expect(summary).toContain("**Over 2 worker threads** against one after another: at 10 at once: node 9.26x faster");
  });

  it("tells workers from async only where their intervals over the one baseline do not overlap", () => {
    // 60 ms against 40 ms at 50 in flight: slower; 108 against 105 at 10: the intervals overlap.
    expect(summary).toContain("node at 50 at once over 2 worker threads: slower than async");
    expect(summary).not.toContain("node at 10 at once over 2 worker threads");
  });

  it("finds where async stops scaling: five times the units in flight for 2.6 times the rate", () => {
    expect(summary).toContain("node stopped scaling at 50 at once (952/s at 10 at once, 2500/s at 50 at once)");
  });

  it("gives the memory each in-flight unit and each worker adds: slopes of peak memory with N held", () => {
    // Async: 50 -> 54 MiB from C = 10 to 50: 4 MiB / 40 = 102.4 KiB; workers at C = 50: 60 -> 70 MiB, 1 -> 2 workers.
    expect(summary).toContain("node 102.4 KiB [102.4–102.4] per in-flight unit, 10.0 MiB [10.0–10.0] per worker thread (at C = 50)");
  });

  it("says the mock API was not the bottleneck where it never used half a core", () => {
    expect(summary).toContain("**The target**: the mock API was never the bottleneck");
  });

  it("has a row per point with time, rate, unit latency, efficiency and peak memory", () => {
    expect(readme).toContain("| 10 at once | async, main thread | node | 105 ms | 952 | 10.5 / 12.0 ms | 95% | 50.0 MiB |");
  });

  it("names each bar of the chart by the task's level and model", () => {
    const cell = analysis.tables.find((table) => table.cellId === "io.worker-threads/C=50/W=2")!.cell;
    expect(modelLabel(cell)).toBe("50 at once: over 2 worker threads");
  });
});
