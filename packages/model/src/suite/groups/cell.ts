/** What every group's expander shares: the unresolved cell, the context it is expanded in, and the cell builders. */
import type { CellGroup, CellSpec, CpuCellParams, IoCellParams, Workload } from "../../scenarios/params.ts";
import { recordOf, type ScenarioRecord } from "../../scenarios/records.ts";
import type { Profile } from "../schema.ts";
import { shortNumber } from "../short-ids.ts";

/** A cell before its baseline and pairing are found (expand.ts finds them once every group is expanded). */
export type UnresolvedCell = Omit<CellSpec, "baseline" | "pairedWith"> & {
  /** The scenario whose cell is its baseline where not its record's (an I/O task's models all on its sequential run). */
  baselineScenario?: string;
};

export interface ExpandContext {
  cores: number;
  baseUrl: string;
  /** The mock API (latency injected per request) or a real API given with --target. */
  target: IoCellParams["target"];
}

/** Which scenarios a group can run, checked when the suite is read; `message` says what an id failing it is not. */
export interface GroupScenarios {
  accepts: (record: ScenarioRecord) => boolean;
  message: string;
}

/** A cell of a scenario: a labelled variant is compared with its baseline only, never across runtimes. */
export const cellOf = (scenarioId: string, cell: Omit<UnresolvedCell, "scenarioId" | "comparedAcrossRuntimes">): UnresolvedCell => ({
  scenarioId,
  comparedAcrossRuntimes: recordOf(scenarioId)?.variant !== true,
  ...cell,
});

/** A CPU cell: `tasks` tasks of `workload` of size n on `workers`; the workload is named in the id unless it is the lesson's. */
export const cpuCell = (
  scenarioId: string,
  group: CellGroup,
  size: string,
  {
    tasks,
    n,
    workers,
    suffix = "",
    workload = "sum-of-squares",
    task,
  }: { tasks: number; n: number; workers: number; suffix?: string; workload?: Workload; task?: CpuCellParams["task"] },
): UnresolvedCell =>
  cellOf(scenarioId, {
    group,
    cellId: `${scenarioId}${workload === "sum-of-squares" ? "" : `/${workload}`}/n=${shortNumber(n)}${suffix}`,
    size,
    params: { kind: "cpu", workload, tasks, n, workers, ...(task ? { task } : {}) },
  });

/** An I/O cell's parameters: what varies per cell, and what every I/O cell of the profile shares. */
export const ioParams = (
  profile: Profile,
  context: ExpandContext,
  own: Pick<IoCellParams, "requests" | "concurrency" | "workers" | "latencyMs" | "client">,
): IoCellParams => ({
  kind: "io",
  ...own,
  requestTimeoutMs: profile.io.requestTimeoutMs,
  warmUpRequests: profile.io.warmUpRequests,
  baseUrl: context.baseUrl,
  target: context.target,
});

/** The baselines the given scenarios declare, each once. */
export const baselinesOf = (scenarioIds: readonly string[]): string[] => [
  ...new Set(scenarioIds.flatMap((id) => recordOf(id)?.baseline ?? [])),
];

/** The scenarios a comparison group runs: those given, each after the baselines they declare. */
export const withBaselines = (scenarioIds: readonly string[]): string[] => [...baselinesOf(scenarioIds), ...scenarioIds];

/** The CPU scenarios a sweep or a ladder compares: those that declare a baseline. */
export const cpuWithBaseline: GroupScenarios = {
  accepts: (record) => record.kind === "cpu" && record.baseline !== undefined,
  message: "not a CPU scenario with a baseline",
};

/** "cores" or a number of workers, on this machine. */
export const workerCount = (workers: number | "cores", context: ExpandContext): number => (workers === "cores" ? context.cores : workers);
