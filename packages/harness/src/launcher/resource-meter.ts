/**
 * Measures what a measurement process's timed window cost beyond wall time: CPU of its whole tree,
 * per-core busy share, and peak resident memory of the tree.
 */
import { coreBusyShare, readCoreTimes, readDescendants, readPeakRssKiB, readProcessTreeCpu, type ProcessTreeCpu } from "./proc.ts";
import type { CellSample } from "../schema.ts";

export type ResourceUsage = Pick<CellSample, "cpuMs" | "coreBusy" | "peakRssKiB">;

// Child processes are sampled for their peak memory while they live: often enough to catch a task-sized
// child (>= tens of ms), rarely enough that the sampling itself costs nothing measurable.
const CHILD_SAMPLE_INTERVAL_MS = 10;

/**
 * `sampleChildren` only for scenarios that start child processes: the sampling wakes the launcher every
 * 10 ms, which is cheap but not free on a 2-core machine.
 */
export function startResourceMeter(pid: number, options: { sampleChildren: boolean }): { stop(): ResourceUsage } {
  const cpuBefore = readProcessTreeCpu(pid);
  const coresBefore = readCoreTimes();
  const childPeaks = new Map<number, number>();
  const sampleChildren = () => {
    for (const child of readDescendants(pid)) {
      const peak = readPeakRssKiB(child);
      if (peak !== null) childPeaks.set(child, Math.max(peak, childPeaks.get(child) ?? 0));
    }
  };
  const timer = options.sampleChildren ? setInterval(sampleChildren, CHILD_SAMPLE_INTERVAL_MS) : undefined;
  return {
    stop() {
      clearInterval(timer);
      sampleChildren();
      const cpuAfter = readProcessTreeCpu(pid);
      const coresAfter = readCoreTimes();
      const ownPeak = readPeakRssKiB(pid);
      return {
        cpuMs: cpuBefore && cpuAfter ? cpuDelta(cpuBefore, cpuAfter) : null,
        coreBusy: coresBefore && coresAfter ? coreBusyShare(coresBefore, coresAfter) : null,
        peakRssKiB: ownPeak === null ? null : [...childPeaks.values()].reduce((sum, peak) => sum + peak, ownPeak),
      };
    },
  };
}

/** CPU of the process plus that of its children which exited (and were waited for) in between. */
function cpuDelta(before: ProcessTreeCpu, after: ProcessTreeCpu) {
  return {
    user: after.userMs - before.userMs + (after.childrenUserMs - before.childrenUserMs),
    system: after.systemMs - before.systemMs + (after.childrenSystemMs - before.childrenSystemMs),
  };
}
