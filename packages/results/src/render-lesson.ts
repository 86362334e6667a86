/**
 * "The lesson, then and now": the lesson's own experiment in Python (the references: CPython, and PyPy or Jython
 * where installed) beside the same cells in the runtimes under test, at the lesson's size, with the same verdict
 * rule: each model against its baseline in the same runtime and rounds. The Python row of a model is its Python
 * construct (threads, asyncio, a process pool), named under the table from what each interpreter reported.
 */
import { type Analysis, type CellTable, isMeasured, type MeasuredRow } from "./analyze.ts";
import { versusFastest } from "./cell-figures.ts";
import { lessonTables, rowOf } from "./cells.ts";
import { type Column, isRanked } from "./column.ts";
import { detailsLink, TITLES } from "./links.ts";
import { figureOf } from "./render-overview.ts";
import { labelledTable } from "./table.ts";

export function lessonSection({ runs, tables }: Analysis): string[] {
  const lesson = lessonTables(tables);
  const references = lesson.flatMap((table) => table.rows.filter((row) => !isRanked(row.column) && isMeasured(row)));
  if (lesson.length === 0 || references.length === 0) return [];
  // Every ranked column, and each reference that was measured; one selected but missing is named under the table.
  const shown = runs.flatMap(({ column, run }) => (isRanked(column) || run.status === "measured" ? [column] : []));
  const missing = runs.flatMap(({ column, run }) =>
    run.status === "n/a" && run.selected && !isRanked(column) ? [`${column.label} (${run.reason})`] : [],
  );
  return [
    "The lesson's experiment in Python (CPython, and PyPy or Jython where installed: references, measured in the same rounds,",
    "each in blocks of its own, never ranked among the runtimes) beside the same cells in the JavaScript runtimes, at the",
    "lesson's size. Each model against its baseline in the same runtime, paired side by side, with the same verdict rule; the",
    "baseline rows give the median time. In Python the threads are a ThreadPoolExecutor (the GIL lets one run at a time), the processes a process pool,",
    "the async rows asyncio; in JavaScript the threads are worker threads and the async rows run on the event loop.",
    "",
    ...labelledTable(
      ["the lesson's experiment", ...shown.map((column) => (isRanked(column) ? column.label : `${column.label} (reference)`))],
      [
        ...lesson.map((table) => [label(table), ...shown.map((column) => figureOf(rowOf(table, column), "full"))]),
        ...timeOverFastest(lesson, shown),
      ],
    ),
    "",
    ...(missing.length > 0 ? [`Not measured: ${missing.join("; ")}.`, ""] : []),
    `What each reference ran for each cell: ${detailsLink(TITLES.references)}.`,
    "",
  ];
}

function label(table: CellTable): string {
  const name = table.cell.readingName;
  const { params } = table.cell;
  const size =
    params.kind === "cpu"
      ? `${params.tasks} x n = ${params.n}`
      : params.kind === "io"
        ? `${params.requests} requests, ${params.latencyMs} ms`
        : "";
  return `${name} (${size})`;
}

/**
 * Every runtime's speed against the fastest runtime under test (the lowest median) in the baseline cells: for a runtime,
 * paired by round with its verdict (analyze.ts); for a reference, how far the lesson's interpreter is from the
 * runtimes, as a ratio of medians, unpaired (a reference runs in blocks of its own), with no verdict.
 */
function timeOverFastest(lesson: readonly CellTable[], shown: readonly Column[]): string[][] {
  return lesson
    .filter((table) => table.cell.baseline === null)
    .flatMap((table) => {
      const measured = table.rows.filter(isMeasured);
      const fastest = measured.find((row) => row.standing?.role === "fastest");
      if (!fastest || !measured.some((row) => row.standing?.role === "reference")) return [];
      const cells = shown.map((column) => {
        const row = measured.find((candidate) => candidate.column.label === column.label);
        return (row && versusFastest(row, "1 (the lowest median)")) ?? "";
      });
      return [[`speed against ${fastest.column.label}'s, ${label(table)}`, ...cells]];
    });
}

/** What each reference ran for each cell, as it reported it. */
export function implementations(tables: readonly CellTable[]): string[] {
  const lines = lessonTables(tables).flatMap((table) =>
    table.rows
      .filter((row): row is MeasuredRow => !isRanked(row.column) && isMeasured(row))
      .map((row) => `- ${row.column.label}, ${table.cell.readingName}: ${row.cell.implementation}`),
  );
  return lines.length > 0 ? [...lines, ""] : [];
}
