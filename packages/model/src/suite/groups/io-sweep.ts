/**
 * The I/O sweep, by each scenario's part in it (its record's `sweepRole`): at each latency, sequential requests (one
 * in flight, N = requestsPerInFlight); async requests at each C (N = requestsPerInFlight x C); and at
 * `workersLatencyMs`, the same requests spread over each worker count W <= C. The latencies are injected by the mock
 * API: against a real API the sweep has nothing to vary, and has no cells.
 */
import type { IoSweepRole } from "../../scenarios/records.ts";
import { sweepRoleOf } from "../../scenarios/records.ts";
import type { Profile } from "../schema.ts";
import { cellOf, type ExpandContext, type GroupScenarios, ioParams, type UnresolvedCell } from "./cell.ts";

export const ioSweepScenarios: GroupScenarios = {
  accepts: (record) => record.kind === "io" && record.sweepRole !== undefined,
  message: "not an I/O scenario with a part in the sweep (its record's sweepRole)",
};

type Sweep = NonNullable<Profile["io"]["sweep"]>;

/** The sweep's scenarios that play `role`, in the suite's order. */
export const sweepScenariosOf = (sweep: Sweep, role: IoSweepRole): string[] =>
  sweep.scenarios.filter((scenarioId) => sweepRoleOf(scenarioId) === role);

/** One cell of the sweep (or of the memory cells): its id names the latency, C and W where they vary, and N. */
export const sweepCell = (
  profile: Profile,
  context: ExpandContext,
  group: "io-sweep" | "io-memory",
  scenarioId: string,
  {
    latencyMs,
    inFlight,
    requests,
    workers,
    suffix,
  }: { latencyMs: number; inFlight: number; requests: number; workers: number; suffix: string },
): UnresolvedCell =>
  cellOf(scenarioId, {
    group,
    cellId: `${scenarioId}/L=${latencyMs}ms${suffix}/N=${requests}`,
    size: `${latencyMs} ms`,
    params: ioParams(profile, context, { requests, concurrency: inFlight, workers, latencyMs, client: "default" }),
  });

export function ioSweepCells(profile: Profile, context: ExpandContext): UnresolvedCell[] {
  const sweep = profile.io.sweep;
  if (!sweep || context.target !== "mock-api") return [];
  const { concurrency, requestsPerInFlight, workersLatencyMs } = sweep;
  const cell = (scenarioId: string, latencyMs: number, inFlight: number, workers: number, suffix: string) =>
    sweepCell(profile, context, "io-sweep", scenarioId, {
      latencyMs,
      inFlight,
      requests: requestsPerInFlight * inFlight,
      workers,
      suffix,
    });
  return sweep.latencyMs.flatMap((latency) => [
    ...sweepScenariosOf(sweep, "sequential").map((scenarioId) => cell(scenarioId, latency, 1, 1, "")),
    ...concurrency.flatMap((inFlight) => [
      ...sweepScenariosOf(sweep, "async").map((scenarioId) => cell(scenarioId, latency, inFlight, 1, `/C=${inFlight}`)),
      ...(latency === workersLatencyMs
        ? sweepScenariosOf(sweep, "workers").flatMap((scenarioId) =>
            sweep.workers
              .filter((count) => count <= inFlight)
              .map((count) => cell(scenarioId, latency, inFlight, count, `/C=${inFlight}/W=${count}`)),
          )
        : []),
    ]),
  ]);
}
