/**
 * The headline group: each CPU scenario of `profile.scenarios` at each named size, each I/O scenario once with the
 * runtime's default client, and a client variant once per other client of `io.clients`.
 */
import type { HttpClientId } from "@runtime-bench/workloads";
import { getRecord } from "../../scenarios/records.ts";
import type { Profile } from "../schema.ts";
import { cellOf, cpuCell, type ExpandContext, type GroupScenarios, ioParams, type UnresolvedCell, workerCount } from "./cell.ts";

export const headlineScenarios: GroupScenarios = {
  accepts: (record) => record.kind === "cpu" || record.kind === "io",
  message: "not a CPU or I/O scenario (primitive and file scenarios run in groups of their own: cpu.primitives, files)",
};

export function headlineCells(profile: Profile, context: ExpandContext): UnresolvedCell[] {
  return profile.scenarios.flatMap((scenarioId): UnresolvedCell[] => {
    const record = getRecord(scenarioId);
    if (record.kind === "cpu") {
      const { tasks, sizes, workers } = profile.cpu;
      // A user's task (--task) runs at its own sizes, through the same models.
      const task = profile.task;
      return Object.entries(sizes).map(([size, n]) =>
        cpuCell(scenarioId, "headline", size, {
          tasks,
          n,
          workers: workerCount(workers, context),
          ...(task ? { workload: "user-task" as const, task: { ...task, size } } : {}),
        }),
      );
    }
    const { requests, concurrency, workers } = profile.io;
    // A real API's latency is its own: none is injected, and none is claimed.
    const latencyMs = context.target === "real" ? 0 : profile.io.latencyMs;
    const clients: HttpClientId[] = record.kind === "io" && record.clientVariant ? profile.io.clients : ["default"];
    return clients.map((client) =>
      cellOf(scenarioId, {
        group: "headline",
        cellId: client === "default" ? scenarioId : `${scenarioId}/${client}`,
        size: "default",
        params: ioParams(profile, context, { requests, concurrency, workers, latencyMs, client }),
      }),
    );
  });
}
