/**
 * The launcher's parts around I/O cells: the server's own CPU in the meter, the scratch folder, the capacity probe;
 * and its side of the measurement protocol.
 */
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { measureOnce } from "../src/measure-once.ts";
import { runMeasurementProcess } from "../src/measurement-process.ts";
import { startMockApiProcess } from "../src/mock-api-process.ts";
import { startResourceMeter } from "../src/resource-meter.ts";
import { SCRATCH_PREFIX, withScratchFolder } from "../src/scratch-folder.ts";
import { measureServerCapacity } from "../src/server-capacity.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the meter", () => {
  it("reads the server's CPU time apart from the measured tree", async () => {
    const busy = spawn(process.execPath, ["-e", "for (;;);"], { stdio: "ignore" });
    try {
      await sleep(100);
      const meter = startResourceMeter(process.pid, busy.pid!);
      await sleep(400);
      const reading = meter.stop();
      // A spinning process uses about one core: at least a quarter of the window, on however busy a machine.
      expect(reading.serverCpuMs).toBeGreaterThan(100);
      expect(startResourceMeter(process.pid).stop().serverCpuMs).toBeNull();
    } finally {
      busy.kill("SIGKILL");
    }
  });
});

describe("a file cell's scratch folder", () => {
  it("is removed after the run, also when the run fails", async () => {
    let kept = "";
    await expect(
      withScratchFolder(async (folder) => {
        kept = folder;
        writeFileSync(join(folder, "a-file"), "written");
        throw new Error("the cell failed");
      }),
    ).rejects.toThrow("the cell failed");
    expect(kept).toContain(SCRATCH_PREFIX);
    expect(existsSync(kept)).toBe(false);
    const existedWhileUsed = await withScratchFolder(async (folder) => {
      kept = folder;
      return existsSync(folder);
    });
    expect(existedWhileUsed).toBe(true);
    expect(existsSync(kept)).toBe(false);
  });
});

describe("the mock API's capacity", () => {
  it("is measured by an independent load generator, named with its version", async () => {
    const api = await startMockApiProcess({ latencyMs: 50 });
    try {
      const capacity = await measureServerCapacity(api, { connections: 10, durationSeconds: 1 });
      if ("unavailable" in capacity) throw new Error(capacity.unavailable);
      expect(capacity.tool).toMatch(/^autocannon \d+\.\d+\.\d+$/);
      // At 0 ms latency (asked per request), ten connections get far more than 10 / 50 ms = 200 answers a second.
      expect(capacity.requestsPerSecond).toBeGreaterThan(200);
      expect(capacity.errors).toBe(0);
    } finally {
      await api.stop();
    }
  });
});

describe("the launcher's side of the measurement protocol (measurement-protocol.ts)", () => {
  /** A measurement process that prints `lines` on stdout, each as it is, and exits with `code`. */
  const fakeProcess = (lines: string[], code = 0) => {
    const file = join(mkdtempSync(join(tmpdir(), "runtime-bench-fake-")), "measure.sh");
    writeFileSync(file, `#!/bin/sh\n${lines.map((line) => `echo '${line}'`).join("\n")}\nexit ${code}\n`);
    chmodSync(file, 0o755);
    return { argv: [file] };
  };
  const error = async (lines: string[], code = 0) => {
    const outcome = await runMeasurementProcess(fakeProcess(lines, code), [], 10_000);
    if (outcome.ok) throw new Error("expected a failure");
    return outcome.error;
  };

  it("refuses a cell request that does not match the schema, before starting any process", async () => {
    // Type-correct, but no cell has 0 tasks (the schema: a whole number >= 1).
    const params = { kind: "cpu", workload: "sum-of-squares", tasks: 0, n: 1, workers: 1 } as const;
    const cell = { group: "headline", cellId: "c", scenarioId: "cpu.sequential", size: "s", params } as const;
    const request = { cell: { ...cell, baseline: null, pairedWith: null, comparedAcrossRuntimes: true }, measureInProcess: false };
    const outcome = await measureOnce({ argv: ["/no/such/runtime"] }, request, 10_000);
    expect(outcome).toMatchObject({ kind: "failed", reason: expect.stringMatching(/^invalid cell request: .*tasks/s) });
  });

  it("fails a run whose process prints a tagged line that is not a message of the protocol, saying which", async () => {
    expect(await error(['@@runtime-bench {"gate":"timing-start"}', '@@runtime-bench {"type":"error","message":"x"}'])).toMatch(
      /broke the measurement protocol: .*type/s,
    );
    expect(await error(["@@runtime-bench {not json"])).toMatch(/broke the measurement protocol: a tagged line is not JSON/);
  });

  it("reads the process's error message, and ignores lines that are not tagged", async () => {
    expect(await error(["a runtime warning", '@@runtime-bench {"type":"error","message":"the cell failed"}'], 1)).toBe(
      "exited with code 1: the cell failed",
    );
    const outcome = await runMeasurementProcess(
      fakeProcess(['@@runtime-bench {"type":"not-applicable","cellId":"c","reason":"r"}']),
      [],
      10_000,
    );
    expect(outcome).toEqual({ ok: true, message: { type: "not-applicable", cellId: "c", reason: "r" } });
  });
});
