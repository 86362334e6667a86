/**
 * README.md's parts for a user's task (task-run.ts): its title, how the task was run (the input and the check, said
 * once), and one table of every model against the sequential run at each of the task's sizes, every figure a speed-up
 * with its interval, rounds and verdict; a model a runtime could not run is named beneath with its reason.
 */
import type { CellTable } from "./analyze.ts";
import { measuredIn, measuredRowOf, rowOf, withoutAside } from "./cells.ts";
import { unavailableWords } from "./claim-words.ts";
import type { Column } from "./column.ts";
import { times } from "./format.ts";
import { figureOf, modelRowLabel } from "./render-overview.ts";
import { type Align, leftOut, table } from "./table.ts";
import { INPUT_VIEW_WORDS, inputViewOf, type TaskRun, unavailableIn, viewedModelName } from "./task-run.ts";
import { joinWords, wrapWords } from "./text.ts";

export const taskTitle = (task: TaskRun) => `${task.name}: which model pays off, from what size, on which runtime`;

const WARMED =
  "The warmed models ran the task once in set-up (each pool executor, and the main thread for the main-thread models); " +
  "a fresh worker or process per task ran it cold, after its start-up, as it would in an application.";
const INPUT_BUILT_BY_EACH =
  "Inputs were built inside each executor before the clock started, in every model alike, so sending an input to an " +
  "executor was not measured; the check ran after each run, on the clock. " +
  WARMED;
const INPUT_SENT =
  "Inputs were built once per cell before the clock started and sent with every task (`--send-input`): a model that " +
  "hands tasks to a worker or a child process copied the input on the clock, the main-thread models did not; the check " +
  "ran after each run, on the clock. " +
  WARMED;

/** How inputs reached the executors, by the views the run measured (a run before views: as it was run). */
function inputWords(task: TaskRun): string {
  if (task.input === "built") return INPUT_BUILT_BY_EACH;
  if (task.input === "sent") return INPUT_SENT;
  const views = new Set(task.tables.map(inputViewOf));
  return (
    "Each input was built once per cell, on the main thread, before the clock started: no figure includes building it. " +
    "The main-thread models use it where it is; every model that hands tasks to a worker or a child process pays for " +
    'receiving it, as an application does: its copy through the runtime\'s channel, on the clock (rows marked "input copied"; ' +
    "a child process always receives a copy)" +
    (views.has("transferred")
      ? '; the worker models also ran with the buffers the task\'s `transfer` names moved instead, each task with an input of its own ("input moved": the zero-copy hand-off)'
      : "") +
    (views.has("in-place")
      ? '; with `--compute-only`, the warmed pools also ran with each executor building its own input before the clock ("input in place": the work alone)'
      : "") +
    ". The check ran after each run, on the clock. " +
    WARMED
  );
}

/** A task model's row label: its reading name, and the input view where the model hands tasks off. */
export const taskRowLabel = (table: CellTable): string => modelRowLabel(table, viewedModelName(table.cell));

/** What each executor did with the task besides running it: the same in every model, and what was not measured. */
export function taskHowRun(task: TaskRun): string[] {
  return [
    ...wrapWords(
      `${task.tasks} tasks at each size (${joinWords(task.sizes.map((size) => `${size.label}: n = ${size.n}`))}, n being the number handed ` +
        `to the task's \`input\`); the pools have ${task.workers} workers or child processes, the per-task models start one per task.`,
    ),
    ...wrapWords(inputWords(task)),
    "",
    ...wrapWords(denoPermissions(task)),
    "",
  ];
}

/** What Deno was given to run the task: what libraries ordinarily need as they load, and the task's own permissions. */
export function denoPermissions({ permissions }: TaskRun): string {
  const granted = Object.entries(permissions).map(([kind, list]) => `${kind} ${list.map((one) => `\`${one}\``).join(", ")}`);
  return (
    "Deno ran the task, in every process and worker, with what libraries ordinarily need as they load: every environment " +
    "variable (read), and its package's files (its folder and the node_modules folders above it, read)" +
    (granted.length > 0
      ? `; and what the task's definition grants: ${joinWords(granted)}.`
      : "; the task's definition grants nothing more.")
  );
}

/** Every size's sequential run (its median time) and each model's speed-up over it, per runtime that measured the task. */
export function taskOverview(task: TaskRun): string[] {
  const shown = measuredIn(task.tables);
  const ordered = task.sizes.flatMap(({ label }) =>
    // The sequential run first at each size, then the models in the order the run declares them.
    task.tables
      .filter((table) => table.cell.size === label)
      .sort((a, b) => Number(a.cell.baseline !== null) - Number(b.cell.baseline !== null)),
  );
  return [
    "Each model's speed-up over the sequential run of the same size, in the same runtime; the sequential row gives its",
    "median time.",
    "",
    ...modelsTable(["size", ""], ordered, shown, taskRowLabel),
    "",
    ...unavailableNotes(task.tables, shown),
    ...leftOut(task.tables, shown),
  ];
}

/**
 * A task's models by size or level: one row per cell (its size, its model's label), one column per runtime with the
 * model's figure there (a speed-up with its interval and verdict; the sequential run's median time).
 */
export const modelsTable = (
  header: [size: string, model: string],
  cells: readonly CellTable[],
  shown: readonly Column[],
  label: (table: CellTable) => string,
): string[] =>
  table(
    [...header, ...shown.map((column) => column.label)],
    cells.map((one) => [one.cell.size, label(one), ...shown.map((column) => figureOf(rowOf(one, column)))]),
    ["left", "left", ...shown.map((): Align => "right")],
  );

/** "- concurrent async tasks on one thread: n/a on node, bun and deno, every size: why.": each reason once. */
const unavailableNotes = (tables: readonly CellTable[], shown: readonly Column[]): string[] => {
  const missing = unavailableIn(tables, shown);
  return missing.length === 0 ? [] : [...missing.map((one) => `- ${one.readingName}: ${unavailableWords(one)}.`), ""];
};

/**
 * What receiving the input costs, where a model ran in more than one view: at the largest size, each view's speed-up
 * over the sequential run, per runtime ("a warmed worker pool: node input copied 0.85x, input moved 1.80x").
 */
export function inputCostLine(task: TaskRun): string[] {
  const largest = task.sizes.at(-1)?.label;
  const atLargest = task.tables.filter((table) => table.cell.size === largest && inputViewOf(table) !== null);
  const models = [...new Set(atLargest.map((table) => table.cell.scenarioId))];
  const parts = models.flatMap((scenarioId) => {
    const views = atLargest.filter((table) => table.cell.scenarioId === scenarioId);
    if (views.length < 2) return [];
    const perColumn = measuredIn(views).map((column) => {
      const figures = views.map((table) => {
        const comparison = measuredRowOf(table, column)?.versusBaseline;
        return `${INPUT_VIEW_WORDS[inputViewOf(table)!]} ${comparison ? times(1 / comparison.timeRatio) : "n/a"}`;
      });
      return `${column.label} ${figures.join(", ")}`;
    });
    return [`${withoutAside(views[0]!.cell.readingName)}: ${perColumn.join("; ")}`];
  });
  return parts.length > 0
    ? [
        `**What receiving the input costs** at ${largest} (each speed-up over the sequential run, by how the input reached ` +
          `the executor; intervals in the table below): ${parts.join("; ")}.`,
      ]
    : [];
}
