/**
 * The one meter every cell is measured with, so measuring costs the same in every cell: between the two
 * timing gates it reads the tree's memory at a fixed interval (whatever the scenario), and at the gates the
 * CPU time of children that exited and the machine's per-core load.
 */
import {
  coreBusyShare,
  type ProcessTreeCpu,
  readCoreTimes,
  readDescendants,
  readLastCore,
  readProcessTreeCpu,
  readPssKiB,
} from "./proc.ts";

/**
 * Reading one process's smaps_rollup costs ~0.3-1.2 ms of kernel time here (more for a bigger process), and a
 * tree of five processes means five reads: every 100 ms keeps the meter's cost to a few percent of one core in
 * the biggest tree, and still sees a child process that lives a few hundred milliseconds several times.
 */
export const MEMORY_POLL_MS = 100;

export const METER_DESCRIPTION = {
  memoryPollMs: MEMORY_POLL_MS,
  memory: `peak of the tree's summed PSS (smaps_rollup), read at both gates and every ${MEMORY_POLL_MS} ms in between`,
  cores: `the core the main thread was on, read with the memory (field 39 of /proc/PID/stat)`,
  cpu: "process CPU from getrusage (µs, every thread and worker) plus its child processes', live or exited, from /proc (10 ms ticks)",
};

export interface MeterReading {
  peakPssKiB: number | null;
  memoryPolls: number;
  /** The core the main thread was on at each poll (one read per poll, unreadable ones left out). */
  mainThreadCores: number[];
  /**
   * CPU time of the measurement process's descendants inside the window, ms: those that exited and were reaped
   * (a child per task), and those still alive at the end (a warmed process pool), less what either had used
   * before the window began.
   */
  childrenCpuMs: { user: number; system: number } | null;
  /** Summed busy share of every core over the window (all load on the machine), or null where unreadable. */
  machineBusyCores: number | null;
  /** CPU time of the mock API's process over the window, ms (null without one, or where unreadable). */
  serverCpuMs: number | null;
}

type CpuTime = { user: number; system: number };

/** Own CPU time (all threads) of every live descendant, by pid. */
function descendantsCpu(pid: number): Map<number, CpuTime> {
  const times = new Map<number, CpuTime>();
  for (const child of readDescendants(pid)) {
    const cpu = readProcessTreeCpu(child);
    if (cpu) times.set(child, { user: cpu.userMs, system: cpu.systemMs });
  }
  return times;
}

/** Meters the tree of `pid`, and apart from it the CPU time of the server it talks to (`serverPid`), if any. */
export function startResourceMeter(pid: number, serverPid: number | null = null): { stop(): MeterReading } {
  const serverCpu = () => {
    const cpu = serverPid === null ? null : readProcessTreeCpu(serverPid);
    return cpu && cpu.userMs + cpu.systemMs;
  };
  const serverBefore = serverCpu();
  const cpuBefore = readProcessTreeCpu(pid);
  const liveBefore = descendantsCpu(pid);
  const coresBefore = readCoreTimes();
  let peakPssKiB: number | null = null;
  let memoryPolls = 0;
  const mainThreadCores: number[] = [];
  const readMemory = () => {
    const core = readLastCore(pid);
    if (core !== null) mainThreadCores.push(core);
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
      const liveAfter = descendantsCpu(pid);
      const coresAfter = readCoreTimes();
      const serverAfter = serverCpu();
      return {
        serverCpuMs: serverBefore !== null && serverAfter !== null ? serverAfter - serverBefore : null,
        peakPssKiB,
        memoryPolls,
        mainThreadCores,
        childrenCpuMs: cpuBefore && cpuAfter ? childrenCpu(cpuBefore, cpuAfter, liveBefore, liveAfter) : null,
        machineBusyCores: coresBefore && coresAfter ? coreBusyShare(coresBefore, coresAfter).reduce((sum, share) => sum + share, 0) : null,
      };
    },
  };
}

/**
 * Reaped children's time (it arrives whole in the parent's cutime/cstime) plus the live ones' own time, each less
 * what it had used when the window began.
 */
function childrenCpu(
  before: ProcessTreeCpu,
  after: ProcessTreeCpu,
  liveBefore: Map<number, CpuTime>,
  liveAfter: Map<number, CpuTime>,
): CpuTime {
  const total = { user: after.childrenUserMs - before.childrenUserMs, system: after.childrenSystemMs - before.childrenSystemMs };
  for (const [child, end] of liveAfter) {
    const start = liveBefore.get(child) ?? { user: 0, system: 0 };
    total.user += end.user - start.user;
    total.system += end.system - start.system;
  }
  for (const [child, start] of liveBefore) {
    if (liveAfter.has(child)) continue;
    total.user -= start.user; // reaped in the window: its time before the window came with it
    total.system -= start.system;
  }
  return total;
}
