/** The launcher's parts around I/O cells: the server's own CPU in the meter, the scratch folder, the capacity probe. */
import { spawn } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startMockApiProcess } from "../src/launcher/mock-api-process.ts";
import { startResourceMeter } from "../src/launcher/resource-meter.ts";
import { SCRATCH_PREFIX, withScratchFolder } from "../src/launcher/scratch-folder.ts";
import { measureServerCapacity } from "../src/launcher/server-capacity.ts";

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
