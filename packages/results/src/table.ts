/**
 * The report's one table writer: every markdown table of README.md, details.md, comparison.md and the merged report
 * is a header, rows and an alignment per column, written here by the `markdown-table` package, so no section lays
 * out pipes by hand and every cell is escaped the same way.
 */
import { markdownTable } from "markdown-table";
import { type CellTable, isMeasured } from "./analyze.ts";
import type { Column } from "./column.ts";
import { reasonOf } from "./text.ts";

export type Align = "left" | "right";

/** GFM splits a row at every unescaped `|`, inside code spans too, so a pipe in a cell is written `\|`. */
const escapeCell = (text: string) => text.replaceAll("|", "\\|");

/**
 * A markdown table as lines. `align`: one per column, "left" where absent (left unmarked, as markdown reads it).
 * Cells are not padded to a common width (`alignDelimiters: false`): the files are read rendered, and padding every
 * cell would make each line as wide as the table's widest.
 */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>, align: readonly Align[] = []): string[] {
  return markdownTable(
    [header, ...rows].map((row) => row.map(escapeCell)),
    { align: header.map((_, column) => (align[column] === "right" ? "r" : "")), alignDelimiters: false },
  ).split("\n");
}

/** The most common table: a label in the first column, figures (right-aligned) in the others. */
export const labelledTable = (header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] =>
  table(
    header,
    rows,
    header.map((_, column) => (column === 0 ? "left" : "right")),
  );

/** A table of figures only, its first column a number too (workers, a task size): every column right-aligned. */
export const figuresTable = (header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] =>
  table(
    header,
    rows,
    header.map(() => "right"),
  );

/** "Not in this table: cpython, n/a (why)": the columns of the run left out of a table, each once with its reason. */
export function leftOut(tables: readonly CellTable[], shown: readonly Column[]): string[] {
  const reasons = new Map<string, string>();
  for (const row of tables.flatMap((table) => table.rows)) {
    const { label } = row.column;
    if (!shown.some((column) => column.label === label) && !isMeasured(row) && !reasons.has(label)) reasons.set(label, reasonOf(row));
  }
  return reasons.size > 0 ? [`Not in this table: ${[...reasons].map(([label, reason]) => `${label}, ${reason}`).join("; ")}.`, ""] : [];
}
