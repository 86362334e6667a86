/**
 * Linux /proc readers for the cost of a cell beyond wall time. The launcher (on Node) reads them for the
 * measurement process, because Deno only lets a process read /proc with --allow-all; one reader for every
 * runtime is fairer anyway. Every reader returns null where the figure cannot be read (not Linux, no
 * permission, process gone), so a missing figure is never mistaken for a zero.
 */
import { readdirSync, readFileSync } from "node:fs";

// /proc reports CPU time in USER_HZ ticks, which the kernel ABI fixes at 100 per second.
const MS_PER_TICK = 10;

function readProc(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

/** The cores this process may run on ("0-1" or "2,5-6" in Cpus_allowed_list), or null where unreadable. */
export function readAllowedCores(): number[] | null {
  const list = /^Cpus_allowed_list:\s*(.+)$/m.exec(readProc("/proc/self/status") ?? "")?.[1];
  const cores = (list ?? "").split(",").flatMap((range) => {
    const [first, last = first] = range.trim().split("-").map(Number);
    return Number.isInteger(first) && Number.isInteger(last) ? Array.from({ length: last! - first! + 1 }, (_, i) => first! + i) : [];
  });
  return cores.length > 0 ? cores : null;
}

/**
 * Proportional set size of a process, in KiB (from smaps_rollup): each page shared with other processes is
 * split between them, so summing a tree of processes of one runtime counts its shared binary once, not once
 * per process as summed RSS would.
 */
export function readPssKiB(pid: number): number | null {
  const match = /^Pss:\s+(\d+) kB$/m.exec(readProc(`/proc/${pid}/smaps_rollup`) ?? "");
  return match ? Number(match[1]) : null;
}

/** The core a process's main thread last ran on (field 39 of /proc/PID/stat), or null where unreadable. */
export function readLastCore(pid: number): number | null {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return null;
  // Fields after the command name's closing parenthesis start at field 3 of the man page.
  const core = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[39 - 3]);
  return Number.isInteger(core) ? core : null;
}

export interface ProcessTreeCpu {
  /** CPU time of the process (all its threads, workers included) in ms. */
  userMs: number;
  systemMs: number;
  /** CPU time of its finished, reaped child processes in ms. */
  childrenUserMs: number;
  childrenSystemMs: number;
}

/** CPU time of a process and of its children that have exited and been waited for, from /proc/PID/stat. */
export function readProcessTreeCpu(pid: number): ProcessTreeCpu | null {
  const stat = readProc(`/proc/${pid}/stat`);
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

/** Every live descendant of a process (children, their children, ...). */
export function readDescendants(pid: number): number[] {
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    const tasks = readProcDir(`/proc/${parent}/task`);
    for (const task of tasks) {
      const children = (readProc(`/proc/${parent}/task/${task}/children`) ?? "").trim();
      if (!children) continue;
      for (const child of children.split(" ").map(Number)) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

function readProcDir(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}
