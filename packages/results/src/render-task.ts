/**
 * README.md's parts for a user's task (task-run.ts): its title, how the task was run (the input and the check, said
 * once), and one table of every model against the sequential run at each of the task's sizes, every figure a speed-up
 * with its interval, rounds and verdict; a model a runtime could not run is named beneath with its reason.
 */
import type { CellTable } from "./analyze.ts";
import { measuredIn, rowOf, withoutAside } from "./cells.ts";
import { unavailableWords } from "./claim-words.ts";
import type { Column } from "./column.ts";
import { figureOf, modelRowLabel } from "./render-overview.ts";
import { type Align, leftOut, table } from "./table.ts";
import { type TaskRun, unavailableIn } from "./task-run.ts";
import { joinWords, wrapWords } from "./text.ts";

export const taskTitle = (task: TaskRun) => `${task.name}: which model pays off, from what size, on which runtime`;

const WARMED =
  "The warmed models ran the task once in set-up (each pool executor, and the main thread for the main-thread models); " +
  "a fresh worker or process per task ran it cold, after its start-up, as it would in an application.";
const INPUT_BUILT_BY_EACH =
  "Inputs were built inside each executor before the clock started, in every model alike, so sending an input to an " +
  "executor was not measured (`--send-input` measures it); the check ran after each run, on the clock. " +
  WARMED;
const INPUT_SENT =
  "Inputs were built once per cell before the clock started and sent with every task (`--send-input`): a model that " +
  "hands tasks to a worker or a child process copied the input on the clock, the main-thread models did not; the check " +
  "ran after each run, on the clock. " +
  WARMED;

/** What each executor did with the task besides running it: the same in every model, and what was not measured. */
export function taskHowRun(task: TaskRun): string[] {
  return [
    ...wrapWords(
      `${task.tasks} tasks at each size (${joinWords(task.sizes.map((size) => `${size.label}: n = ${size.n}`))}, n being the number handed ` +
        `to the task's \`input\`); the pools have ${task.workers} workers or child processes, the per-task models start one per task.`,
    ),
    ...wrapWords(task.sendInput ? INPUT_SENT : INPUT_BUILT_BY_EACH),
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
    ...table(
      ["size", "", ...shown.map((column) => column.label)],
      ordered.map((one) => [
        one.cell.size,
        modelRowLabel(one, withoutAside(one.cell.readingName)),
        ...shown.map((column) => figureOf(rowOf(one, column))),
      ]),
      ["left", "left", ...shown.map((): Align => "right")],
    ),
    "",
    ...unavailableNotes(task.tables, shown),
    ...leftOut(task.tables, shown),
  ];
}

/** "- concurrent async tasks on one thread: n/a on node, bun and deno, every size: why.": each reason once. */
const unavailableNotes = (tables: readonly CellTable[], shown: readonly Column[]): string[] => {
  const missing = unavailableIn(tables, shown);
  return missing.length === 0 ? [] : [...missing.map((one) => `- ${one.readingName}: ${unavailableWords(one)}.`), ""];
};
