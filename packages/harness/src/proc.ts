/**
 * Linux /proc readers for the cost of a cell beyond wall time. Every reader returns null where the figure
 * cannot be read (not Linux, no permission), so a missing figure is never mistaken for a zero.
 */
import { readFileSync } from "node:fs";

// /proc reports CPU time in USER_HZ ticks, which the kernel ABI fixes at 100 per second.
const MS_PER_TICK = 10;

function readProc(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

/** Peak resident set size (VmHWM) of this process, in KiB. */
export function readPeakRssKiB(pid: number | "self" = "self"): number | null {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(readProc(`/proc/${pid}/status`) ?? "");
  return match ? Number(match[1]) : null;
}

export interface ProcessTreeCpu {
  /** CPU time of this process (all its threads) in ms. */
  userMs: number;
  systemMs: number;
  /** CPU time of its finished, reaped child processes in ms. */
  childrenUserMs: number;
  childrenSystemMs: number;
}

/** CPU time of this process and its reaped children, from /proc/self/stat. */
export function readProcessTreeCpu(): ProcessTreeCpu | null {
  const stat = readProc("/proc/self/stat");
  if (!stat) return null;
  // The command name (field 2) may contain spaces; the fields after its closing parenthesis are fixed.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields 14-17 of the man page (utime, stime, cutime, cstime) are 11-14 after the name.
  const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
  if ([utime, stime, cutime, cstime].some((value) => value === undefined || Number.isNaN(value))) return null;
  return {
    userMs: utime! * MS_PER_TICK,
    systemMs: stime! * MS_PER_TICK,
    childrenUserMs: cutime! * MS_PER_TICK,
    childrenSystemMs: cstime! * MS_PER_TICK,
  };
}

export interface CoreTimes {
  busy: number;
  total: number;
}

/** Busy and total ticks per core since boot, from /proc/stat. */
export function readCoreTimes(): CoreTimes[] | null {
  const stat = readProc("/proc/stat");
  if (!stat) return null;
  const cores: CoreTimes[] = [];
  for (const line of stat.split("\n")) {
    if (!/^cpu\d+ /.test(line)) continue;
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already inside user).
    const total = ticks.slice(0, 8).reduce((sum, value) => sum + value, 0);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    cores.push({ busy: total - idle, total });
  }
  return cores.length > 0 ? cores : null;
}

/** Share of each core that was busy between two readings (0-1). */
export function coreBusyShare(before: CoreTimes[], after: CoreTimes[]): number[] {
  return after.map((core, index) => {
    const start = before[index];
    if (!start) return 0;
    const total = core.total - start.total;
    return total > 0 ? (core.busy - start.busy) / total : 0;
  });
}
