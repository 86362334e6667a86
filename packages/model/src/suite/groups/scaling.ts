/** The scaling sweep: each scenario at each worker count, `tasks` tasks of size n, and each baseline once at that size. */
import type { Profile } from "../schema.ts";
import { baselinesOf, cpuCell, type ExpandContext, type UnresolvedCell } from "./cell.ts";

export function scalingCells(profile: Profile, context: ExpandContext): UnresolvedCell[] {
  const scaling = profile.cpu.scaling;
  if (!scaling) return [];
  const { n, tasks } = scaling;
  const cell = (scenarioId: string, workers: number, suffix: string) =>
    cpuCell(scenarioId, "scaling", "scaling", { tasks, n, workers, suffix });
  return [
    ...baselinesOf(scaling.scenarios).map((baseline) => cell(baseline, context.cores, `/t=${tasks}`)),
    ...scaling.scenarios.flatMap((scenarioId) => scaling.workers.map((workers) => cell(scenarioId, workers, `/t=${tasks}/w=${workers}`))),
  ];
}
