/** The crossover ladder: each scenario and its baseline at each task size, one worker per core. */
import type { Profile } from "../schema.ts";
import { shortNumber } from "../short-ids.ts";
import { cpuCell, type ExpandContext, type UnresolvedCell, withBaselines } from "./cell.ts";

export function crossoverCells(profile: Profile, context: ExpandContext): UnresolvedCell[] {
  const crossover = profile.cpu.crossover;
  if (!crossover) return [];
  const { tasks } = crossover;
  return crossover.sizes.flatMap((n) =>
    withBaselines(crossover.scenarios).map((scenarioId) =>
      cpuCell(scenarioId, "crossover", shortNumber(n), { tasks, n, workers: context.cores, suffix: `/t=${tasks}` }),
    ),
  );
}
