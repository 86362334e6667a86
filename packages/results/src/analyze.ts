/**
 * A validated run as the figures the report prints: per cell and column, a summary of the runs, the comparison with
 * the baseline, efficiency, the meter's readings, start-up, and the standing against the fastest column. Every ratio
 * is one of the run's paired comparisons (model/comparisons.ts), taken once here and carried by the analysis, so the
 * figures, the verdicts, the claims and the launcher's stopping rule all read the same ones.
 */
import {
  type Comparison,
  comparisonLookup,
  isRankedAcrossRuntimes,
  type PairedComparison,
  runComparisons,
} from "@runtime-bench/model/comparisons";
import type { CellResult, CellSample, RunResult, RuntimeRun } from "@runtime-bench/model/schema";
import { median, type Summary, summarize } from "@runtime-bench/model/stats";
import { type Column, columnsOf, isRanked } from "./column.ts";

export interface Startup {
  /** Fresh executors per run. */
  perRun: number;
  /** Median over every executor of every counted run. */
  readyMs: number;
  /** Median teardown, or null where the runtime reports no exit (`unseen` says why). */
  teardownMs: number | null;
  unseen?: string;
}

/**
 * A row's standing in a headline cell against the fastest column (the ranked one with the lowest median): paired by
 * round for a ranked column; unpaired for a reference, which runs in blocks of its own (round-order.ts).
 */
export type Standing =
  | { role: "fastest" }
  | { role: "ranked"; fastest: Column; versusFastest: PairedComparison | null }
  | { role: "reference"; fastest: Column; overFastest: number };

export interface MeasuredRow {
  column: Column;
  cell: CellResult;
  wall: Summary;
  /** This cell's time over its baseline's (same runtime, run by run); null without a baseline or enough rounds. */
  versusBaseline: PairedComparison | null;
  /** CPU: speed-up over the baseline / ideal speed-up; I/O: ideal time / median time. */
  efficiency: number | null;
  /** Its standing against the fastest column; null in a cell not compared across columns, or with none ranked. */
  standing: Standing | null;
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
  /** The in-process (mitata) figure where the scenario has one: its summary, or why it has none. */
  inProcess: { label: string; summary: Summary | null; skipped: string } | null;
}

/** A column without a figure of the cell: n/a (it could not run it, or did not in this run) or failed, and why. */
export interface UnavailableRow {
  column: Column;
  state: "n/a" | "failed";
  why: string;
}

export type Row = MeasuredRow | UnavailableRow;

export interface CellTable {
  cellId: string;
  /** The cell as the first runtime that has it describes it. */
  cell: CellResult;
  /** One per column, in the columns' order. */
  rows: Row[];
  /** The fastest column where it was faster than every other ranked one by the verdict rule; null otherwise. */
  fastest: Column | null;
}

/** A run's figures: its columns (each with what the run recorded of it), one table per cell, and every comparison. */
export interface Analysis {
  runs: ReadonlyArray<{ column: Column; run: RuntimeRun }>;
  tables: CellTable[];
  /** Every paired comparison of the run (runComparisons): against a baseline, a paired cell, and column against column. */
  comparisons: readonly Comparison[];
}

export const isMeasured = (row: Row): row is MeasuredRow => "wall" in row;

export function analyze(result: RunResult): Analysis {
  const runs = columnsOf(result);
  const measured = runs.flatMap(({ run }) => (run.status === "measured" ? [run] : []));
  const comparisons = runComparisons(measured);
  const find = comparisonLookup(comparisons);
  const allCells = measured.flatMap((run) => run.cells);
  const cellIds = [...new Set(allCells.map((cell) => cell.cellId))];
  const tables = cellIds.map((cellId): CellTable => {
    const cell = allCells.find((candidate) => candidate.cellId === cellId)!;
    const rows = runs.map(({ column, run }): Row => {
      if (run.status === "n/a") return { column, state: "n/a", why: run.reason };
      const own = run.cells.find((candidate) => candidate.cellId === cellId);
      if (!own) return { column, state: "n/a", why: "not in this run's profile" };
      return rowFor(column, own, find.baseline(column.label, cellId) ?? null);
    });
    return isRankedAcrossRuntimes(cell) ? withStandings(cellId, cell, rows, find) : { cellId, cell, rows, fastest: null };
  });
  return { runs, tables, comparisons };
}

type Lookup = ReturnType<typeof comparisonLookup>;

function rowFor(column: Column, cell: CellResult, versusBaseline: PairedComparison | null): Row {
  if (cell.status === "n/a") return { column, state: "n/a", why: cell.reason ?? "not possible here" };
  if (cell.status === "failed") return { column, state: "failed", why: cell.reason ?? "no reason recorded" };
  if (cell.samples.length === 0) return { column, state: "n/a", why: "no counted round fit in the time budget" };
  const wall = summarize(cell.samples.map((sample) => sample.wallMs));
  return {
    column,
    cell,
    wall,
    versusBaseline,
    efficiency: efficiencyOf(cell, wall, versusBaseline),
    cpuMs: medianOf(cell.samples.map((s) => (s.cpuMs ? s.cpuMs.user + s.cpuMs.system : null))),
    busyCores: medianOf(cell.samples.map((s) => s.busyCores)),
    otherLoadCores: medianOf(cell.samples.map((s) => s.otherLoadCores)),
    peakPssMiB: medianOf(cell.samples.map((s) => (s.peakPssKiB === null ? null : s.peakPssKiB / 1024))),
    startup: startupOf(cell),
    eventLoopLag: mediansOf(cell.samples, "eventLoopLag", ["maxMs", "p99Ms"]),
    requestLatency: mediansOf(cell.samples, "requestLatency", ["p50Ms", "p99Ms"]),
    serverBusyCores: medianOf(cell.samples.map((s) => s.serverBusyCores ?? null)),
    runOverheadMs: median(cell.samples.map((s) => s.endedAtMs - s.startedAtMs - s.wallMs)),
    inProcess: cell.inProcess && {
      label: cell.inProcess.label,
      summary: cell.inProcess.samplesMs.length > 0 ? summarize(cell.inProcess.samplesMs) : null,
      skipped: cell.inProcess.skipped ?? "no samples",
    },
    standing: null, // set by withStandings, in a cell compared across columns
  };
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

/** Medians over runs of each field of a reading every run took; null where a run has none (an older file, other work). */
function mediansOf<K extends string>(samples: readonly CellSample[], field: "eventLoopLag" | "requestLatency", keys: readonly K[]) {
  const readings = samples.map((sample) => sample[field] as Record<K, number> | null | undefined);
  if (readings.some((reading) => !reading)) return null;
  return Object.fromEntries(keys.map((key) => [key, median(readings.map((reading) => reading![key]))])) as Record<K, number>;
}

function medianOf(values: Array<number | null>): number | null {
  return values.some((value) => value === null) ? null : median(values as number[]);
}

/** Each row's standing, and the fastest where every other ranked column was slower than it by the verdict rule. */
function withStandings(cellId: string, cell: CellResult, rows: Row[], find: Lookup): CellTable {
  const ranked = rows.filter(isMeasured).filter((row) => isRanked(row.column));
  if (ranked.length === 0) return { cellId, cell, rows, fastest: null };
  const fastest = ranked.reduce((best, row) => (row.wall.median < best.wall.median ? row : best));
  const standingOf = (row: MeasuredRow): Standing => {
    if (row === fastest) return { role: "fastest" };
    if (!isRanked(row.column)) return { role: "reference", fastest: fastest.column, overFastest: row.wall.median / fastest.wall.median };
    return { role: "ranked", fastest: fastest.column, versusFastest: find.between(row.column.label, fastest.column.label, cellId) ?? null };
  };
  const standing = rows.map((row): Row => (isMeasured(row) ? { ...row, standing: standingOf(row) } : row));
  const others = standing.filter(isMeasured).filter((row) => isRanked(row.column) && row.standing?.role !== "fastest");
  const allSlower = others.every((row) => row.standing?.role === "ranked" && row.standing.versusFastest?.verdict === "slower");
  return { cellId, cell, rows: standing, fastest: others.length > 0 && allSlower ? fastest.column : null };
}

/** A speed-up and its interval as a band to draw: low and high are the speed-up itself where it has no interval. */
export function speedupBand(comparison: PairedComparison): { speedup: number; low: number; high: number } {
  const { speedup, ci95 } = speedupOf(comparison);
  return { speedup, low: ci95?.[0] ?? speedup, high: ci95?.[1] ?? speedup };
}

/** The speed-up over the baseline (baseline time / this time) with its interval, from the paired time ratio. */
export function speedupOf(comparison: PairedComparison): { speedup: number; ci95: [number, number] | null } {
  const { ci95 } = comparison;
  return { speedup: 1 / comparison.timeRatio, ci95: ci95 ? [1 / ci95[1], 1 / ci95[0]] : null };
}
