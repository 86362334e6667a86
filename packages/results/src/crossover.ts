/**
 * The crossover ladder: each model at task sizes from a fraction of a millisecond to about a second, against
 * the sequential run of the same tasks, paired by round. A model pays off from the smallest size at which it,
 * and every larger size, is faster by the verdict rule (interval excludes 1.0, at least 5%). The same reading
 * answers a user's task, whose headline cells are a ladder of the task's own sizes (crossoverOf).
 */
import type { PairedComparison } from "@runtime-bench/model/comparisons";
import type { RunResult } from "@runtime-bench/model/schema";
import { median } from "@runtime-bench/model/stats";
import { EFFECT_THRESHOLD } from "@runtime-bench/model/verdict";
import { type CellTable, isMeasured, type MeasuredRow } from "./analyze.ts";
import { baselineOf, measuredIn, measuredRowOf, ofGroup } from "./cells.ts";
import type { Column } from "./column.ts";
import { coreSpread } from "./noise.ts";

export interface CrossoverPoint {
  n: number;
  /** The size's label as the cell names it (a user's task names its sizes: "100 sections"). */
  size: string;
  /** Work per task, from the sequential run of the same size: its median over the number of tasks. */
  msPerTask: number;
  comparison: PairedComparison | null;
}

export interface CrossoverModel {
  scenarioId: string;
  title: string;
  /** What the reading calls the model (the cell's readingName). */
  readingName: string;
  perColumn: Array<{ column: Column; points: CrossoverPoint[]; from: CrossoverPoint | null; largestMsPerTask: number }>;
}

/**
 * Why the largest size fell short of the ideal speed-up, from what the run measured: where tasks = workers = cores,
 * the tasks end when the slowest core finishes, so the median spread of the per-core probe between cores caps the
 * speed-up at ideal / (1 + spread); and the busy and other-load cores of those runs. Null where every model at the
 * largest size came within EFFECT_THRESHOLD of its ideal.
 */
export interface Shortfall {
  n: number;
  ideal: number;
  best: { column: Column; scenarioId: string; title: string; readingName: string; speedup: number };
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
    best: {
      column: bestRow.column,
      scenarioId: bestRow.cell.scenarioId,
      title: bestRow.cell.title,
      readingName: bestRow.cell.readingName,
      speedup: speedup(bestRow),
    },
    spread,
    slowCoreCeiling: spread && oneTaskPerCore ? ideal / (1 + spread.median) : null,
    busyCores: range(rows.map((row) => row.busyCores)),
    otherLoadCores: range(rows.map((row) => row.otherLoadCores)),
  };
}

/** The suite's crossover ladder (its own group). */
export const crossover = (tables: readonly CellTable[]): CrossoverModel[] => crossoverOf(ofGroup(tables, "crossover"));

/**
 * Every model of a ladder, per runtime that measured it: `ladder` holds the models' cells at each size and the
 * baselines they name (the suite's crossover group, or a user's task's headline cells).
 */
export function crossoverOf(ladder: readonly CellTable[]): CrossoverModel[] {
  const models = ladder.filter((table) => table.cell.baseline !== null);
  const scenarioIds = [...new Set(models.map((table) => table.cell.scenarioId))];
  return scenarioIds.map((scenarioId) => {
    const own = models.filter((table) => table.cell.scenarioId === scenarioId);
    const columns = measuredIn(own);
    return {
      scenarioId,
      title: own[0]!.cell.title,
      readingName: own[0]!.cell.readingName,
      perColumn: columns.map((column) => {
        const points = own
          .flatMap((table): CrossoverPoint[] => {
            const row = measuredRowOf(table, column);
            const baseline = baselineOf(table, ladder);
            const base = baseline && measuredRowOf(baseline, column);
            if (!row || !base || table.cell.params.kind !== "cpu") return [];
            return [
              {
                n: table.cell.params.n,
                size: table.cell.size,
                msPerTask: base.wall.median / table.cell.params.tasks,
                comparison: row.versusBaseline,
              },
            ];
          })
          .sort((a, b) => a.n - b.n);
        const from = points.find((_, index) => points.slice(index).every((later) => later.comparison?.verdict === "faster")) ?? null;
        return { column, points, from, largestMsPerTask: points.at(-1)?.msPerTask ?? 0 };
      }),
    };
  });
}
