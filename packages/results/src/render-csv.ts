/**
 * The machine-readable side of the report, results/results.csv: one row per runtime x cell x statistic, drawn from
 * the same analysis and the same list of figures (cell-figures.ts) as the markdown, so a spreadsheet or a script reads the very
 * figures the report prints. Quoting follows RFC 4180; numbers keep six significant digits; a cell a runtime could not
 * run is one "status" row with why.
 */
import type { RunResult } from "@runtime-bench/model/schema";
import { type Analysis, analyze, type CellTable, isMeasured, type MeasuredRow } from "./analyze.ts";
import { type CsvStatistic, FIGURES } from "./cell-figures.ts";
import { reasonOf } from "./text.ts";

export const CSV_COLUMNS = [
  "runtime",
  "group",
  "cell",
  "scenario",
  "statistic",
  "value",
  "ci_low",
  "ci_high",
  "unit",
  "verdict",
  "n",
] as const;

export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string>;

/** Every statistic the report shows for a measured row, in the order of its figures (cell-figures.ts). */
const statistics = (row: MeasuredRow): CsvStatistic[] =>
  FIGURES.flatMap((figure) => figure.csv.flatMap((statistic) => statistic(row) ?? []));

/** Every row of a run's CSV, as records keyed by column, from its analysis. */
export function csvRecords(tables: readonly CellTable[]): CsvRow[] {
  return tables.flatMap((table) =>
    table.rows.flatMap((row) => {
      const where = { runtime: row.column.label, group: table.cell.group, cell: table.cellId, scenario: table.cell.scenarioId };
      if (!isMeasured(row))
        return [{ ...where, statistic: "status", value: reasonOf(row), ci_low: "", ci_high: "", unit: "", verdict: "", n: "0" }];
      return statistics(row).map((statistic) => ({ ...where, ...statistic, n: String(row.wall.n) }));
    }),
  );
}

/** Records as CSV text: a header of the columns, then one line per record. */
export function toCsv<Column extends string>(columns: readonly Column[], records: ReadonlyArray<Record<Column, string>>): string {
  return `${[columns.join(","), ...records.map((record) => columns.map((column) => quote(record[column])).join(","))].join("\n")}\n`;
}

/** `analysis`: analyze(result), where the caller has it already. */
export const renderCsv = (result: RunResult, analysis: Analysis = analyze(result)): string =>
  toCsv(CSV_COLUMNS, csvRecords(analysis.tables));

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
function quote(field: string): string {
  return /[",\n\r]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}
