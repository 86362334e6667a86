/**
 * The report's first layer (results/README.md): one compact table per group of the suite, every figure a speed-up
 * over its baseline with its interval, rounds and verdict. The runtimes that could not run a group are named once
 * under its table instead of filling a column with "n/a". Every other figure of a group (per-cell readings, each
 * runtime's ladder, the whole I/O sweep) is in the second file, details.md.
 */
import { WORKLOAD_TITLES } from "@runtime-bench/model/scenarios/params";
import type { RunResult } from "@runtime-bench/model/schema";
import { type Analysis, type CellTable, isMeasured, type Row } from "./analyze.ts";
import { isHeadline, measuredIn, ofGroup, rowOf } from "./cells.ts";
import { ladderPosition } from "./claim-words.ts";
import { crossoverClaims, type LadderClaim } from "./claims.ts";
import type { Column } from "./column.ts";
import { judgedOrNone, judgedSpeedup, msWithInterval, percent } from "./format.ts";
import { type IoSweepPoint, ioSweep } from "./io-sweep.ts";
import { detailsLink, TITLES } from "./links.ts";
import { scaling } from "./scaling.ts";
import { labelledTable, leftOut } from "./table.ts";
import { reasonOf } from "./text.ts";

/** A baseline's median time, or a model's speed-up; else why not, in full or short ("n/a", "failed") beside a note. */
export function figureOf(row: Row | undefined, reasons: "full" | "short" = "short"): string {
  if (!row) return "—";
  if (!isMeasured(row)) return reasons === "full" ? reasonOf(row) : row.state;
  if (row.cell.baseline === null) return msWithInterval(row.wall.median, row.wall.ci95);
  return judgedOrNone(row.versusBaseline);
}

/** A model table's row label: the baseline's figure is its median time. */
export const modelRowLabel = (table: CellTable, name = table.cell.readingName) =>
  table.cell.baseline === null ? `${name} (median time)` : name;

function grid(tables: readonly CellTable[], label: (table: CellTable) => string): string[] {
  const shown = measuredIn(tables);
  return [
    ...labelledTable(
      ["", ...shown.map((column) => column.label)],
      tables.map((table) => [label(table), ...shown.map((column) => figureOf(rowOf(table, column)))]),
    ),
    "",
    ...leftOut(tables, shown),
  ];
}

/** The headline CPU cells at every size but the lesson's (which the lesson table shows). */
export function headlineOverview(tables: readonly CellTable[]): string[] {
  const own = tables.filter(
    (table) => isHeadline(table) && table.cell.comparedAcrossRuntimes && table.cell.params.kind === "cpu" && table.cell.size !== "lesson",
  );
  if (own.length === 0) return [];
  const params = own[0]!.cell.params;
  const size = params.kind === "cpu" ? `${params.tasks} tasks of n = ${params.n}` : "";
  return [
    `${size}: the pools have one worker or process per core, the per-task models start one per task; the sequential row`,
    `gives its median time. Per cell: ${detailsLink(TITLES.reading, "details.md")}.`,
    "",
    ...grid(own, (table) => modelRowLabel(table)),
  ];
}

export function scalingOverview(tables: readonly CellTable[]): string[] {
  const models = scaling(tables);
  if (models.length === 0) return [];
  const columns = models.flatMap((model) => model.perColumn.map((one) => ({ model, one })));
  const workerCounts = [...new Set(columns.flatMap(({ one }) => one.points.map((point) => point.workers)))].sort((a, b) => a - b);
  const { tasks, n } = models[0]!;
  return [
    `${tasks} tasks of n = ${n}, each pool against the sequential run; ideal min(tasks, workers, cores). Efficiency and memory per worker: ${detailsLink(TITLES.scaling)}.`,
    "",
    ...labelledTable(
      ["workers", ...columns.map(({ model, one }) => `${one.column.label}: ${model.readingName}`)],
      workerCounts.map((workers) => [
        String(workers),
        ...columns.map(({ one }) => {
          const point = one.points.find((candidate) => candidate.workers === workers);
          return point?.speedup ? judgedSpeedup(point.speedup) : "—";
        }),
      ]),
    ),
    "",
  ];
}

export function crossoverOverview(analysis: Analysis): string[] {
  const claims = crossoverClaims(analysis);
  if (claims.length === 0) return [];
  return [
    `Each model at each size of a ladder against the sequential run${claims[0]!.tasks ? ` (${claims[0]!.tasks.ladder} tasks, one worker per core)` : ""}: it pays off`,
    "from the smallest size at which it and every larger size is faster by the verdict rule, so the crossing lies between",
    `that size and the one below. Every size: ${detailsLink(TITLES.crossover)}.`,
    "",
    ...ladderTable(claims, measuredIn(ofGroup(analysis.tables, "crossover"))),
    "",
  ];
}

/** Each model of a ladder per column: where it paid off (between which work per task), or up to where it did not. */
export function ladderTable(claims: readonly LadderClaim[], columns: readonly Column[]): string[] {
  return labelledTable(
    ["model", ...columns.map((column) => column.label)],
    claims.map((claim) => [
      claim.model.cell.readingName,
      ...columns.map((column) => {
        const outcome = claim.outcomes.find((one) => one.column.label === column.label);
        return outcome ? ladderPosition(outcome) : "—";
      }),
    ]),
  );
}

export function workloadsOverview(tables: readonly CellTable[]): string[] {
  const own = ofGroup(tables, "workloads").filter((table) => table.cell.params.kind === "cpu");
  if (own.length === 0) return [];
  const label = (table: CellTable) => {
    const params = table.cell.params;
    const workload = params.kind === "cpu" ? WORKLOAD_TITLES[params.workload] : "";
    return `${workload}: ${modelRowLabel(table)}`;
  };
  return [
    "An allocation-heavy, a memory-bound and a key-derivation task (native and in plain JavaScript), each model against",
    `the sequential run of the same work. Sizes and the native-against-JavaScript ratio: ${detailsLink(TITLES.workloads)}.`,
    "",
    ...grid(own, label),
  ];
}

/** At the sweep's largest latency: async requests' efficiency at each C, and worker threads (one per core) against them. */
export function ioOverview(result: RunResult, analysis: Analysis): string[] {
  const sweep = ioSweep(result, analysis);
  if (!sweep || sweep.points.length === 0) return [];
  const latency = Math.max(...sweep.points.map((point) => point.latencyMs));
  const atLatency = sweep.points.filter((point) => point.latencyMs === latency);
  const columns = [...new Set(atLatency.map((point) => point.column))];
  // Above C = 1 only worker threads have a baseline in the sweep: the async requests at the same C.
  const isWorkers = (point: IoSweepPoint) => point.concurrency > 1 && point.row.cell.baseline !== null;
  const workerCounts = [...new Set(atLatency.filter(isWorkers).map((point) => point.workers))];
  const workers = workerCounts.reduce<number | null>(
    (best, count) => (best === null || Math.abs(count - result.machine.cores) < Math.abs(best - result.machine.cores) ? count : best),
    null,
  );
  const concurrencies = [...new Set(atLatency.map((point) => point.concurrency))].filter((c) => c > 1).sort((a, b) => a - b);
  const asyncAt = (column: Column, c: number) =>
    atLatency.find((point) => point.column === column && point.concurrency === c && !isWorkers(point));
  const workersAt = (column: Column, c: number) =>
    atLatency.find((point) => point.column === column && point.concurrency === c && point.workers === workers && isWorkers(point));
  return [
    `N = 10 x C requests at ${latency} ms latency, C in flight: async requests on the main thread (efficiency: the ideal`,
    `ceil(N/C) x latency over the median time), and the same requests over ${workers ?? "n/a"} worker threads against them. Other`,
    `latencies, worker counts, request latencies and client CPU: ${detailsLink(TITLES.ioSweep)}.`,
    "",
    ...labelledTable(
      ["C", ...columns.flatMap(({ label }) => [`${label}: async efficiency`, `${label}: ${workers} workers vs async`])],
      concurrencies.map((c) => [
        String(c),
        ...columns.flatMap((column) => {
          const own = asyncAt(column, c);
          const threads = workersAt(column, c);
          return [
            own?.row.efficiency == null ? "—" : percent(own.row.efficiency),
            threads?.row.versusBaseline ? judgedSpeedup(threads.row.versusBaseline) : "—",
          ];
        }),
      ]),
    ),
    "",
  ];
}

export function filesOverview(tables: readonly CellTable[]): string[] {
  const own = ofGroup(tables, "files").filter((table) => table.cell.params.kind === "files");
  if (own.length === 0) return [];
  return [
    "Each set of files written and read back by one task per file; the synchronous API, one file after another, is the",
    `baseline. MB/s, busy cores and memory: ${detailsLink(TITLES.files)}.`,
    "",
    ...grid(own, (table) => `${table.cell.size}: ${modelRowLabel(table)}`),
  ];
}
