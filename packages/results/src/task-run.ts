/**
 * A run of a user's task (`--task FILE`, workload "user-task"): its headline cells are the task's own sizes through
 * the CPU models, so its report answers the task's questions (which model, from what size, on which runtime) rather
 * than the lesson's. Recognised from the cells alone: the result file records the task in each cell's parameters.
 */

import type { InputView, IoCellParams, TaskPermissions } from "@runtime-bench/model/scenarios/params";
import { sweepRoleOf } from "@runtime-bench/model/scenarios/records";
import type { CellResult } from "@runtime-bench/model/schema";
import { type CellTable, isMeasured } from "./analyze.ts";
import { isHeadline, withoutAside } from "./cells.ts";
import type { Column } from "./column.ts";

type UserTaskParams = NonNullable<IoCellParams["task"]>;

export interface TaskRun {
  /** The name the task gives itself. */
  name: string;
  /** Tasks per run, and workers of a pool (the same at every size). */
  tasks: number;
  workers: number;
  /** The task's cells: every model, and the sequential run each names as its baseline, at every size. */
  tables: CellTable[];
  /** The task's sizes, smallest first: its label and the number handed to `input`. */
  sizes: Array<{ label: string; n: number }>;
  /**
   * How inputs reached the executors: "views" (built once on the main thread; each hand-off model in the views its cells
   * name: inputViewOf), or in runs before views "sent" (--send-input: copied with every task) or "built" (by each executor).
   */
  input: "views" | "sent" | "built";
  /** What the task's definition asked for beyond reading its package and the environment (Deno is given it). */
  permissions: TaskPermissions;
  /** An I/O-bound task's units and target (its `sizes` are then its in-flight levels, n = C); absent for a CPU task. */
  io?: IoTaskRun;
}

export interface IoTaskRun {
  /** Units per run (N), the same in every cell. */
  units: number;
  /** The mock API at the task's latency, or the task's own service (credentials left out) and the latency it stated. */
  target: { kind: "mock-api"; latencyMs: number } | { kind: "service"; url: string; latencyMs: number | null };
}

/** How a cell's model got the task's input (copied, transferred, in-place); null where the model holds it (main thread). */
export const inputViewOf = (table: CellTable): InputView | null => viewOfCell(table.cell);
const viewOfCell = (cell: CellResult): InputView | null => (cell.params.kind === "cpu" ? (cell.params.task?.input ?? null) : null);

/** A model of a user's CPU task as rows and charts name it: "a warmed worker pool (input moved)"; its view where it has one. */
export function viewedModelName(cell: CellResult): string {
  const view = viewOfCell(cell);
  const name = withoutAside(cell.readingName);
  return view === null ? name : `${name} (${INPUT_VIEW_WORDS[view]})`;
}

/** The cells a task's claims are read from: every main-thread model, and the others as an application pays (copied). */
export const isDefaultView = (table: CellTable): boolean => {
  const view = inputViewOf(table);
  return view === null || view === "copied";
};

/** How a row or a chart names what a model of a user's CPU task was charged for its input. */
export const INPUT_VIEW_WORDS: Readonly<Record<InputView, string>> = {
  copied: "input copied",
  transferred: "input moved",
  "in-place": "input in place",
};

/**
 * How a model of a user's I/O task reads: "one after another", "async, main thread", "over 2 worker threads" (by its
 * scenario's part in the I/O models); null for any other cell.
 */
export function ioTaskModelName(cell: CellResult): string | null {
  if (cell.params.kind !== "io" || !cell.params.task) return null;
  const role = sweepRoleOf(cell.scenarioId);
  if (role === "sequential") return "one after another";
  if (role === "workers") return `over ${cell.params.workers} worker thread${cell.params.workers === 1 ? "" : "s"}`;
  return "async, main thread";
}

/** A cell of a user's task (--task) rather than of the suite. */
export const isTaskCell = (cell: CellResult): boolean =>
  (cell.params.kind === "cpu" || cell.params.kind === "io") && cell.params.task !== undefined;

/** The task a run measured, or null for the suite's own run. */
export function taskOf(tables: readonly CellTable[]): TaskRun | null {
  const own = tables.filter((table) => isHeadline(table) && isTaskCell(table.cell));
  const params = own[0]?.cell.params;
  if (params?.kind === "io" && params.task) return ioTaskOf(own, params, params.task);
  if (params?.kind !== "cpu" || !params.task) return null;
  const sizes = new Map(own.map((table) => [table.cell.size, table.cell.params.kind === "cpu" ? table.cell.params.n : 0]));
  return {
    name: params.task.name,
    tasks: params.tasks,
    workers: params.workers,
    tables: own,
    sizes: [...sizes].map(([label, n]) => ({ label, n })).sort((a, b) => a.n - b.n),
    input: own.some((table) => inputViewOf(table) !== null) ? "views" : params.task.sendInput === true ? "sent" : "built",
    permissions: params.task.permissions ?? {},
  };
}

/** An I/O task's run: its levels (the sequential run's "1 in flight" first), units and target. */
function ioTaskOf(own: CellTable[], params: IoCellParams, task: UserTaskParams): TaskRun {
  const levels = new Map(own.map((table) => [table.cell.size, table.cell.params.kind === "io" ? table.cell.params.concurrency : 0]));
  const workers = own.map((table) => (table.cell.params.kind === "io" ? table.cell.params.workers : 1));
  return {
    name: task.name,
    tasks: params.requests,
    workers: Math.max(...workers),
    tables: own,
    sizes: [...levels].map(([label, n]) => ({ label, n })).sort((a, b) => a.n - b.n),
    input: "views",
    permissions: task.permissions ?? {},
    io: {
      units: params.requests,
      target:
        params.target === "mock-api"
          ? { kind: "mock-api", latencyMs: params.latencyMs }
          : { kind: "service", url: params.baseUrl, latencyMs: params.latencyMs > 0 ? params.latencyMs : null },
    },
  };
}

/** Where a model has no figure, for the same reason: the columns, and the sizes (null: every size). */
export interface Unavailable {
  readingName: string;
  word: "n/a" | "failed";
  why: string;
  columns: Column[];
  sizes: string[] | null;
}

/**
 * Every model's missing figures on the columns that measured the task (`shown`), one entry per model and reason, so
 * the summary and the table's note say each reason once; columns that measured nothing are the table's own note.
 */
export function unavailableIn(tables: readonly CellTable[], shown: readonly Column[]): Unavailable[] {
  const sizes = new Set(tables.map((table) => table.cell.size));
  const missing = tables.flatMap((table) =>
    table.rows.flatMap((row) => (isMeasured(row) || !shown.some((column) => column.label === row.column.label) ? [] : [{ row, table }])),
  );
  // One entry per model, reason and set of sizes: columns that miss the same sizes for the same reason share it.
  const sizesOf = ({ row, table }: (typeof missing)[number]) =>
    missing.filter(
      (one) => one.table.cell.scenarioId === table.cell.scenarioId && one.row.column === row.column && one.row.why === row.why,
    );
  const keyOf = (one: (typeof missing)[number]) =>
    JSON.stringify([one.table.cell.scenarioId, one.row.state, one.row.why, sizesOf(one).map(({ table }) => table.cell.size)]);
  return [...new Set(missing.map(keyOf))].map((key) => {
    const own = missing.filter((one) => keyOf(one) === key);
    const atSizes = sizesOf(own[0]!).map(({ table }) => table.cell.size);
    const { state, why } = own[0]!.row;
    const columns = [...new Set(own.map(({ row }) => row.column))];
    return {
      readingName: withoutAside(own[0]!.table.cell.readingName),
      word: state,
      why,
      columns,
      sizes: atSizes.length === sizes.size ? null : atSizes,
    };
  });
}
