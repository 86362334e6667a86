/**
 * Why the crossover ladder's largest size stops short of the ideal speed-up, in what the run measured (the ladder's
 * claims are claims.ts's).
 */
import type { RunResult } from "@runtime-bench/model/schema";
import { median } from "@runtime-bench/model/stats";
import { EFFECT_THRESHOLD } from "@runtime-bench/model/verdict";
import { type CellTable, isMeasured, type MeasuredRow } from "./analyze.ts";
import { ofGroup } from "./cells.ts";
import type { Column } from "./column.ts";
import { coreSpread } from "./noise.ts";

/**
 * Why the largest size fell short of the ideal speed-up, from what the run measured: where tasks = workers = cores,
 * the tasks end when the slowest core finishes, so the median spread of the per-core probe between cores caps the
 * speed-up at ideal / (1 + spread); and the busy and other-load cores of those runs. Null where every model at the
 * largest size came within EFFECT_THRESHOLD of its ideal.
 */
export interface Shortfall {
  n: number;
  ideal: number;
  best: { column: Column; readingName: string; speedup: number };
  spread: { median: number; worst: number; rounds: number } | null;
  /** ideal / (1 + median spread): what the slower core alone leaves; null where tasks and workers differ from the cores. */
  slowCoreCeiling: number | null;
  busyCores: [number, number] | null;
  otherLoadCores: [number, number] | null;
}

export function largestSizeShortfall(result: RunResult, tables: readonly CellTable[]): Shortfall | null {
  const ladder = ofGroup(tables, "crossover").filter((table) => table.cell.baseline !== null && table.cell.params.kind === "cpu");
  const n = Math.max(...ladder.map((table) => (table.cell.params.kind === "cpu" ? table.cell.params.n : 0)));
  const largest = ladder.filter((table) => table.cell.params.kind === "cpu" && table.cell.params.n === n);
  const rows = largest.flatMap((table) => table.rows.filter(isMeasured).filter((row) => row.versusBaseline !== null));
  if (rows.length === 0) return null;
  const speedup = (row: MeasuredRow) => 1 / row.versusBaseline!.timeRatio;
  const bestRow = rows.reduce((best, row) => (speedup(row) > speedup(best) ? row : best));
  const ideal = "speedup" in bestRow.cell.ideal ? bestRow.cell.ideal.speedup : 1;
  if (speedup(bestRow) >= ideal / (1 + EFFECT_THRESHOLD)) return null;
  const spreads = result.run.coreProbe.afterEachRound.flatMap((speeds) => coreSpread(speeds)?.spread ?? []);
  const params = bestRow.cell.params;
  const cores = result.machine.availableParallelism;
  const oneTaskPerCore = params.kind === "cpu" && params.tasks === params.workers && params.workers === cores;
  const range = (values: Array<number | null>): [number, number] | null =>
    values.some((value) => value === null) ? null : [Math.min(...(values as number[])), Math.max(...(values as number[]))];
  const spread = spreads.length > 0 ? { median: median(spreads), worst: Math.max(...spreads), rounds: spreads.length } : null;
  return {
    n,
    ideal,
    best: { column: bestRow.column, readingName: bestRow.cell.readingName, speedup: speedup(bestRow) },
    spread,
    slowCoreCeiling: spread && oneTaskPerCore ? ideal / (1 + spread.median) : null,
    busyCores: range(rows.map((row) => row.busyCores)),
    otherLoadCores: range(rows.map((row) => row.otherLoadCores)),
  };
}
