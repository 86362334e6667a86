/**
 * The report's first layer (results/README.md): one compact table per group of the suite, every figure a speed-up
 * over its baseline with its interval, rounds and verdict. The runtimes that could not run a group are named once
 * under its table instead of filling a column with "n/a". Every other figure of a group (per-cell readings, each
 * runtime's ladder, the whole I/O sweep) is in the second file, details.md.
 */
import type { RuntimeName } from "@runtime-bench/model/runtimes";
import { WORKLOAD_TITLES } from "@runtime-bench/model/scenarios/params";
import type { RunResult } from "@runtime-bench/model/schema";
import { type CellTable, isMeasured, type Row } from "./analyze.ts";
import { crossover, crossoverBracket } from "./crossover.ts";
import { judgedSpeedup, msWithInterval, percent } from "./format.ts";
import { type IoSweepPoint, ioSweep } from "./io-sweep.ts";
import { scaling } from "./scaling.ts";
import { TITLES } from "./section-titles.ts";
import { labelledTable } from "./table.ts";

/** The second file, and the anchor a README section links to for the rest of its group. */
export const DETAILS_FILE = "details.md";
/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens. */
export const anchorOf = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, "")
    .replace(/ /g, "-");
export const detailsLink = (heading: string, text = "details") => `[${text}](${DETAILS_FILE}#${anchorOf(heading)})`;

/** Runtimes with at least one measured row in these tables, in the report's runtime order. */
export function measuredIn(tables: readonly CellTable[]): RuntimeName[] {
  const order = tables[0]?.rows.map((row) => row.runtime) ?? [];
  const measured = new Set(tables.flatMap((table) => table.rows.filter(isMeasured).map((row) => row.runtime)));
  return order.filter((runtime) => measured.has(runtime));
}

/** "Not in this table: cpython (why)": the runtimes of the run left out of a table, each once with its reason. */
export function leftOut(tables: readonly CellTable[], shown: readonly RuntimeName[]): string[] {
  const reasons = new Map<RuntimeName, string>();
  for (const row of tables.flatMap((table) => table.rows)) {
    if (!shown.includes(row.runtime) && !isMeasured(row) && !reasons.has(row.runtime)) reasons.set(row.runtime, row.reason);
  }
  return reasons.size > 0 ? [`Not in this table: ${[...reasons].map(([runtime, reason]) => `${runtime}, ${reason}`).join("; ")}.`, ""] : [];
}

/** A baseline's median time, or a model's speed-up over its baseline; "—" or the short reason where there is none. */
export function figureOf(row: Row | undefined): string {
  if (!row) return "—";
  if (!isMeasured(row)) return row.reason.startsWith("n/a") ? "n/a" : "failed";
  if (row.cell.baseline === null) return msWithInterval(row.wall.median, row.wall.ci95);
  return row.versusBaseline ? judgedSpeedup(row.versusBaseline) : "n/a (too few rounds)";
}

const nameOf = (table: CellTable) => table.cell.readingName;
const rowOf = (table: CellTable, runtime: RuntimeName) => table.rows.find((row) => row.runtime === runtime);

function grid(tables: readonly CellTable[], label: (table: CellTable) => string): string[] {
  const shown = measuredIn(tables);
  return [
    ...labelledTable(
      ["", ...shown],
      tables.map((table) => [label(table), ...shown.map((runtime) => figureOf(rowOf(table, runtime)))]),
    ),
    "",
    ...leftOut(tables, shown),
  ];
}

/** The headline CPU cells at every size but the lesson's (which the lesson table shows). */
export function headlineOverview(tables: readonly CellTable[]): string[] {
  const own = tables.filter(
    (table) =>
      table.cell.group === "headline" &&
      table.cell.comparedAcrossRuntimes &&
      table.cell.params.kind === "cpu" &&
      table.cell.size !== "lesson",
  );
  if (own.length === 0) return [];
  const params = own[0]!.cell.params;
  const size = params.kind === "cpu" ? `${params.tasks} tasks of n = ${params.n}` : "";
  return [
    `${size}: the pools have one worker or process per core, the per-task models start one per task; the sequential row`,
    `gives its median time. Per cell: ${detailsLink(TITLES.reading, "details.md")}.`,
    "",
    ...grid(own, (table) => (table.cell.baseline === null ? `${nameOf(table)} (median time)` : nameOf(table))),
  ];
}

export function scalingOverview(tables: readonly CellTable[]): string[] {
  const models = scaling(tables);
  if (models.length === 0) return [];
  const columns = models.flatMap((model) => model.perRuntime.map((one) => ({ model, one })));
  const workerCounts = [...new Set(columns.flatMap(({ one }) => one.points.map((point) => point.workers)))].sort((a, b) => a - b);
  const { tasks, n } = models[0]!;
  return [
    `${tasks} tasks of n = ${n}, each pool against the sequential run; ideal min(tasks, workers, cores). Efficiency and memory per worker: ${detailsLink(TITLES.scaling)}.`,
    "",
    ...labelledTable(
      ["workers", ...columns.map(({ model, one }) => `${one.runtime}: ${model.readingName}`)],
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

export function crossoverOverview(tables: readonly CellTable[]): string[] {
  const models = crossover(tables);
  if (models.length === 0) return [];
  const runtimes = [...new Set(models.flatMap((model) => model.perRuntime.map((one) => one.runtime)))];
  const tasks = tables.find((table) => table.cell.group === "crossover" && table.cell.params.kind === "cpu")?.cell.params;
  return [
    `Each model at each size of a ladder against the sequential run${tasks?.kind === "cpu" ? ` (${tasks.tasks} tasks, one worker per core)` : ""}: it pays off`,
    "from the smallest size at which it and every larger size is faster by the verdict rule, so the crossing lies between",
    `that size and the one below. Every size: ${detailsLink(TITLES.crossover)}.`,
    "",
    ...labelledTable(
      ["model", ...runtimes],
      models.map((model) => [
        model.readingName,
        ...runtimes.map((runtime) => {
          const one = model.perRuntime.find((candidate) => candidate.runtime === runtime);
          return one ? crossoverBracket(one) : "—";
        }),
      ]),
    ),
    "",
  ];
}

export function workloadsOverview(tables: readonly CellTable[]): string[] {
  const own = tables.filter((table) => table.cell.group === "workloads" && table.cell.params.kind === "cpu");
  if (own.length === 0) return [];
  const label = (table: CellTable) => {
    const params = table.cell.params;
    const workload = params.kind === "cpu" ? WORKLOAD_TITLES[params.workload] : "";
    return `${workload}: ${table.cell.baseline === null ? "the sequential run (median time)" : nameOf(table)}`;
  };
  return [
    "An allocation-heavy, a memory-bound and a key-derivation task (native and in plain JavaScript), each model against",
    `the sequential run of the same work. Sizes and the native-against-JavaScript ratio: ${detailsLink(TITLES.workloads)}.`,
    "",
    ...grid(own, label),
  ];
}

/** At the sweep's largest latency: async requests' efficiency at each C, and worker threads (one per core) against them. */
export function ioOverview(result: RunResult, tables: readonly CellTable[]): string[] {
  const sweep = ioSweep(result, tables);
  if (!sweep || sweep.points.length === 0) return [];
  const latency = Math.max(...sweep.points.map((point) => point.latencyMs));
  const atLatency = sweep.points.filter((point) => point.latencyMs === latency);
  const runtimes = [...new Set(atLatency.map((point) => point.runtime))];
  // Above C = 1 only worker threads have a baseline in the sweep: the async requests at the same C.
  const isWorkers = (point: IoSweepPoint) => point.concurrency > 1 && point.row.cell.baseline !== null;
  const workerCounts = [...new Set(atLatency.filter(isWorkers).map((point) => point.workers))];
  const workers = workerCounts.reduce<number | null>(
    (best, count) => (best === null || Math.abs(count - result.machine.cores) < Math.abs(best - result.machine.cores) ? count : best),
    null,
  );
  const concurrencies = [...new Set(atLatency.map((point) => point.concurrency))].filter((c) => c > 1).sort((a, b) => a - b);
  const asyncAt = (runtime: RuntimeName, c: number) =>
    atLatency.find((point) => point.runtime === runtime && point.concurrency === c && !isWorkers(point));
  const workersAt = (runtime: RuntimeName, c: number) =>
    atLatency.find((point) => point.runtime === runtime && point.concurrency === c && point.workers === workers && isWorkers(point));
  return [
    `N = 10 x C requests at ${latency} ms latency, C in flight: async requests on the main thread (efficiency: the ideal`,
    `ceil(N/C) x latency over the median time), and the same requests over ${workers ?? "n/a"} worker threads against them. Other`,
    `latencies, worker counts, request latencies and client CPU: ${detailsLink(TITLES.ioSweep)}.`,
    "",
    ...labelledTable(
      ["C", ...runtimes.flatMap((runtime) => [`${runtime}: async efficiency`, `${runtime}: ${workers} workers vs async`])],
      concurrencies.map((c) => [
        String(c),
        ...runtimes.flatMap((runtime) => {
          const own = asyncAt(runtime, c);
          const threads = workersAt(runtime, c);
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
  const own = tables.filter((table) => table.cell.group === "files" && table.cell.params.kind === "files");
  if (own.length === 0) return [];
  return [
    "Each set of files written and read back by one task per file; the synchronous API, one file after another, is the",
    `baseline. MB/s, busy cores and memory: ${detailsLink(TITLES.files)}.`,
    "",
    ...grid(own, (table) => `${table.cell.size}: ${table.cell.baseline === null ? `${nameOf(table)} (median time)` : nameOf(table)}`),
  ];
}
