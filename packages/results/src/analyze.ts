/**
 * Turns a validated run into the figures the report prints: per cell and runtime, a summary of the runs, the
 * paired comparison with the cell's baseline, efficiency against the physical limit, the meter's readings and
 * start-up; across runtimes, each runtime's paired ratio to the fastest. Every ratio pairs runs of the same
 * round (comparisons.ts), so the figures here and the launcher's stopping rule agree.
 */
import { comparePaired, type PairedComparison } from "@runtime-bench/model/comparisons";
import { isUnderTest, RUNTIME_NAMES, type RuntimeName } from "@runtime-bench/model/runtimes";
import type { CellResult, RunResult } from "@runtime-bench/model/schema";
import { median, type Summary, summarize } from "@runtime-bench/model/stats";

export interface Startup {
  /** Fresh executors per run. */
  perRun: number;
  /** Median over every executor of every counted run. */
  readyMs: number;
  /** Median teardown, or null where the runtime reports no exit (`unseen` says why). */
  teardownMs: number | null;
  unseen?: string;
}

export interface MeasuredRow {
  runtime: RuntimeName;
  cell: CellResult;
  wall: Summary;
  /** This cell's time over its baseline's (same runtime, run by run); null without a baseline or enough rounds. */
  versusBaseline: PairedComparison | null;
  /** CPU: speed-up over the baseline / ideal speed-up; I/O: ideal time / median time. */
  efficiency: number | null;
  /** This runtime's time over the fastest runtime's, run by run; undefined for the fastest itself and for references. */
  versusFastest?: PairedComparison | null;
  /**
   * A Python reference's median time over the fastest runtime's: a ratio of medians, unpaired, because a reference
   * runs in blocks of its own (round-order.ts), not side by side with the runtimes.
   */
  referenceOverFastest?: { ratio: number; fastest: RuntimeName };
  cpuMs: number | null;
  busyCores: number | null;
  otherLoadCores: number | null;
  peakPssMiB: number | null;
  startup: Startup | null;
  /** Medians over runs of the main thread's largest and 99th-percentile event-loop lag; null in older files. */
  eventLoopLag: { maxMs: number; p99Ms: number } | null;
  /** Requests: medians over runs of each run's 50th and 99th percentile request latency; null for other work. */
  requestLatency: { p50Ms: number; p99Ms: number } | null;
  /** Medians over runs of the mock API's CPU use in cores; null without one or in older files. */
  serverBusyCores: number | null;
  /** Median over runs of what a run cost beyond its timed part (process start to exit, less the timed part), ms. */
  runOverheadMs: number;
}

export interface UnavailableRow {
  runtime: RuntimeName;
  /** Why there is no figure: "n/a (...)" or "failed (...)". */
  reason: string;
}

export type Row = MeasuredRow | UnavailableRow;

export interface CellTable {
  cellId: string;
  /** The cell as the first runtime that has it describes it. */
  cell: CellResult;
  rows: Row[];
  /** The fastest runtime where it was faster than every other by the verdict rule; null otherwise. */
  fastest: RuntimeName | null;
}

export const isMeasured = (row: Row): row is MeasuredRow => "wall" in row;

export function analyze(result: RunResult): CellTable[] {
  const runtimes = [...result.runtimes].sort((a, b) => RUNTIME_NAMES.indexOf(a.name) - RUNTIME_NAMES.indexOf(b.name));
  const allCells = runtimes.flatMap((runtime) => (runtime.status === "measured" ? runtime.cells : []));
  const cellIds = [...new Set(allCells.map((cell) => cell.cellId))];
  return cellIds.map((cellId) => {
    const cell = allCells.find((candidate) => candidate.cellId === cellId)!;
    const rows = runtimes.map((runtime): Row => {
      if (runtime.status === "n/a") return { runtime: runtime.name, reason: `n/a (${runtime.reason})` };
      const own = runtime.cells.find((candidate) => candidate.cellId === cellId);
      if (!own) return { runtime: runtime.name, reason: "n/a (not in this run's profile)" };
      return rowFor(runtime.name, own, runtime.cells);
    });
    const ranked = cell.comparedAcrossRuntimes && cell.group === "headline";
    return { cellId, cell, rows, fastest: ranked ? markFastest(rows.filter(isMeasured)) : null };
  });
}

function rowFor(runtime: RuntimeName, cell: CellResult, cells: readonly CellResult[]): Row {
  if (cell.status === "n/a") return { runtime, reason: `n/a (${cell.reason ?? "not possible here"})` };
  if (cell.status === "failed") return { runtime, reason: `failed (${cell.reason ?? "no reason recorded"})` };
  if (cell.samples.length === 0) return { runtime, reason: "n/a (no counted round fit in the time budget)" };
  const wall = summarize(cell.samples.map((sample) => sample.wallMs));
  const baseline = cells.find((other) => other.cellId === cell.baseline && other.status === "ok");
  const versusBaseline = baseline ? comparePaired(cell.samples, baseline.samples) : null;
  return {
    runtime,
    cell,
    wall,
    versusBaseline,
    efficiency: efficiencyOf(cell, wall, versusBaseline),
    cpuMs: medianOf(cell.samples.map((s) => (s.cpuMs ? s.cpuMs.user + s.cpuMs.system : null))),
    busyCores: medianOf(cell.samples.map((s) => s.busyCores)),
    otherLoadCores: medianOf(cell.samples.map((s) => s.otherLoadCores)),
    peakPssMiB: medianOf(cell.samples.map((s) => (s.peakPssKiB === null ? null : s.peakPssKiB / 1024))),
    startup: startupOf(cell),
    eventLoopLag: lagOf(cell),
    requestLatency: requestLatencyOf(cell),
    serverBusyCores: medianOf(cell.samples.map((s) => s.serverBusyCores ?? null)),
    runOverheadMs: median(cell.samples.map((s) => s.endedAtMs - s.startedAtMs - s.wallMs)),
  };
}

function requestLatencyOf(cell: CellResult): MeasuredRow["requestLatency"] {
  const latencies = cell.samples.map((sample) => sample.requestLatency);
  if (latencies.some((latency) => !latency)) return null;
  return { p50Ms: median(latencies.map((latency) => latency!.p50Ms)), p99Ms: median(latencies.map((latency) => latency!.p99Ms)) };
}

/**
 * CPU cells measure against the ideal speed-up over their baseline, I/O cells against the ideal time (none at zero
 * latency, where the ideal is no time at all: requests per second tell those apart).
 */
function efficiencyOf(cell: CellResult, wall: Summary, versusBaseline: PairedComparison | null): number | null {
  if ("wallMs" in cell.ideal) return cell.ideal.wallMs > 0 ? cell.ideal.wallMs / wall.median : null;
  if (cell.baseline === null) return 1 / cell.ideal.speedup; // the baseline itself: a speed-up of 1 by definition
  return versusBaseline ? 1 / versusBaseline.timeRatio / cell.ideal.speedup : null;
}

function startupOf(cell: CellResult): Startup | null {
  const executors = cell.samples.flatMap((sample) => sample.executors);
  if (executors.length === 0) return null;
  const teardowns = executors.flatMap((executor) => (executor.teardownMs === null ? [] : [executor.teardownMs]));
  const unseen = executors.find((executor) => executor.teardownUnseen)?.teardownUnseen;
  return {
    perRun: Math.round(executors.length / cell.samples.length),
    readyMs: median(executors.map((executor) => executor.readyMs)),
    teardownMs: teardowns.length > 0 ? median(teardowns) : null,
    ...(unseen ? { unseen } : {}),
  };
}

function lagOf(cell: CellResult): MeasuredRow["eventLoopLag"] {
  const lags = cell.samples.map((sample) => sample.eventLoopLag);
  if (lags.some((lag) => lag === undefined)) return null;
  return { maxMs: median(lags.map((lag) => lag!.maxMs)), p99Ms: median(lags.map((lag) => lag!.p99Ms)) };
}

function medianOf(values: Array<number | null>): number | null {
  return values.some((value) => value === null) ? null : median(values as number[]);
}

/**
 * Fills versusFastest on every row but the fastest (the lowest median), and returns the fastest where every
 * other runtime was slower than it by the verdict rule.
 */
function markFastest(rows: MeasuredRow[]): RuntimeName | null {
  // Only runtimes under test are ranked; a Python reference gets its time over the fastest of them, unranked.
  const ranked = rows.filter((row) => isUnderTest(row.runtime));
  if (ranked.length === 0) return null;
  const fastest = ranked.reduce((best, row) => (row.wall.median < best.wall.median ? row : best));
  for (const row of ranked) {
    if (row !== fastest) row.versusFastest = comparePaired(row.cell.samples, fastest.cell.samples);
  }
  for (const row of rows.filter((one) => !isUnderTest(one.runtime))) {
    row.referenceOverFastest = { ratio: row.wall.median / fastest.wall.median, fastest: fastest.runtime };
  }
  const others = ranked.filter((row) => row !== fastest);
  return others.length > 0 && others.every((row) => row.versusFastest?.verdict === "slower") ? fastest.runtime : null;
}

/** The speed-up over the baseline (baseline time / this time) with its interval, from the paired time ratio. */
export function speedupOf(comparison: PairedComparison): { speedup: number; ci95: [number, number] | null } {
  const { ci95 } = comparison;
  return { speedup: 1 / comparison.timeRatio, ci95: ci95 ? [1 / ci95[1], 1 / ci95[0]] : null };
}
