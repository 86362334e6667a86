/** The report's per-cell sections: the verdicts table, the noise guards, one table per headline cell, the variants. */
import { comparisonLookup, type PairedComparison } from "@runtime-bench/model/comparisons";
import type { RunResult } from "@runtime-bench/model/schema";
import { type Analysis, type CellTable, isMeasured, type MeasuredRow, type Row } from "./analyze.ts";
import { FIGURES, type Figure } from "./cell-figures.ts";
import { isHeadline } from "./cells.ts";
import { ms, msWithInterval, NO_COMPARISON, times } from "./format.ts";
import { flagged, noiseWarnings } from "./noise.ts";
import { table } from "./table.ts";
import { reasonOf } from "./text.ts";

/** "faster · 1.84x · n=12": a comparison's verdict, its speed-up and its rounds; "—" where the cell has none. */
const verdictCell = (comparison: PairedComparison | null | undefined) =>
  comparison === undefined
    ? "—"
    : comparison
      ? `${comparison.verdict} · ${times(1 / comparison.timeRatio)} · n=${comparison.pairs}`
      : NO_COMPARISON;

/** The headline comparisons, every one: against a baseline per column, and column against column per cell. */
export function verdictSection({ runs, tables, comparisons }: Analysis): string[] {
  const headlines = comparisons.filter((comparison) => comparison.group === "headline");
  if (headlines.length === 0) return [];
  const compared = new Set(headlines.flatMap((h) => (h.kind === "runtimes" ? [h.subject, h.reference] : [h.runtime])));
  const labels = runs.map(({ column }) => column.label).filter((label) => compared.has(label));
  const pairs = [
    ...new Map(
      headlines.flatMap((h) => (h.kind === "runtimes" ? [[`${h.subject} vs ${h.reference}`, [h.subject, h.reference]] as const] : [])),
    ),
  ];
  const find = comparisonLookup(headlines);
  const rows = tables
    .filter(isHeadline)
    .map((table) => [
      `\`${table.cellId}\``,
      ...labels.map((label) => verdictCell(find.baseline(label, table.cellId))),
      ...pairs.map(([, [subject, reference]]) => verdictCell(find.between(subject, reference, table.cellId))),
    ]);
  return [
    'Every headline verdict of the run in one place, with the rounds behind it (n). "vs baseline": the cell against the cell it',
    'declares as its baseline in the same runtime (its speed-up; "faster" means the model paid off). "A vs B": A\'s speed-up',
    "over B in the same cell (B's time over A's; \"faster\": A was). The depth groups (scaling, crossover, workloads, I/O sweep, files) carry theirs",
    "in their own sections.",
    "",
    ...table(["cell", ...labels.map((label) => `${label}: vs baseline`), ...pairs.map(([pair]) => `${pair}: speed-up`)], rows),
    "",
  ];
}

export function noiseSection(result: RunResult, tables: readonly CellTable[]): string[] {
  const warnings = noiseWarnings(result, tables);
  if (warnings.length === 0) return ["No cell or round was flagged.", ""];
  return [...warnings.map((warning) => `- ${flagged(warning)}`), ""];
}

function tableRows(cellTable: CellTable, figures: readonly Figure[]): string[] {
  const cellText = (figure: Figure, row: MeasuredRow) => figure.value(row, cellTable) ?? `n/a (${figure.missing ?? "not measured"})`;
  const renderRow = (row: Row) =>
    isMeasured(row) ? figures.map((figure) => cellText(figure, row)) : [row.column.label, reasonOf(row), ...figures.slice(2).map(() => "")];
  return table(
    figures.map((figure) => (typeof figure.header === "string" ? figure.header : figure.header(cellTable))),
    cellTable.rows.map(renderRow),
    figures.map((figure) => figure.align ?? "right"),
  );
}

function describeParams(params: CellTable["cell"]["params"]): string {
  switch (params.kind) {
    case "cpu":
      return `${params.tasks} tasks, n = ${params.n}, ${params.workers} pool workers`;
    case "io":
      return `${params.requests} requests, ${params.latencyMs} ms latency, ${params.concurrency} in flight (async), ${params.workers} workers`;
    case "primitive":
      return `${params.repetitions} times in a row`;
    case "files":
      return `${params.files} files of ${params.bytes} bytes, ${params.concurrency} in flight, ${params.workers} workers`;
  }
}

export function cellSection(table: CellTable): string[] {
  const { cell } = table;
  const params = describeParams(cell.params);
  const ideal = "speedup" in cell.ideal ? `ideal speed-up ${times(cell.ideal.speedup)}` : `ideal time ${ms(cell.ideal.wallMs)} ms`;
  const figures = FIGURES.filter(
    (figure) => (cell.comparedAcrossRuntimes || figure.key !== "fastest") && (figure.kinds?.includes(cell.kind) ?? true),
  );
  return [
    `## ${cell.kind === "cpu" ? "CPU" : "I/O"}: ${cell.title} — \`${table.cellId}\``,
    "",
    // A user's task is no experiment of the lesson: its cells say which of the task's sizes they ran instead.
    cell.params.kind === "cpu" && cell.params.task
      ? `${cell.params.task.name} at size ${cell.params.task.size}: ${params}; ${ideal}.`
      : `Lesson analogue: ${cell.lessonAnalogue}. ${params}; ${ideal}.`,
    "",
    ...tableRows(table, figures),
    "",
    ...inProcessLines(table),
  ];
}

export function variantSection(tables: readonly CellTable[]): string[] {
  const variants = tables.filter((table) => isHeadline(table) && !table.cell.comparedAcrossRuntimes);
  if (variants.length === 0) return [];
  return [
    "Each runtime's headline cells use its default client, as its users would. A variant uses another client, or the",
    "runtime's own with settings past its defaults (each named, with its settings, in the environment table); it is",
    "compared only with its baseline in the same runtime.",
    "",
    ...variants.flatMap(cellSection).map((line) => line.replace(/^## /, "### ")),
  ];
}

/** The in-process (mitata) figure of each runtime, under the table, where the scenario has one. */
export function inProcessLines(table: CellTable): string[] {
  const measured = table.rows.filter(isMeasured).flatMap((row) => (row.inProcess ? [{ column: row.column, ...row.inProcess }] : []));
  if (measured.length === 0) return [];
  const parts = measured.map(({ column, summary, skipped }) =>
    summary
      ? `${column.label}: ${msWithInterval(summary.median, summary.ci95)} (n=${summary.n})`
      : `${column.label}: not measured (${skipped})`,
  );
  const { label } = measured[0]!;
  return [
    `In-process, repeated in one warm process with mitata in the first round, after its timed part (${label}): ${parts.join("; ")}.`,
    "",
  ];
}
