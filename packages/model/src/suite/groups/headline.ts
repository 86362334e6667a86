/**
 * The headline group: each CPU scenario of `profile.scenarios` at each named size, each I/O scenario once with the
 * runtime's default client, and a client variant once per other client of `io.clients`. A user's task (--task) takes
 * its place: a CPU task's models at its sizes (in each input view), an I/O task's at its in-flight levels.
 */
import type { HttpClientId } from "@runtime-bench/workloads";
import type { CpuCellParams, InputView } from "../../scenarios/params.ts";
import { ioSequential } from "../../scenarios/records/io.ts";
import { type CpuScenarioRecord, getRecord, sweepRoleOf } from "../../scenarios/records.ts";
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
      return Object.entries(sizes).flatMap(([size, n]) =>
        (task ? inputViewsOf(record, task) : [null]).map((input) =>
          cpuCell(scenarioId, "headline", size, {
            tasks,
            n,
            workers: workerCount(workers, context),
            ...(task ? { workload: "user-task" as const, task: taskParams(task, size, input) } : {}),
            suffix: input === null || input === "copied" ? "" : `/${input}`,
          }),
        ),
      );
    }
    if (profile.task?.io) return ioTaskCells(scenarioId, profile, context, profile.task.io);
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

type IoTask = NonNullable<NonNullable<Profile["task"]>["io"]>;

/**
 * A user's I/O-bound task: its N units one after another once (the baseline, "1 in flight"), and at each of its
 * in-flight levels C concurrently on the main thread and over each worker count W <= C; N is the same everywhere, so
 * every model is compared with the sequential run on the same work (workers against async: their two figures).
 */
function ioTaskCells(scenarioId: string, profile: Profile, context: ExpandContext, io: IoTask): UnresolvedCell[] {
  const role = sweepRoleOf(scenarioId);
  const cell = (size: string, inFlight: number, workers: number, suffix: string): UnresolvedCell => ({
    ...cellOf(scenarioId, {
      group: "headline",
      cellId: `${scenarioId}${suffix}`,
      size,
      params: {
        ...ioParams(profile, context, {
          requests: io.units,
          concurrency: inFlight,
          workers,
          latencyMs: profile.io.latencyMs,
          client: "default",
        }),
        task: taskParams(profile.task!, size, null),
      },
    }),
    // Every model against the sequential run: one baseline all link to, so a round can hold every pair close.
    ...(role === "sequential" ? {} : { baselineScenario: ioSequential.id }),
  });
  if (role === "sequential") return [cell(SEQUENTIAL_LEVEL, 1, 1, "")];
  return Object.entries(io.inFlight).flatMap(([label, inFlight]) =>
    role === "async"
      ? [cell(label, inFlight, 1, `/C=${inFlight}`)]
      : io.workers.filter((count) => count <= inFlight).map((count) => cell(label, inFlight, count, `/C=${inFlight}/W=${count}`)),
  );
}

/** The size label of an I/O task's sequential run. */
export const SEQUENTIAL_LEVEL = "1 in flight";

type ProfileTask = NonNullable<Profile["task"]>;

/**
 * The input views a CPU model of a user's task runs in: none for a main-thread model (it holds the input); "copied"
 * for every model that hands tasks off; "transferred" too for worker models where the task marks what can be moved;
 * "in-place" too for the warmed pools with --compute-only (a fresh executor would build it on the clock).
 */
function inputViewsOf(record: CpuScenarioRecord, task: ProfileTask): Array<InputView | null> {
  if (!record.handsOff) return [null];
  return [
    "copied",
    ...(task.transfer && record.handsOff === "worker" ? (["transferred"] as const) : []),
    ...(task.computeOnly && !record.freshExecutor ? (["in-place"] as const) : []),
  ];
}

/** A cell's task parameters: the profile's task (less what only the profile needs), its size and input view. */
function taskParams(task: ProfileTask, size: string, input: InputView | null): NonNullable<CpuCellParams["task"]> {
  const { io: _io, transfer: _transfer, computeOnly: _computeOnly, ...own } = task;
  return { ...own, size, ...(input ? { input } : {}) };
}
