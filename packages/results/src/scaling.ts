/**
 * The scaling sweep: each pool at each worker count, against the sequential run of the same tasks, paired by
 * round, with its efficiency against min(tasks, workers, cores); and the memory each added worker costs: the
 * least-squares slope of the tree's peak PSS over the worker counts, taken round by round, with the order-statistic
 * interval of its median over rounds (PSS splits shared pages, so a runtime's binary is not counted once per process).
 */
import type { PairedComparison } from "@runtime-bench/model/comparisons";
import { median, medianInterval } from "@runtime-bench/model/stats";
import type { CellTable } from "./analyze.ts";
import { measuredIn, measuredRowOf, ofGroup } from "./cells.ts";
import type { Column } from "./column.ts";

export interface ScalingPoint {
  workers: number;
  speedup: PairedComparison | null;
  efficiency: number | null;
}

export interface ScalingModel {
  /** What the reading calls the model (the cell's readingName). */
  readingName: string;
  tasks: number;
  n: number;
  perColumn: Array<{
    column: Column;
    points: ScalingPoint[];
    memoryPerWorker: { mib: number; ci95: [number, number] | null } | null;
  }>;
}

export function scaling(tables: readonly CellTable[]): ScalingModel[] {
  const sweep = ofGroup(tables, "scaling").filter((table) => table.cell.baseline !== null && table.cell.params.kind === "cpu");
  const scenarioIds = [...new Set(sweep.map((table) => table.cell.scenarioId))];
  return scenarioIds.map((scenarioId) => {
    const own = sweep.filter((table) => table.cell.scenarioId === scenarioId);
    const first = own[0]!.cell.params;
    const columns = measuredIn(own);
    return {
      readingName: own[0]!.cell.readingName,
      tasks: first.kind === "cpu" ? first.tasks : 0,
      n: first.kind === "cpu" ? first.n : 0,
      perColumn: columns.map((column) => {
        const rows = own.flatMap((table) => {
          const row = measuredRowOf(table, column);
          return row && table.cell.params.kind === "cpu" ? [{ workers: table.cell.params.workers, row }] : [];
        });
        const points = rows
          .map(({ workers, row }) => ({ workers, speedup: row.versusBaseline, efficiency: row.efficiency }))
          .sort((a, b) => a.workers - b.workers);
        return {
          column,
          points,
          memoryPerWorker: memorySlope(rows.map(({ workers, row }) => ({ x: workers, samples: row.cell.samples }))),
        };
      }),
    };
  });
}

/** One cell's runs at one point of a sweep: `x` is what the sweep varies (workers, requests in flight). */
export type MemorySeries = { x: number; samples: ReadonlyArray<{ round: number; peakPssKiB: number | null }> };

/**
 * Median over rounds of the per-round least-squares slope of peak PSS over `x`, in MiB per unit of x, with the
 * order-statistic interval of that median (none below 6 rounds); null with fewer than two points or three complete rounds.
 */
export function memorySlope(series: MemorySeries[]): { mib: number; ci95: [number, number] | null } | null {
  if (series.length < 2) return null;
  const rounds = [...new Set(series.flatMap((one) => one.samples.map((sample) => sample.round)))];
  const slopes = rounds.flatMap((round) => {
    const points = series.flatMap((one) => {
      const pss = one.samples.find((sample) => sample.round === round)?.peakPssKiB;
      return pss == null ? [] : [{ x: one.x, y: pss / 1024 }];
    });
    return points.length === series.length ? [leastSquaresSlope(points)] : [];
  });
  if (slopes.length < 3) return null;
  return { mib: median(slopes), ci95: medianInterval(slopes)?.interval ?? null };
}

export function leastSquaresSlope(points: ReadonlyArray<{ x: number; y: number }>): number {
  const meanX = points.reduce((sum, point) => sum + point.x, 0) / points.length;
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / points.length;
  const covariance = points.reduce((sum, point) => sum + (point.x - meanX) * (point.y - meanY), 0);
  const variance = points.reduce((sum, point) => sum + (point.x - meanX) ** 2, 0);
  return variance === 0 ? 0 : covariance / variance;
}
