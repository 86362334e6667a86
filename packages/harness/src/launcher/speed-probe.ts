/**
 * A fixed machine-speed probe, run by the launcher (on the pinned Node) at the start and at the end of each
 * runtime's run. The same work timed twice on the same machine should take the same time; when it does not
 * (a noisy neighbour, thermal throttling, a busy host), every figure between the two readings is suspect,
 * and the report says so.
 */
import { sumOfSquares, warmUp } from "@runtime-bench/workloads";
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
