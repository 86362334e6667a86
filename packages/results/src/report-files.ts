/**
 * The files of one run's report, rendered in memory first (so a failure writes nothing) and then written
 * together: README.md (the report a person reads), details.md (everything else), results.csv (its figures, one row per runtime x cell x statistic) and the
 * charts (charts/*.svg, embedded in the README). Charts a run has no data for are not drawn, and an earlier
 * run's chart of that name is removed, so the folder never shows a figure from another run.
 */
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "@runtime-bench/model/cli/atomic-write";
import type { RunResult } from "@runtime-bench/model/schema";
import { type Analysis, analyze } from "./analyze.ts";
import { type Chart, renderCharts } from "./charts/index.ts";
import { CHART_FOLDER, DETAILS_FILE, RAW_FILES, REPORT_FILE } from "./links.ts";
import { renderCsv } from "./render-csv.ts";
import { type ReportPages, renderReport } from "./render-markdown.ts";

export type ReportFiles = ReportPages & { csv: string; charts: Chart[] };

/** Every file from one analysis of the run (computed here unless the caller has it). */
export async function renderReportFiles(result: RunResult, analysis: Analysis = analyze(result)): Promise<ReportFiles> {
  const charts = await renderCharts(result, analysis);
  return { ...renderReport(result, charts, analysis), csv: renderCsv(result, analysis), charts };
}

export function writeReportFiles(dir: string, { readme, details, csv, charts }: ReportFiles): void {
  const chartDir = join(dir, CHART_FOLDER);
  mkdirSync(chartDir, { recursive: true });
  const current = new Set(charts.map((chart) => chart.file));
  for (const name of readdirSync(chartDir)) {
    if (name.endsWith(".svg") && !current.has(`${CHART_FOLDER}/${name}`)) rmSync(join(chartDir, name));
  }
  for (const chart of charts) writeFileAtomic(join(dir, chart.file), chart.svg);
  writeFileAtomic(join(dir, RAW_FILES.csv), csv);
  writeFileAtomic(join(dir, DETAILS_FILE), details);
  writeFileAtomic(join(dir, REPORT_FILE), readme);
}
