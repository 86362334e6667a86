/**
 * The integration test every app runs: its own bench, quick profile, under its own runtime, into a
 * temporary folder; the result file must validate and every cell must have verified samples. Bad flags
 * must end in exit code 2 with nothing written.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { RuntimeName } from "../primitives.ts";
import { parseRunResult } from "../schema.ts";
import { getProfile, loadSuite } from "../suite.ts";
import { repoRoot } from "../launcher/repo.ts";

const QUICK_PROFILE_TIMEOUT_MS = 180_000;

function runBench(benchFile: URL, args: string[]) {
  return spawnSync(process.execPath, [fileURLToPath(benchFile), ...args], { encoding: "utf8", timeout: QUICK_PROFILE_TIMEOUT_MS });
}

export function describeQuickProfile(runtime: RuntimeName, benchFile: URL): void {
  describe(`${runtime} app`, () => {
    const out = mkdtempSync(join(tmpdir(), `rb-${runtime}-`));
    afterAll(() => rmSync(out, { recursive: true, force: true }));

    it(
      "runs the quick profile under its own runtime and writes a valid, fully verified result",
      () => {
        const run = runBench(benchFile, ["--quick", "--out", out]);
        expect(run.status, run.stderr).toBe(0);
        expect(run.stderr).toMatch(new RegExp(`\\[${runtime}\\] \\d+/\\d+ cpu\\.sequential`)); // progress lines

        const result = parseRunResult(JSON.parse(readFileSync(join(out, `${runtime}.json`), "utf8")), `${runtime}.json`);
        const profile = getProfile(loadSuite(join(repoRoot, "benchmarks/suite.json")), "quick");
        expect(result.runtime.runtime).toBe(runtime);
        expect(new Set(result.cells.map((cell) => cell.scenarioId))).toEqual(new Set(profile.scenarios));
        for (const cell of result.cells) {
          expect(cell.status, `${cell.cellId}: ${cell.reason}`).toBe("ok");
          expect(cell.samples).toHaveLength(profile.runs);
          expect(cell.warmup).toHaveLength(profile.warmupRuns);
        }
      },
      QUICK_PROFILE_TIMEOUT_MS,
    );

    it.each([
      [["--bogus"], /Unknown option '--bogus'/],
      [["--profile", "nope"], /unknown profile "nope"/],
      [["--quick", "--profile", "full"], /contradict/],
      [["--suite", "does-not-exist.json"], /cannot read the suite/],
    ])("rejects bad input %j with exit code 2 and writes nothing", (args, message) => {
      const badOut = mkdtempSync(join(tmpdir(), `rb-${runtime}-bad-`));
      const run = runBench(benchFile, [...args, "--out", badOut]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(existsSync(join(badOut, `${runtime}.json`))).toBe(false);
      rmSync(badOut, { recursive: true, force: true });
    });
  });
}
