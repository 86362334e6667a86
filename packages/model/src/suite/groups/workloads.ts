/** The other workloads: each scenario and its baseline on each workload given a size, one worker per core. */
import type { Workload } from "../../scenarios/params.ts";
import type { Profile } from "../schema.ts";
import { cpuCell, type ExpandContext, type UnresolvedCell, withBaselines } from "./cell.ts";

export function workloadCells(profile: Profile, context: ExpandContext): UnresolvedCell[] {
  const workloads = profile.cpu.workloads;
  if (!workloads) return [];
  const { tasks } = workloads;
  return (Object.entries(workloads.sizes) as Array<[Workload, number | undefined]>).flatMap(([workload, n]) =>
    n === undefined
      ? []
      : withBaselines(workloads.scenarios).map((scenarioId) =>
          cpuCell(scenarioId, "workloads", workload, { tasks, n, workers: context.cores, suffix: `/t=${tasks}`, workload }),
        ),
  );
}
