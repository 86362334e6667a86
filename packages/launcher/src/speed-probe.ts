/**
 * A fixed machine-speed probe, timed on every core at once (one copy pinned to each with Linux's taskset) at
 * the start of a run and after every round. The same work timed twice on the same machine should take the
 * same time; when it does not, the report says so. On this VM one core can run 15-45% slower than the other
 * for a minute or two while the other stays fast (the slow core changes): a single-threaded cell then depends
 * on the core it lands on, and a pool is held back by its slowest core. And sometimes every core is slower
 * than at the run's fastest moment: the whole machine slowed down. Only the probe is pinned; the measured
 * processes never are (pinning would choose the conditions a figure is taken in).
 */
import { execFile } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { NODE_COMPILE_CACHE_DIR } from "@runtime-bench/model/cli/compile-cache";
import { toMessage } from "@runtime-bench/model/errors";
import type { CoreSpeeds } from "@runtime-bench/model/schema";
import { median } from "@runtime-bench/model/stats";
import { sumOfSquares, warmUp } from "@runtime-bench/workloads";
import { childEnvironment } from "./child-environment.ts";
import { readAllowedCores } from "./proc.ts";

const PROBE_SIZE = 20_000_000; // ~15 ms per round here: long enough to time, short enough to repeat
const DISCARDED_ROUNDS = 3; // the JIT may still be compiling during the first rounds

/** Median time of a fixed CPU task over `timedRounds` rounds (the profile's probeRounds), in ms. */
export function probeMachineSpeed(timedRounds: number): number {
  warmUp();
  const rounds = Array.from({ length: DISCARDED_ROUNDS + timedRounds }, () => {
    const start = performance.now();
    sumOfSquares(PROBE_SIZE);
    return performance.now() - start;
  });
  return median(rounds.slice(DISCARDED_ROUNDS));
}

const execFileAsync = promisify(execFile);
const probeMainFile = fileURLToPath(new URL("./probe-main.ts", import.meta.url));

/**
 * The probe on every core at once, each copy pinned to its own core (all cores busy together is the condition
 * a pool runs in), in ms per core this process may use, or why it could not be taken.
 */
export async function probeEachCore(rounds: number, signal?: AbortSignal): Promise<CoreSpeeds> {
  if (process.platform !== "linux") return { unavailable: "pinning to one core needs Linux's taskset" };
  try {
    const cores = readAllowedCores() ?? Array.from({ length: availableParallelism() }, (_, core) => core);
    const ms = await Promise.all(cores.map((core) => probePinnedTo(core, rounds, signal)));
    return { ms, cores };
  } catch (error) {
    return { unavailable: toMessage(error) };
  }
}

async function probePinnedTo(core: number, rounds: number, signal: AbortSignal | undefined): Promise<number> {
  let stdout: string;
  try {
    ({ stdout } = await execFileAsync("taskset", ["--cpu-list", String(core), process.execPath, probeMainFile, String(rounds)], {
      timeout: 30_000,
      signal,
      // The environment every process the launcher starts gets (a user's NODE_OPTIONS would change the probe too).
      env: { ...childEnvironment(), NODE_COMPILE_CACHE: NODE_COMPILE_CACHE_DIR },
    }));
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string; killed?: boolean };
    if (failure.code === "ENOENT") throw new Error("taskset is not installed (Debian: util-linux)");
    if (failure.name === "AbortError") throw new Error("the run was interrupted");
    if (failure.killed) throw new Error(`the probe pinned to core ${core} did not finish within 30 s`);
    throw new Error(`the probe pinned to core ${core} failed: ${failure.stderr?.trim().split("\n")[0] || failure.message}`);
  }
  const reading = Number(stdout.trim());
  if (!(reading > 0)) throw new Error(`the probe pinned to core ${core} printed "${stdout.trim()}"`);
  return reading;
}
