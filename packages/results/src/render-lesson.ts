/**
 * "The lesson, then and now": the lesson's own experiment in Python (the references: CPython, and PyPy or Jython
 * where installed) beside the same cells in the runtimes under test, at the lesson's size, with the same verdict
 * rule: each model against its baseline in the same runtime and rounds. The Python row of a model is its Python
 * construct (threads, asyncio, a process pool), named under the table from what each interpreter reported.
 */
import { isUnderTest } from "@runtime-bench/model/runtimes";
import type { RunResult } from "@runtime-bench/model/schema";
import { type CellTable, isMeasured, type MeasuredRow, type Row } from "./analyze.ts";
import { judgedSpeedup, msWithInterval, speed } from "./format.ts";
import { detailsLink } from "./render-overview.ts";
import { TITLES } from "./section-titles.ts";
import { labelledTable } from "./table.ts";

/** The headline cells the lesson ran: CPU at the lesson's size, and the I/O cells with each runtime's default client. */
const lessonTables = (tables: readonly CellTable[]) =>
  tables.filter(
    (table) =>
      table.cell.group === "headline" &&
      table.cell.comparedAcrossRuntimes &&
      ((table.cell.params.kind === "cpu" && table.cell.size === "lesson") || table.cell.params.kind === "io"),
  );

const isReferenceRow = (row: Row) => !isUnderTest(row.runtime);

export function lessonSection(result: RunResult, tables: readonly CellTable[]): string[] {
  const lesson = lessonTables(tables);
  const references = lesson.flatMap((table) => table.rows.filter((row) => isReferenceRow(row) && isMeasured(row)));
  if (lesson.length === 0 || references.length === 0) return [];
  // Every runtime under test, and each reference that was measured; one selected but missing is named under the table.
  const shown = lesson[0]!.rows
    .map((row) => row.runtime)
    .filter((name) => isUnderTest(name) || result.runtimes.find((one) => one.name === name)?.status === "measured");
  const missing = result.runtimes.flatMap((runtime) =>
    runtime.status === "n/a" && runtime.selected && !isUnderTest(runtime.name) ? [`${runtime.name} (${runtime.reason})`] : [],
  );
  const rowOf = (table: CellTable, runtime: string) => table.rows.find((row) => row.runtime === runtime);
  return [
    "The lesson's experiment in Python (CPython, and PyPy or Jython where installed: references, measured in the same rounds,",
    "each in blocks of its own, never ranked among the runtimes) beside the same cells in the JavaScript runtimes, at the",
    "lesson's size. Each model against its baseline in the same runtime, paired side by side, with the same verdict rule; the",
    "baseline rows give the median time. In Python the threads are a ThreadPoolExecutor (the GIL lets one run at a time), the processes a process pool,",
    "the async rows asyncio; in JavaScript the threads are worker threads and the async rows run on the event loop.",
    "",
    ...labelledTable(
      ["the lesson's experiment", ...shown.map((runtime) => (isUnderTest(runtime) ? runtime : `${runtime} (reference)`))],
      [
        ...lesson.map((table) => [label(table), ...shown.map((runtime) => figure(rowOf(table, runtime)))]),
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

/** The baseline's median time, or a model's speed-up over its baseline with its interval and verdict. */
function figure(row: Row | undefined): string {
  if (!row) return "—";
  if (!isMeasured(row)) return row.reason;
  if (row.cell.baseline === null) return msWithInterval(row.wall.median, row.wall.ci95);
  return row.versusBaseline ? judgedSpeedup(row.versusBaseline) : "n/a (too few rounds)";
}

/**
 * Every runtime's speed against the fastest runtime under test (the lowest median) in the baseline cells: for a runtime,
 * paired by round with its verdict (analyze.ts); for a reference, how far the lesson's interpreter is from the
 * runtimes, as a ratio of medians, unpaired (a reference runs in blocks of its own), with no verdict.
 */
function timeOverFastest(lesson: readonly CellTable[], shown: readonly string[]): string[][] {
  return lesson
    .filter((table) => table.cell.baseline === null)
    .flatMap((table) => {
      const measured = table.rows.filter(isMeasured);
      const fastest = measured.find((row) => isUnderTest(row.runtime) && row.versusFastest === undefined);
      if (!fastest || !measured.some((row) => isReferenceRow(row) && row.referenceOverFastest)) return [];
      const cells = shown.map((runtime) => {
        const row = measured.find((candidate) => candidate.runtime === runtime);
        if (row === fastest) return "1 (the lowest median)";
        if (row?.referenceOverFastest) return `${speed(1 / row.referenceOverFastest.ratio)} (medians, unpaired)`;
        return row?.versusFastest ? judgedSpeedup(row.versusFastest) : "";
      });
      return [[`speed against ${fastest.runtime}'s, ${label(table)}`, ...cells]];
    });
}

/** What each reference ran for each cell, as it reported it. */
export function implementations(tables: readonly CellTable[]): string[] {
  const lines = lessonTables(tables).flatMap((table) =>
    table.rows
      .filter((row): row is MeasuredRow => isReferenceRow(row) && isMeasured(row))
      .map((row) => `- ${row.runtime}, ${table.cell.readingName}: ${row.cell.implementation}`),
  );
  return lines.length > 0 ? [...lines, ""] : [];
}
