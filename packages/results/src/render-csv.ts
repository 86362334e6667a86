/**
 * The machine-readable side of the report, results/results.csv: one row per runtime x cell x statistic, drawn from
 * the same analysis as the markdown, so a spreadsheet or a script reads the very figures the report prints. Quoting
 * follows RFC 4180; numbers keep six significant digits; a cell a runtime could not run is one "status" row with why.
 */
import type { PairedComparison } from "@runtime-bench/harness/comparisons";
import type { RunResult } from "@runtime-bench/harness/schema";
import { analyze, type CellTable, isMeasured, type MeasuredRow } from "./analyze.ts";

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

const number = (value: number) => String(Number(value.toPrecision(6)));

/** Every statistic the report shows for a measured row, with its interval and verdict where it has them. */
function statistics(row: MeasuredRow): Array<Pick<CsvRow, "statistic" | "value" | "ci_low" | "ci_high" | "unit" | "verdict">> {
  const plain = (statistic: string, value: number | null | undefined, unit: string) =>
    value === null || value === undefined ? [] : [{ statistic, value: number(value), ci_low: "", ci_high: "", unit, verdict: "" }];
  const ratio = (statistic: string, comparison: PairedComparison | null | undefined) =>
    comparison
      ? [
          {
            statistic,
            value: number(comparison.timeRatio),
            ci_low: comparison.ci95 ? number(comparison.ci95[0]) : "",
            ci_high: comparison.ci95 ? number(comparison.ci95[1]) : "",
            unit: "time ratio",
            verdict: comparison.verdict,
          },
        ]
      : [];
  return [
    {
      statistic: "wall_median",
      value: number(row.wall.median),
      ci_low: row.wall.ci95 ? number(row.wall.ci95[0]) : "",
      ci_high: row.wall.ci95 ? number(row.wall.ci95[1]) : "",
      unit: "ms",
      verdict: "",
    },
    ...ratio("time_vs_baseline", row.versusBaseline),
    ...ratio("time_vs_fastest_runtime", row.versusFastest),
    ...plain("efficiency", row.efficiency, "fraction of the ideal"),
    ...plain("cpu", row.cpuMs, "ms"),
    ...plain("busy_cores", row.busyCores, "cores"),
    ...plain("other_load", row.otherLoadCores, "cores"),
    ...plain("peak_pss", row.peakPssMiB, "MiB"),
    ...plain("event_loop_lag_max", row.eventLoopLag?.maxMs, "ms"),
    ...plain("event_loop_lag_p99", row.eventLoopLag?.p99Ms, "ms"),
    ...plain("request_latency_p50", row.requestLatency?.p50Ms, "ms"),
    ...plain("request_latency_p99", row.requestLatency?.p99Ms, "ms"),
    ...plain("server_busy_cores", row.serverBusyCores, "cores"),
    ...plain("startup_ready", row.startup?.readyMs, "ms"),
    ...plain("startup_teardown", row.startup?.teardownMs, "ms"),
    ...plain("baseline_pair_gap_median", row.versusBaseline?.gap.medianRuns, "runs"),
    ...plain("baseline_pair_gap_max", row.versusBaseline?.gap.maxRuns, "runs"),
    ...plain("baseline_pair_gap_max_seconds", row.versusBaseline?.gap.maxSeconds, "s"),
    ...plain("run_overhead", row.runOverheadMs, "ms"),
  ];
}

/** Every row of a run's CSV, as records keyed by column, from its analysis. */
export function csvRecords(tables: readonly CellTable[]): CsvRow[] {
  return tables.flatMap((table) =>
    table.rows.flatMap((row) => {
      const where = { runtime: row.runtime, group: table.cell.group, cell: table.cellId, scenario: table.cell.scenarioId };
      if (!isMeasured(row))
        return [{ ...where, statistic: "status", value: row.reason, ci_low: "", ci_high: "", unit: "", verdict: "", n: "0" }];
      return statistics(row).map((statistic) => ({ ...where, ...statistic, n: String(row.wall.n) }));
    }),
  );
}

/** Records as CSV text: a header of the columns, then one line per record. */
export function toCsv<Column extends string>(columns: readonly Column[], records: ReadonlyArray<Record<Column, string>>): string {
  return `${[columns.join(","), ...records.map((record) => columns.map((column) => quote(record[column])).join(","))].join("\n")}\n`;
}

/** `tables`: analyze(result), where the caller has it already. */
export const renderCsv = (result: RunResult, tables: readonly CellTable[] = analyze(result)): string =>
  toCsv(CSV_COLUMNS, csvRecords(tables));

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
function quote(field: string): string {
  return /[",\n\r]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}
