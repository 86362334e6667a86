import { describe, expect, it } from "vitest";
import { analyze, isMeasured } from "../src/analyze.ts";
import { findings } from "../src/findings.ts";
import { renderReport } from "../src/render-markdown.ts";
import { around, cpuCell, ioCell, runResult } from "./fixtures.ts";

const node = runResult("node", [
  cpuCell("cpu.sequential", around(400)),
  cpuCell("cpu.async-main", around(404)),
  cpuCell("cpu.worker-pool", around(210)),
  ioCell(around(60)),
]);
const bun = runResult("bun", [
  cpuCell("cpu.sequential", around(200)),
  cpuCell("cpu.async-main", around(200)),
  cpuCell("cpu.worker-pool", around(105)),
  ioCell(around(60)),
]);

describe("analysis", () => {
  it("computes speed-up over the runtime's own sequential run and efficiency against the ideal", () => {
    const pool = analyze([node, bun], ["node", "bun"]).find((t) => t.cell.scenarioId === "cpu.worker-pool")!;
    const nodeRow = pool.rows.find((r) => r.runtime === "node")!;
    expect(isMeasured(nodeRow) && nodeRow.speedup).toBeCloseTo(400 / 210, 6);
    expect(isMeasured(nodeRow) && nodeRow.efficiency).toBeCloseTo(400 / 210 / 2, 6);
    expect(pool.fastest).toBe("bun");
  });

  describe("speed-up pairs runs of the same round", () => {
    const speedupIn = (result: ReturnType<typeof runResult>) => {
      const row = analyze([result], ["node"]).find((t) => t.cell.scenarioId === "cpu.worker-pool")!.rows[0]!;
      return isMeasured(row) ? row.speedup : null;
    };
    const sequential = cpuCell("cpu.sequential", [100, 200, 300]);
    const pool = cpuCell("cpu.worker-pool", [150, 50, 100]);

    it("takes the median of the per-round ratios", () => {
      expect(speedupIn(runResult("node", [sequential, pool]))).toBe(3); // ratios 0.67, 4, 3
    });

    it("pairs on the recorded round, not on the position", () => {
      const poolMissingRoundTwo = { ...pool, samples: [pool.samples[0]!, pool.samples[2]!] }; // rounds 1 and 3
      expect(speedupIn(runResult("node", [sequential, poolMissingRoundTwo]))).toBeCloseTo((100 / 150 + 300 / 100) / 2, 9);
    });

    it("falls back to the ratio of medians for samples without rounds", () => {
      const withoutRounds = (cell: typeof pool) => ({ ...cell, samples: cell.samples.map(({ round: _, ...rest }) => rest) });
      expect(speedupIn(runResult("node", [withoutRounds(sequential), withoutRounds(pool)]))).toBe(2); // 200 / 100
    });
  });

  it("names no winner where the runtimes cannot be told apart", () => {
    const io = analyze([node, bun], ["node", "bun"]).find((t) => t.cell.kind === "io")!;
    expect(io.fastest).toBeNull();
  });

  it("a runtime compared with itself is ≈", () => {
    const twin = { ...node, runtime: { ...node.runtime, runtime: "deno" as const } };
    for (const table of analyze([node, twin], ["node", "deno"])) expect(table.fastest).toBeNull();
  });

  it("marks a missing runtime n/a and a failed cell with its reason", () => {
    const failing = runResult("deno", [cpuCell("cpu.sequential", [], { status: "failed", reason: "timed out after 60 s" })]);
    const tables = analyze([node, failing], ["node", "bun", "deno"]);
    const sequential = tables.find((t) => t.cell.scenarioId === "cpu.sequential")!;
    expect(sequential.rows.map((r) => ("reason" in r ? r.reason : "measured"))).toEqual([
      "measured",
      "n/a (not run)",
      "failed (timed out after 60 s)",
    ]);
  });
});

describe("the report rendered from fixed inputs", () => {
  const report = renderReport({ results: [node, bun], missing: [{ runtime: "deno", reason: "no result file (deno.json)" }] }, ["node", "bun", "deno"]);

  it("has the environment, one table per cell and the reading", () => {
    expect(report).toContain("Machine: Test CPU, 2 cores");
    expect(report).toContain("- deno: n/a (no result file (deno.json))");
    expect(report).toContain("`cpu.worker-pool/n=1e8`");
    expect(report).toContain("| **bun** (fastest) | 105 ms [");
    expect(report).toMatch(/\| node \| 400 ms \[[\d.]+–[\d.]+\] \| 1\.00x \[1\.00–1\.00\] \(100% of ideal\) \| 2\.00x slower \[/);
  });

  it("derives its reading from the numbers", () => {
    const reading = findings(analyze([node, bun], ["node", "bun"]));
    expect(reading[0]).toContain("Async tasks on one thread do not speed up CPU work:** 0.99x (node), 1.00x (bun)");
    expect(reading[1]).toContain("a warmed pool ran the tasks 1.90x (node), 1.90x (bun)");
    const faster = runResult("bun", [cpuCell("cpu.sequential", around(200)), cpuCell("cpu.async-main", around(100))]);
    expect(findings(analyze([faster], ["bun"]))[0]).toContain("some runtime gained");
  });

  it("prints ≈ with its interval for indistinguishable runtimes", () => {
    expect(report).toMatch(/\| bun \| 60\.0 ms \[[^\]]+\] \| 83% \| ≈ \(/);
  });
});

describe("noise guards", () => {
  it("flags a cell whose runs vary beyond the CV threshold, and a run whose speed probe drifted", () => {
    const noisy = runResult("node", [cpuCell("cpu.sequential", [100, 140, 90, 160, 100, 120])]);
    noisy.run.speedProbe = { startMs: 30, endMs: 33, drift: 0.1 };
    const report = renderReport({ results: [noisy], missing: [] }, ["node"]);
    expect(report).toMatch(/⚠ node: the machine-speed probe drifted 10%/);
    expect(report).toMatch(/⚠ node cpu\.sequential\/n=1e8: runs vary by \d+% \(CV; flag above 10%\)/);
    expect(report).toContain("30.0 / 33.0 ms (10.0%) ⚠");
  });

  it("flags one core running slower than another, and says why per-core readings are missing", () => {
    const uneven = runResult("bun", [cpuCell("cpu.sequential", around(100))]);
    uneven.run.speedProbe.perCore = { start: { ms: [15, 15.3] }, end: { ms: [15, 21.9] } };
    const unpinned = runResult("deno", [cpuCell("cpu.sequential", around(100))]);
    unpinned.run.speedProbe.perCore = { start: { unavailable: "no taskset" }, end: { unavailable: "no taskset" } };
    const report = renderReport({ results: [uneven, unpinned], missing: [] }, ["bun", "deno"]);
    expect(report).toContain("| probe per core, start / end | 15.0, 15.3 ms / 15.0, 21.9 ms ⚠ | n/a (no taskset) / n/a (no taskset) |");
    expect(report).toMatch(/⚠ bun: at the end of the run the probe took 46% longer on core 1 than on core 0/);
    expect(report).not.toMatch(/⚠ bun: at the start/); // 2% apart is not flagged
    expect(report).toContain("| rounds after which one core was slow | n/a (not probed per round) |");
  });

  it("counts the rounds after which one core was slow", () => {
    const result = runResult("node", [cpuCell("cpu.sequential", around(100))]);
    const even = { ms: [15, 15.5] };
    result.run.speedProbe.perCore = { start: even, end: even, afterEachRound: [even, { ms: [20, 15] }, even, { ms: [15, 18] }, { unavailable: "no taskset" }] };
    const report = renderReport({ results: [result], missing: [] }, ["node"]);
    expect(report).toContain("| rounds after which one core was slow | 2 of 4 (worst 33%) ⚠ |");
    expect(report).toMatch(/⚠ node: after 2 of 4 rounds the probe ran more than 10% slower on one core than on another \(at worst 33%\)/);
  });

  it("flags a speed-up beyond the physical limit", () => {
    const superlinear = runResult("bun", [cpuCell("cpu.sequential", around(800)), cpuCell("cpu.worker-pool", around(320))]);
    const report = renderReport({ results: [superlinear], missing: [] }, ["bun"]);
    expect(report).toMatch(/⚠ bun cpu\.worker-pool\/n=1e8: 125% of the ideal is beyond the physical limit/);
  });

  it("says so when nothing was flagged", () => {
    const calm = runResult("node", [cpuCell("cpu.sequential", around(100))]);
    expect(renderReport({ results: [calm], missing: [] }, ["node"])).toContain("No cell or run was flagged.");
  });

  it("shows the in-process (mitata) figure, or why there is none", () => {
    const withMitata = runResult("node", [
      cpuCell("cpu.sequential", around(100), { inProcess: { tool: "mitata", label: "one task", samplesMs: [8, 8.1, 7.9, 8] } }),
    ]);
    const skipped = runResult("bun", [
      cpuCell("cpu.sequential", around(100), { inProcess: { tool: "mitata", label: "one task", samplesMs: [], skipped: "one call takes 230 ms (> 50 ms)" } }),
    ]);
    const report = renderReport({ results: [withMitata, skipped], missing: [] }, ["node", "bun"]);
    expect(report).toContain("In-process, repeated in one warm process with mitata (one task): node: 8.00 ms [");
    expect(report).toContain("bun: not measured (one call takes 230 ms (> 50 ms))");
  });
});
