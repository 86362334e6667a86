/**
 * The crossover ladder: each model at task sizes from a fraction of a millisecond to about a second, against
 * the sequential run of the same tasks, paired by round. A model pays off from the smallest size at which it,
 * and every larger size, is faster by the verdict rule (interval excludes 1.0, at least 5%).
 */
import type { PairedComparison } from "@runtime-bench/harness/comparisons";
import type { RuntimeName } from "@runtime-bench/harness/runtimes";
import { type CellTable, isMeasured } from "./analyze.ts";

export interface CrossoverPoint {
  n: number;
  /** Work per task, from the sequential run of the same size: its median over the number of tasks. */
  msPerTask: number;
  comparison: PairedComparison | null;
}

export interface CrossoverModel {
  scenarioId: string;
  title: string;
  perRuntime: Array<{ runtime: RuntimeName; points: CrossoverPoint[]; from: CrossoverPoint | null; largestMsPerTask: number }>;
}

export function crossover(tables: readonly CellTable[]): CrossoverModel[] {
  const ladder = tables.filter((table) => table.cell.group === "crossover");
  const models = ladder.filter((table) => table.cell.baseline !== null);
  const scenarioIds = [...new Set(models.map((table) => table.cell.scenarioId))];
  return scenarioIds.map((scenarioId) => {
    const own = models.filter((table) => table.cell.scenarioId === scenarioId);
    const runtimes = [...new Set(own.flatMap((table) => table.rows.filter(isMeasured).map((row) => row.runtime)))];
    return {
      scenarioId,
      title: own[0]!.cell.title,
      perRuntime: runtimes.map((runtime) => {
        const points = own
          .flatMap((table): CrossoverPoint[] => {
            const row = table.rows.filter(isMeasured).find((candidate) => candidate.runtime === runtime);
            const base = ladder
              .find((other) => other.cellId === table.cell.baseline)
              ?.rows.filter(isMeasured)
              .find((candidate) => candidate.runtime === runtime);
            if (!row || !base || table.cell.params.kind !== "cpu") return [];
            return [{ n: table.cell.params.n, msPerTask: base.wall.median / table.cell.params.tasks, comparison: row.versusBaseline }];
          })
          .sort((a, b) => a.n - b.n);
        const from = points.find((_, index) => points.slice(index).every((later) => later.comparison?.verdict === "faster")) ?? null;
        return { runtime, points, from, largestMsPerTask: points.at(-1)?.msPerTask ?? 0 };
      }),
    };
  });
}
