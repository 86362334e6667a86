/** Running the real bench and report in tests: a small suite, the interleaved run (Node only unless asked), the report. */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "@runtime-bench/model/cli/repo";
import { BENCH_PROCESS_PATTERN } from "@runtime-bench/model/runtimes";
import type { CellResult, RunResult } from "@runtime-bench/model/schema";
import type { Suite } from "@runtime-bench/model/suite";

export const runFile = join(repoRoot, "benchmarks/src/bench.ts");
export const reportFile = join(repoRoot, "packages/results/src/main.ts");

/** A one-profile suite, derived from the real one, small enough for a test: one counted round, no warm-up, the shortest probe. */
export function writeSuite(dir: string, change: (profile: Suite["profiles"][string]) => void): string {
  const suite = JSON.parse(readFileSync(join(repoRoot, "benchmarks/suite.json"), "utf8")) as Suite;
  const profile = suite.profiles.quick!;
  Object.assign(profile, { rounds: { warmup: 0, min: 1, max: 1 }, probeRounds: 1 }); // one probe round: a reading, not a precise one
  profile.cpu = { tasks: profile.cpu.tasks, sizes: { tiny: 1_000_000 }, workers: profile.cpu.workers }; // no sweep, no ladder
  // No sweep, no capacity measurement, no files: only what a test asks for.
  profile.io = {
    clients: profile.io.clients,
    requestTimeoutMs: profile.io.requestTimeoutMs,
    warmUpRequests: 20,
    requests: 10,
    latencyMs: 5,
    concurrency: 5,
    workers: 2,
  };
  delete profile.files;
  change(profile);
  const file = join(dir, "suite.json");
  writeFileSync(file, JSON.stringify({ ...suite, profiles: { quick: profile } }));
  return file;
}

/** The interleaved run, quick profile, Node only unless the args say otherwise. */
export function bench(args: string[], env: Record<string, string> = {}) {
  const runtimes = args.includes("--runtimes") ? [] : ["--runtimes", "node"];
  const profile = args.includes("--profile") ? [] : ["--quick"];
  return spawnSync(process.execPath, [runFile, ...profile, ...runtimes, ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
}

export function report(dir: string, args: string[] = []) {
  return spawnSync(process.execPath, [reportFile, "--dir", dir, ...args], { encoding: "utf8" });
}

export const readRun = (dir: string): RunResult => JSON.parse(readFileSync(join(dir, "run.json"), "utf8"));
export const cellsOf = (run: RunResult, runtime = "node"): CellResult[] => {
  const found = run.runtimes.find((r) => r.name === runtime);
  return found?.status === "measured" ? found.cells : [];
};

/**
 * A bench's processes (measurement processes, their children, the mock API) that nothing running owns: each was left
 * behind by a run that has ended, and was handed to init. One with a live launcher (`src/bench.ts`) or a test worker
 * (vitest) among itself and its ancestors belongs to a run still going, another test file's running beside this one,
 * and is not counted.
 */
export function leftoverProcesses(): string {
  let listed: string;
  try {
    listed = execFileSync("pgrep", ["-af", BENCH_PROCESS_PATTERN], { encoding: "utf8" }).trim();
  } catch {
    return ""; // pgrep exits 1 when nothing matches
  }
  return listed
    .split("\n")
    .filter((line) => !isOwnedByLiveRun(Number(line.split(" ")[0])))
    .join("\n");
}

/** Whether the process or an ancestor is a launcher or a test worker still running; a process gone meanwhile is not left over. */
function isOwnedByLiveRun(pid: number): boolean {
  for (let at = pid; at > 1; ) {
    try {
      if (/src\/bench\.ts|vitest/.test(readFileSync(`/proc/${at}/cmdline`, "utf8"))) return true;
      // The parent is the field after the state, which follows the command name in parentheses (which may hold spaces).
      at = Number(readFileSync(`/proc/${at}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
    } catch {
      return at === pid; // the process itself is gone: nothing is left; an ancestor gone: orphaned, left over
    }
  }
  return false;
}

export const temporary = (name: string) => mkdtempSync(join(tmpdir(), `rb-${name}-`));

/** A task module (`source`) in a folder of its own under `parent`, outside the repo, as a user's would be. */
export function writeTaskModule(parent: string, name: string, source: string): string {
  const folder = join(parent, name);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, "task.ts");
  writeFileSync(file, source);
  return file;
}
