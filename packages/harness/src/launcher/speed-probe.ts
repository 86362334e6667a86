/**
 * A fixed machine-speed probe, run by the launcher (on the pinned Node) at the start and at the end of each
 * runtime's run. The same work timed twice on the same machine should take the same time; when it does not
 * (a noisy neighbour, thermal throttling, a busy host), every figure between the two readings is suspect,
 * and the report says so.
 *
 * The probe is also timed on each core (pinned with Linux's taskset), because on this VM one core can
 * run ~30-45% slower than the other for a minute or two while the other stays fast: a single-threaded cell
 * then depends on the core it lands on, and a pool is held back by its slowest core.
 */
import { execFile } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { sumOfSquares, warmUp } from "@runtime-bench/workloads";
import type { CoreSpeeds } from "../schema.ts";
import { median } from "../stats.ts";

const PROBE_SIZE = 20_000_000; // ~15 ms per round here: long enough to time, short enough to repeat
const PROBE_ROUNDS = 21;
const DISCARDED_ROUNDS = 3; // the JIT may still be compiling during the first rounds

/** Median time of a fixed CPU task, in ms. */
export function probeMachineSpeed(): number {
  warmUp();
  const rounds = Array.from({ length: DISCARDED_ROUNDS + PROBE_ROUNDS }, () => {
    const start = performance.now();
    sumOfSquares(PROBE_SIZE);
    return performance.now() - start;
  });
  return median(rounds.slice(DISCARDED_ROUNDS));
}

/** Relative change from the first reading to the second: 0.03 means the end ran 3% slower. */
export const speedDrift = (startMs: number, endMs: number): number => endMs / startMs - 1;

const execFileAsync = promisify(execFile);
const probeMainFile = fileURLToPath(new URL("./probe-main.ts", import.meta.url));

/**
 * The probe on every core at once, each copy pinned to its own core (index = core number), or why it could not
 * be taken. All cores busy together is the condition a pool runs in.
 */
export async function probeEachCore(): Promise<CoreSpeeds> {
  if (process.platform !== "linux") return { unavailable: "pinning to one core needs Linux's taskset" };
  const cores = Array.from({ length: availableParallelism() }, (_, core) => core);
  try {
    const ms = await Promise.all(cores.map(probePinnedTo));
    return { ms };
  } catch (error) {
    return { unavailable: (error as Error).message };
  }
}

async function probePinnedTo(core: number): Promise<number> {
  let stdout: string;
  try {
    ({ stdout } = await execFileAsync("taskset", ["--cpu-list", String(core), process.execPath, probeMainFile], { timeout: 30_000 }));
  } catch (error) {
    const why = (error as { stderr?: string }).stderr?.trim().split("\n")[0] || (error as Error).message;
    throw new Error(`taskset could not pin the probe to core ${core}: ${why}`);
  }
  const reading = Number(stdout.trim());
  if (!(reading > 0)) throw new Error(`the probe pinned to core ${core} printed "${stdout.trim()}"`);
  return reading;
}
