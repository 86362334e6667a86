/**
 * The integration test every app runs: its preflight (the app's own `bench` task), then the interleaved run of the
 * quick profile with only its runtime selected, as ordinary set-ups have it (both once broke cells of some runtimes):
 * from a checkout whose path has spaces, into a folder whose name has one, in a shell that sets LD_LIBRARY_PATH. The
 * result file must validate, every cell must have verified runs measured by the same meter, and fresh executors must
 * report their start-up. Bad flags must end in exit code 2 with nothing written.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { repoRoot } from "@runtime-bench/model/cli/repo";
import { RUNTIME_NAMES, type RuntimeName } from "@runtime-bench/model/runtimes";
import { startsExecutorPerTask } from "@runtime-bench/model/scenarios/records";
import { type CellResult, type MeasuredRuntime, parseRunResult, RESULT_FILE } from "@runtime-bench/model/schema";
import { expandCells, getProfile, loadSuite } from "@runtime-bench/model/suite";
import { afterAll, describe, expect, it } from "vitest";
import { MEMORY_POLL_MS } from "../resource-meter.ts";

const QUICK_PROFILE_TIMEOUT_MS = 180_000;

/**
 * With LD_LIBRARY_PATH set, as a shell with CUDA or conda has it: it must not reach the measured processes
 * (Deno refuses to start a child process with it), so every cell must still be ok.
 */
function runNode(file: string, args: string[]) {
  return spawnSync(process.execPath, [file, ...args], {
    encoding: "utf8",
    timeout: QUICK_PROFILE_TIMEOUT_MS,
    env: { ...process.env, LD_LIBRARY_PATH: "/opt/not-a-library-folder" },
  });
}

/** A copy of this checkout, installed dependencies included: hard links where the file system allows them. */
export function copyCheckout(to: string): void {
  try {
    execFileSync("cp", ["-al", repoRoot, to]);
  } catch {
    rmSync(to, { recursive: true, force: true });
    execFileSync("cp", ["-a", repoRoot, to]);
  }
}

/** Cells a runtime cannot run by design: those of an HTTP client it does not describe itself as having. */
const expectedNotApplicable = (runtime: MeasuredRuntime, cell: CellResult) =>
  cell.params.kind === "io" && runtime.description.httpClients[cell.params.client] === undefined;

export function describeQuickProfile(runtime: RuntimeName, preflightFile: URL): void {
  describe(`${runtime} app`, () => {
    const parent = mkdtempSync(join(tmpdir(), `rb my ${runtime} projects-`));
    const out = join(parent, "out dir");
    afterAll(() => rmSync(parent, { recursive: true, force: true }));

    it("its preflight finds the runtime ready", () => {
      const preflight = runNode(fileURLToPath(preflightFile), ["--quick"]);
      expect(preflight.status, preflight.stderr).toBe(0);
      expect(preflight.stderr).toMatch(new RegExp(`\\[${runtime}\\] ready: \\d`));
    });

    it(
      "runs the quick profile under its own runtime and writes a valid, fully verified result",
      () => {
        const checkout = join(parent, "runtime bench");
        copyCheckout(checkout);
        const run = runNode(join(checkout, "benchmarks/src/bench.ts"), ["--quick", "--runtimes", runtime, "--out", out]);
        expect(run.status, run.stderr).toBe(0);
        expect(run.stderr).toMatch(new RegExp(`\\[round 1 · \\d+/\\d+\\] ${runtime} \\S+/`)); // progress lines
        expect(run.stderr).toMatch(/\[round 1\] \d+ runs in \d+ s; \d+ of \d+ comparisons open/);

        const result = parseRunResult(JSON.parse(readFileSync(join(out, RESULT_FILE), "utf8")), RESULT_FILE);
        const profile = getProfile(loadSuite(join(repoRoot, "benchmarks/suite.json")), "quick");
        const own = result.runtimes.find((r): r is MeasuredRuntime => r.name === runtime && r.status === "measured")!;
        expect(own.description.runtime.runtime).toBe(runtime);
        // Every client besides the default says it is configured, and records the settings that differ from its defaults.
        for (const [id, client] of Object.entries(own.description.httpClients).filter(([id]) => id !== "default")) {
          expect(client.configuration, id).toBe("configured");
          expect(Object.keys(client.settings).length, id).toBeGreaterThan(0);
        }
        expect(result.runtimes.filter((r) => r.name !== runtime).every((r) => r.status === "n/a" && !r.selected)).toBe(true);
        // The profile's scenarios and its cell groups (the primitive costs among them); the cell count depends on cores.
        const expected = expandCells(profile, { cores: result.machine.availableParallelism, baseUrl: "http://127.0.0.1" });
        expect(new Set(own.cells.map((cell) => cell.scenarioId))).toEqual(new Set(expected.map((cell) => cell.scenarioId)));
        expect(result.run.rounds).toEqual({ warmup: profile.rounds.warmup, counted: profile.rounds.max });
        // The machine-speed probe on every core, at the start and after the round, as long as the profile says.
        expect(result.run.coreProbe.rounds).toBe(profile.probeRounds);
        for (const reading of [result.run.coreProbe.start, ...result.run.coreProbe.afterEachRound]) {
          expect(reading).toMatchObject({ cores: expect.any(Array), ms: expect.any(Array) });
          if ("ms" in reading) expect(reading.ms).toHaveLength(reading.cores.length);
        }
        let polls = 0;
        let pollIntervals = 0;
        for (const cell of own.cells) {
          if (expectedNotApplicable(own, cell)) {
            expect(cell.status, cell.cellId).toBe("n/a");
            expect(cell.reason).toMatch(/no [\w-]+ client is set up for this runtime/);
            continue;
          }
          expect(cell.status, `${cell.cellId}: ${cell.reason}`).toBe("ok");
          expect(cell.samples).toHaveLength(profile.rounds.max);
          for (const sample of cell.samples) {
            // The same meter in every cell: memory read at both gates and every MEMORY_POLL_MS in between; the main
            // thread's core with each reading.
            expect(sample.memoryPolls, cell.cellId).toBeGreaterThanOrEqual(2);
            polls += sample.memoryPolls - 2;
            pollIntervals += Math.floor(sample.wallMs / MEMORY_POLL_MS);
            expect(sample.mainThreadCores.length, cell.cellId).toBeGreaterThan(0);
            expect(sample.endedAtMs - sample.startedAtMs, cell.cellId).toBeGreaterThanOrEqual(sample.wallMs);
            expect(sample.peakPssKiB, cell.cellId).toBeGreaterThan(0);
            expect(sample.busyCores, cell.cellId).toBeGreaterThan(0);
          }
          const fresh = startsExecutorPerTask(cell.scenarioId);
          for (const sample of cell.samples) {
            expect(sample.executors.length, cell.cellId).toBe(fresh ? cell.params.kind === "cpu" && cell.params.tasks : 0);
            for (const executor of sample.executors) {
              expect(executor.readyMs).toBeGreaterThan(0);
              // Every runtime reports a child process gone; Deno alone reports no worker's exit (no close event).
              if (runtime === "deno" && executor.kind === "worker") expect(executor.teardownUnseen).toMatch(/no close event/);
              else expect(executor.teardownMs).toBeGreaterThanOrEqual(0);
            }
          }
        }
        // The polls between the gates, counted over the whole run: a busy machine may delay a timer (Node's
        // worker-per-task cell at 1e7 once got none, with two test files sharing the 2 cores), hence half the ideal count.
        expect(polls).toBeGreaterThanOrEqual(Math.floor(pollIntervals / 2));
        expect(pollIntervals).toBeGreaterThan(10); // the run had cells long enough for the check to mean something
      },
      QUICK_PROFILE_TIMEOUT_MS,
    );

    it.each([
      [["--bogus"], /Unknown option '--bogus'/],
      [["--profile", "nope"], /unknown profile "nope"/],
      [["--quick", "--profile", "full"], /contradict/],
      [["--suite", "does-not-exist.json"], /cannot read the suite/],
      [["--runtimes", "node,rust"], new RegExp(`--runtimes: "rust": "rust" is none of the runtimes \\(${RUNTIME_NAMES.join(", ")}\\)`)],
      [["--seed", "soon"], /--seed must be a whole number/],
    ])("its preflight rejects bad input %j with exit code 2 and writes nothing", (args, message) => {
      const badOut = mkdtempSync(join(tmpdir(), `rb-${runtime}-bad-`));
      const run = runNode(fileURLToPath(preflightFile), [...args, "--out", badOut]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(existsSync(join(badOut, RESULT_FILE))).toBe(false);
      rmSync(badOut, { recursive: true, force: true });
    });
  });
}
