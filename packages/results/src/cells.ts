/**
 * Picking cells and rows out of an analysis: by group, by size, by client, by column. Every section, claim and chart
 * selects through these, so a rule such as "a model at its largest size" is written once.
 */
import type { CellGroup } from "@runtime-bench/model/scenarios/params";
import { type CellTable, isMeasured, type MeasuredRow, type Row } from "./analyze.ts";
import type { Column } from "./column.ts";

export const ofGroup = (tables: readonly CellTable[], group: CellGroup): CellTable[] =>
  tables.filter((table) => table.cell.group === group);

export const isHeadline = (table: CellTable): boolean => table.cell.group === "headline";

/** A column's row of a cell; undefined where the column has none. */
export const rowOf = (table: CellTable, column: Column): Row | undefined => table.rows.find((row) => row.column.label === column.label);

/** A column's row of a cell where it was measured. */
export const measuredRowOf = (table: CellTable, column: Column): MeasuredRow | undefined =>
  table.rows.find((row): row is MeasuredRow => isMeasured(row) && row.column.label === column.label);

/** A CPU cell's n (the work per task), 0 for other kinds. */
export const sizeOf = (table: CellTable): number => (table.cell.params.kind === "cpu" ? table.cell.params.n : 0);

/** A sequential run's work per task: its median time over its tasks. */
export const msPerTask = (row: MeasuredRow): number => row.wall.median / (row.cell.params.kind === "cpu" ? row.cell.params.tasks : 1);

/** An I/O cell's client where it is not the runtime's default fetch: the same scenario once per client. */
export const clientOf = (table: CellTable): string | null =>
  table.cell.params.kind === "io" && table.cell.params.client !== "default" ? table.cell.params.client : null;

/** The table of the cell this one names as its baseline. */
export const baselineOf = (table: CellTable, tables: readonly CellTable[]): CellTable | undefined =>
  tables.find((other) => other.cellId === table.cell.baseline);

/** Whether a cell is its scenario's (and client's) largest size among `tables`, the first of them where sizes tie. */
export function isLargestOfItsScenario(table: CellTable, tables: readonly CellTable[]): boolean {
  const sameScenario = tables.filter((other) => other.cell.scenarioId === table.cell.scenarioId && clientOf(other) === clientOf(table));
  return (
    sameScenario.every((other) => sizeOf(other) <= sizeOf(table)) && sameScenario.find((other) => sizeOf(other) === sizeOf(table)) === table
  );
}

/** The headline cells the lesson ran: CPU at the lesson's size, and the I/O cells with each runtime's default client. */
export const lessonTables = (tables: readonly CellTable[]): CellTable[] =>
  tables.filter(
    (table) =>
      isHeadline(table) &&
      table.cell.comparedAcrossRuntimes &&
      ((table.cell.params.kind === "cpu" && table.cell.size === "lesson") || table.cell.params.kind === "io"),
  );

/** Columns with at least one measured row in these tables, in the columns' order. */
export function measuredIn(tables: readonly CellTable[]): Column[] {
  const order = tables[0]?.rows.map((row) => row.column) ?? [];
  const measured = new Set(tables.flatMap((table) => table.rows.filter(isMeasured).map((row) => row.column.label)));
  return order.filter((column) => measured.has(column.label));
}

/** A model's name without the aside that ties it to the lesson: "a warmed process pool (the lesson's ...)" -> "a warmed process pool". */
export const withoutAside = (readingName: string): string => readingName.replace(/\s*\(.*\)$/, "");
