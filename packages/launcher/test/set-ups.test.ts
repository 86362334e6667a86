/**
 * Ordinary set-ups a new user has, end to end: a checkout whose folder name has a space, run from a shell that sets
 * LD_LIBRARY_PATH (as CUDA and conda set it). Both once broke cells of some runtimes. Node, Bun and Deno run their
 * quick profile so (each app's quick-profile test: testing/quick-profile.ts); here, the Python reference.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "@runtime-bench/model/cli/repo";
import type { RunResult } from "@runtime-bench/model/schema";
import type { Suite } from "@runtime-bench/model/suite";
import { describe, expect, it } from "vitest";
import { copyCheckout } from "../src/testing/quick-profile.ts";

/** Every scenario of the quick profile, tiny and once, so the test stays short. */
function tinySuite(dir: string): string {
  const suite = JSON.parse(readFileSync(join(repoRoot, "benchmarks/suite.json"), "utf8")) as Suite;
  const profile = suite.profiles.quick!;
  Object.assign(profile, { rounds: { warmup: 0, min: 1, max: 1 } });
  profile.cpu = { tasks: profile.cpu.tasks, sizes: { tiny: 1_000_000 }, workers: profile.cpu.workers }; // every scenario; no sweep, no ladder
  // Every I/O scenario and client once (no sweep, no capacity measurement), every file model on a few small files.
  profile.io = {
    clients: profile.io.clients,
    requestTimeoutMs: profile.io.requestTimeoutMs,
    warmUpRequests: 20,
    requests: 6,
    latencyMs: 5,
    concurrency: 3,
    workers: 2,
  };
  profile.files = { scenarios: ["files.async", "files.workers"], sets: [{ files: 4, bytes: 4096 }], concurrency: 2, workers: 2 };
  const file = join(dir, "suite.json");
  writeFileSync(file, JSON.stringify({ ...suite, profiles: { quick: profile } }));
  return file;
}

describe("ordinary set-ups", () => {
  it("a checkout whose path has a space, in a shell with LD_LIBRARY_PATH set: the Python reference runs its cells", () => {
    const parent = mkdtempSync(join(tmpdir(), "rb my projects-"));
    try {
      const checkout = join(parent, "runtime bench");
      copyCheckout(checkout);
      const out = join(parent, "out dir");
      const run = spawnSync(
        process.execPath,
        [join(checkout, "benchmarks/src/bench.ts"), "--quick", "--runtimes", "cpython", "--suite", tinySuite(parent), "--out", out],
        {
          encoding: "utf8",
          env: { ...process.env, LD_LIBRARY_PATH: "/opt/not-a-library-folder" },
          timeout: 150_000,
        },
      );
      expect(run.status, run.stderr).toBe(0);
      const result = JSON.parse(readFileSync(join(out, "run.json"), "utf8")) as RunResult;
      const cpython = result.runtimes.find((one) => one.name === "cpython")!;
      expect(cpython.status, cpython.status === "n/a" ? cpython.reason : "").toBe("measured");
      if (cpython.status !== "measured") return;
      // The reference runs the lesson's cells only, and says n/a to the rest: none may fail.
      for (const cell of cpython.cells) expect(cell.status, `${cell.cellId}: ${cell.reason}`).not.toBe("failed");
      expect(cpython.cells.filter((cell) => cell.status === "ok").length).toBeGreaterThan(0);
      // What the measured processes were given, recorded: LD_LIBRARY_PATH is not among it.
      expect(result.run.environment!.passed.map((variable) => variable.name)).not.toContain("LD_LIBRARY_PATH");
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }, 180_000);
});
