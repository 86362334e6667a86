/**
 * The one meter every cell is measured with, so measuring costs the same in every cell: between the two
 * timing gates it reads the tree's memory at a fixed interval (whatever the scenario), and at the gates the
 * CPU time of children that exited and the machine's per-core load.
 */
import { coreBusyShare, readCoreTimes, readDescendants, readProcessTreeCpu, readPssKiB } from "./proc.ts";

/**
 * Reading one process's smaps_rollup costs ~0.3-1.2 ms of kernel time here (more for a bigger process), and a
 * tree of five processes means five reads: every 100 ms keeps the meter's cost to a few percent of one core in
 * the biggest tree, and still sees a child process that lives a few hundred milliseconds several times.
 */
export const MEMORY_POLL_MS = 100;

export const METER_DESCRIPTION = {
  memoryPollMs: MEMORY_POLL_MS,
  memory: `peak of the tree's summed PSS (smaps_rollup), read at both gates and every ${MEMORY_POLL_MS} ms in between`,
  cpu: "process CPU from getrusage (µs, every thread and worker) plus children that exited, from /proc (10 ms ticks)",
};

export interface MeterReading {
  peakPssKiB: number | null;
  memoryPolls: number;
  /** CPU time of the measurement process's children that exited and were reaped inside the window, ms. */
  childrenCpuMs: { user: number; system: number } | null;
  /** Summed busy share of every core over the window (all load on the machine), or null where unreadable. */
  machineBusyCores: number | null;
}

export function startResourceMeter(pid: number): { stop(): MeterReading } {
  const cpuBefore = readProcessTreeCpu(pid);
  const coresBefore = readCoreTimes();
  let peakPssKiB: number | null = null;
  let memoryPolls = 0;
  const readMemory = () => {
    const readings = [pid, ...readDescendants(pid)].map(readPssKiB).filter((kib): kib is number => kib !== null);
    memoryPolls++;
    if (readings.length > 0)
      peakPssKiB = Math.max(
        peakPssKiB ?? 0,
        readings.reduce((sum, kib) => sum + kib, 0),
      );
  };
  readMemory();
  const timer = setInterval(readMemory, MEMORY_POLL_MS);
  return {
    stop() {
      clearInterval(timer);
      readMemory();
      const cpuAfter = readProcessTreeCpu(pid);
      const coresAfter = readCoreTimes();
      return {
        peakPssKiB,
        memoryPolls,
        childrenCpuMs:
          cpuBefore && cpuAfter
            ? { user: cpuAfter.childrenUserMs - cpuBefore.childrenUserMs, system: cpuAfter.childrenSystemMs - cpuBefore.childrenSystemMs }
            : null,
        machineBusyCores: coresBefore && coresAfter ? coreBusyShare(coresBefore, coresAfter).reduce((sum, share) => sum + share, 0) : null,
      };
    },
  };
}
