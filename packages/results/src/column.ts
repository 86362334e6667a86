/**
 * A column of the report: one runtime of the run, as the report shows it. Rows, comparisons, colours and the order
 * of every table are keyed by the column, never by a runtime's name, so one runtime can stand in two columns (two
 * versions, two builds, two flag sets) under two labels.
 */
import { labelOf } from "@runtime-bench/model/comparisons";
import { byRuntimeOrder, isUnderTest, type RuntimeName } from "@runtime-bench/model/runtimes";
import type { RunResult, RuntimeRun } from "@runtime-bench/model/schema";

export interface Column {
  /** What the report calls it, unique in the run (the key of its rows): the runtime's name unless the run labelled it. */
  label: string;
  /** The runtime whose app ran it. */
  runtime: RuntimeName;
  /** Ranked among the runtimes under test, or a reference (the lesson in Python) shown beside them, never ranked. */
  role: "ranked" | "reference";
}

/** The run's columns, in the report's order: by runtime (RUNTIME_NAMES), then as the run lists them (labels unique: schema.ts). */
export const columnsOf = (result: RunResult): Array<{ column: Column; run: RuntimeRun }> =>
  [...result.runtimes].sort(byRuntimeOrder).map((run) => ({ column: columnOf(run), run }));

const columnOf = (run: RuntimeRun): Column => ({
  label: labelOf(run),
  runtime: run.name,
  role: isUnderTest(run.name) ? "ranked" : "reference",
});

export const isRanked = (column: Column): boolean => column.role === "ranked";
