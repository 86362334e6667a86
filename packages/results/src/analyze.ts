/**
 * Turns validated result files into the figures the report prints: per cell, each runtime's summary,
 * speed-up over its own sequential run and efficiency against the physical limit; across runtimes, the
 * fastest (only when it is distinguishable) and each other runtime's ratio to it.
 */
import type { CellResult, CellSample, RunResult } from "@runtime-bench/harness/schema";
import { compareSamples, median, pairedRatio, summarize, type RatioComparison, type Summary } from "@runtime-bench/harness/stats";
import type { RuntimeName } from "@runtime-bench/harness/primitives";

export interface MeasuredRow {
  runtime: RuntimeName;
  cell: CellResult;
  wall: Summary;
  /**
   * CPU: how many times faster than the sequential cell of the same runtime and size. Where samples carry
   * their round, the median over rounds of (sequential run / this cell's run in the same round); for older
   * files, median(sequential) / median(this).
   */
  speedup: number | null;
  /** 95% bootstrap interval of the speed-up (over rounds, or over both samples independently). */
  speedupCi95: [number, number] | null;
  /** CPU: speed-up / ideal speed-up; I/O: ideal time / median time. */
  efficiency: number | null;
  cpuMs: number | null;
  /** Sum over cores of the busy share: 2.0 means both cores were busy throughout. */
  busyCores: number | null;
  peakRssMiB: number | null;
  /** Against the fastest runtime of this cell; absent for the fastest itself. */
  versusFastest?: RatioComparison;
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
  /** The fastest runtime, or null when the best two cannot be told apart (or fewer than two measured). */
  fastest: RuntimeName | null;
}

export const isMeasured = (row: Row): row is MeasuredRow => "wall" in row;

/** `absent` says why a runtime has no result (it could not start, no file); default "not run". */
export function analyze(
  results: readonly RunResult[],
  runtimes: readonly RuntimeName[],
  absent: ReadonlyArray<{ runtime: RuntimeName; reason: string }> = [],
): CellTable[] {
  const cellIds = [...new Set(results.flatMap((result) => result.cells.map((cell) => cell.cellId)))];
  const whyAbsent = (runtime: RuntimeName) => absent.find((a) => a.runtime === runtime)?.reason ?? "not run";
  return cellIds.map((cellId) => {
    const rows = runtimes.map((runtime) =>
      rowFor(runtime, cellId, results.find((r) => r.runtime.runtime === runtime), whyAbsent(runtime)),
    );
    const cell = results.flatMap((result) => result.cells).find((c) => c.cellId === cellId)!;
    return { cellId, cell, rows, fastest: markFastest(rows.filter(isMeasured)) };
  });
}

function rowFor(runtime: RuntimeName, cellId: string, result: RunResult | undefined, whyAbsent: string): Row {
  if (!result) return { runtime, reason: `n/a (${whyAbsent})` };
  const cell = result.cells.find((c) => c.cellId === cellId);
  if (!cell) return { runtime, reason: "n/a (not in this run's profile)" };
  if (cell.status !== "ok" || cell.samples.length === 0) {
    return { runtime, reason: `${cell.status === "n/a" ? "n/a" : "failed"} (${cell.reason ?? "no samples"})` };
  }
  const wall = summarize(cell.samples.map((sample) => sample.wallMs));
  const { ratio: speedup, ci95: speedupCi95 } = cpuSpeedup(cell, result) ?? { ratio: null, ci95: null };
  return {
    runtime,
    cell,
    wall,
    speedup,
    speedupCi95,
    efficiency:
      "speedup" in cell.ideal ? (speedup === null ? null : speedup / cell.ideal.speedup) : cell.ideal.wallMs / wall.median,
    cpuMs: medianOf(cell.samples.map((s) => (s.cpuMs ? s.cpuMs.user + s.cpuMs.system : null))),
    busyCores: medianOf(cell.samples.map((s) => (s.coreBusy ? s.coreBusy.reduce((sum, share) => sum + share, 0) : null))),
    peakRssMiB: medianOf(cell.samples.map((s) => (s.peakRssKiB === null ? null : s.peakRssKiB / 1024))),
  };
}

/** The sequential cell of the same size is each CPU cell's baseline. */
function cpuSpeedup(cell: CellResult, result: RunResult): { ratio: number; ci95: [number, number] } | null {
  if (cell.kind !== "cpu") return null;
  const baseline = result.cells.find((c) => c.scenarioId === "cpu.sequential" && c.size === cell.size && c.status === "ok");
  if (!baseline || baseline.samples.length === 0) return null;
  const pairs = pairByRound(baseline.samples, cell.samples);
  if (pairs.length > 0) return pairedRatio(pairs.map(([base]) => base), pairs.map(([, own]) => own));
  const { ratio, ci95 } = compareSamples(baseline.samples.map((s) => s.wallMs), cell.samples.map((s) => s.wallMs));
  return { ratio, ci95 };
}

/** [baseline wall, cell wall] for every round both measured; empty when the samples do not record rounds. */
function pairByRound(baseline: readonly CellSample[], samples: readonly CellSample[]): Array<[number, number]> {
  if (![...baseline, ...samples].every((sample) => sample.round !== undefined)) return [];
  const baselineByRound = new Map(baseline.map((sample) => [sample.round!, sample.wallMs]));
  return samples.flatMap((sample) => {
    const base = baselineByRound.get(sample.round!);
    return base === undefined ? [] : [[base, sample.wallMs] as [number, number]];
  });
}

function medianOf(values: Array<number | null>): number | null {
  return values.some((value) => value === null) ? null : median(values as number[]);
}

/** Fills versusFastest on every row but the fastest, and returns the fastest if it is distinguishable. */
function markFastest(rows: MeasuredRow[]): RuntimeName | null {
  if (rows.length === 0) return null;
  const fastest = rows.reduce((best, row) => (row.wall.median < best.wall.median ? row : best));
  const walls = (row: MeasuredRow) => row.cell.samples.map((s) => s.wallMs);
  for (const row of rows) {
    if (row !== fastest) row.versusFastest = compareSamples(walls(row), walls(fastest));
  }
  const others = rows.filter((row) => row !== fastest);
  return others.length > 0 && others.every((row) => row.versusFastest!.distinguishable) ? fastest.runtime : null;
}
