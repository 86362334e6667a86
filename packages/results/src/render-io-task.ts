/**
 * README.md's parts for a user's I/O-bound task (task-run.ts, `io`): how it ran and what it talked to; every model
 * against the sequential run at each in-flight level (a speed-up with its interval and verdict); and at every point
 * what an application sees: time, units per second, unit latency p50/p99, efficiency against the ideal, peak memory.
 * The summary answers the task's I/O question: which model pays off at which level on which runtime, where it stops
 * scaling, what each in-flight unit and each worker costs in memory, and whether the target held up.
 */
import { type IoSweepRole, sweepRoleOf } from "@runtime-bench/model/scenarios/records";
import type { RunResult } from "@runtime-bench/model/schema";
import { EFFECT_THRESHOLD } from "@runtime-bench/model/verdict";
import { type CellTable, isMeasured, type MeasuredRow } from "./analyze.ts";
import { measuredIn, measuredRowOf } from "./cells.ts";
import type { Column } from "./column.ts";
import { kibSlope, mibSlope, ms, percent, ratio, times } from "./format.ts";
import { concurrencyMemory, isServerBusy } from "./io-sweep.ts";
import { modelRowLabel } from "./render-overview.ts";
import { modelsTable } from "./render-task.ts";
import { leftOut, table } from "./table.ts";
import { type IoTaskRun, ioTaskModelName, type TaskRun } from "./task-run.ts";
import { capitalise, joinWords, wrapWords } from "./text.ts";

type IoTask = TaskRun & { io: IoTaskRun };

export const isIoTask = (task: TaskRun): task is IoTask => task.io !== undefined;

export const IO_PAY_OFF_EXPLAINED =
  "Each model ran the same N units as the sequential run, and each figure is its speed-up over that run, paired round by " +
  'round: "faster" where it was shown faster by the verdict rule at that level, "equivalent" or "slower" likewise, ' +
  '"inconclusive" where neither was shown.';

export const ioTaskTitle = (task: TaskRun) => `${task.name}: which model pays off at which in-flight level, on which runtime`;

const paramsOf = (table: CellTable) => (table.cell.params.kind === "io" ? table.cell.params : null);
/** The cell's model: its scenario's part in the I/O models (records/io.ts). */
const roleOf = (table: CellTable): IoSweepRole => sweepRoleOf(table.cell.scenarioId) ?? "async";
const workersOf = (table: CellTable) => paramsOf(table)?.workers ?? 1;
const inFlightOf = (table: CellTable) => paramsOf(table)?.concurrency ?? 1;

/** How a model reads in a row: "one after another (median time)", "async, main thread", "over 2 worker threads". */
export const ioModelLabel = (table: CellTable): string => modelRowLabel(table, modelNameOf(table));
const modelNameOf = (table: CellTable): string => ioTaskModelName(table.cell) ?? table.cell.readingName;

/** The task's cells in reading order: the sequential run, then each level's async and worker cells (fewest workers first). */
const ordered = (task: IoTask): CellTable[] =>
  task.sizes.flatMap(({ label }) =>
    task.tables
      .filter((table) => table.cell.size === label)
      .sort((a, b) => Number(roleOf(a) === "workers") - Number(roleOf(b) === "workers") || workersOf(a) - workersOf(b)),
  );

const targetWords = ({ target }: IoTaskRun): string =>
  target.kind === "mock-api"
    ? `the harness's mock API, answering each unit after ${ms(target.latencyMs)} ms`
    : `the task's own service at \`${target.url}\`${target.latencyMs === null ? " (its latency not stated: no ideal)" : `, stated latency ${ms(target.latencyMs)} ms`}`;

export function ioTaskHowRun(task: IoTask, permissions: string): string[] {
  const levels = task.sizes.filter(({ n }) => n > 1);
  return [
    ...wrapWords(
      `${task.io.units} units per run, the same in every model: one after another (the baseline), concurrently on the main ` +
        `thread with C in flight, and spread over W worker threads with C in flight in all (C / W in each), at each level ` +
        `(${joinWords(levels.map(({ label, n }) => `${label}: C = ${n}`))}). The units went to ${targetWords(task.io)}.`,
    ),
    ...wrapWords(
      "Each unit's input was built on the main thread before the clock started, and copied to the worker that ran it " +
        "where the model has workers; every model ran warm-up units through its own executors first, so connections were " +
        "open and code compiled when it was timed. A unit's check ran after it, on the clock.",
    ),
    "",
    ...wrapWords(permissions),
    "",
  ];
}

/** Every model's speed-up over the sequential run, per level and runtime. */
export function ioTaskModels(task: IoTask): string[] {
  const shown = measuredIn(task.tables);
  return [
    "Each model's speed-up over the same units one after another, in the same runtime, paired round by round; the first row",
    "gives the sequential run's median time.",
    "",
    ...modelsTable(["in flight", "model"], ordered(task), shown, ioModelLabel),
    "",
    ...leftOut(task.tables, shown),
  ];
}

/** What an application sees at each point: medians over the rounds. */
export function ioTaskPoints(task: IoTask): string[] {
  const shown = measuredIn(task.tables);
  const rows = ordered(task).flatMap((one) =>
    shown.flatMap((column) => {
      const row = measuredRowOf(one, column);
      if (!row) return [];
      return [
        [
          one.cell.size,
          modelNameOf(one),
          column.label,
          `${ms(row.wall.median)} ms`,
          unitsPerSecondOf(row, task).toFixed(0),
          row.requestLatency ? `${ms(row.requestLatency.p50Ms)} / ${ms(row.requestLatency.p99Ms)} ms` : "—",
          row.efficiency === null || !hasIdeal(task) ? "—" : percent(row.efficiency),
          row.peakPssMiB === null ? "—" : `${row.peakPssMiB.toFixed(1)} MiB`,
        ],
      ];
    }),
  );
  return [
    ...wrapWords(
      "At each point, medians over the rounds: the time of the N units, units per second, a unit's latency as the task saw it " +
        "(from its start to its checked answer, without the wait for a free slot), " +
        (hasIdeal(task) ? "efficiency (the ideal ceil(N / C) x latency over the median time), " : "") +
        "and the peak memory of the whole process tree (PSS).",
    ),
    "",
    ...table(["in flight", "model", "runtime", "time", "units/s", "unit p50 / p99", "efficiency", "peak memory"], rows, [
      "left",
      "left",
      "left",
      "right",
      "right",
      "right",
      "right",
      "right",
    ]),
    "",
  ];
}

const hasIdeal = (task: IoTask) => task.io.target.latencyMs !== null && task.io.target.latencyMs > 0;

/** The summary's lines: each model at each level, scaling, memory and the target. */
export function ioTaskSummary(task: IoTask, result: RunResult): string[] {
  const columns = measuredIn(task.tables);
  const levels = task.sizes.filter(({ n }) => n > 1);
  const models = [
    ...new Map(
      ordered(task)
        .filter((t) => roleOf(t) !== "sequential")
        .map((t) => [ioModelLabel(t), t]),
    ).keys(),
  ];
  const payOff = models.map((model) => {
    const atLevels = levels.flatMap(({ label }) => {
      const one = task.tables.find((t) => t.cell.size === label && ioModelLabel(t) === model);
      if (!one) return [];
      const figures = columns.flatMap((column) => {
        const row = measuredRowOf(one, column);
        return row?.versusBaseline ? [`${column.label} ${times(1 / row.versusBaseline.timeRatio)} ${row.versusBaseline.verdict}`] : [];
      });
      return figures.length > 0 ? [`at ${label}: ${figures.join(", ")}`] : [];
    });
    return atLevels.length > 0 ? [`**${capitalise(model)}** against one after another: ${atLevels.join("; ")}.`] : [];
  });
  return [
    ...payOff.flat(),
    ...workersAgainstAsync(task, columns),
    ...scalingLine(task, columns),
    ...memoryLine(task, columns),
    targetLine(task, result),
  ];
}

/** Workers against async at the same level: told apart only where their intervals over the one baseline do not overlap. */
function workersAgainstAsync(task: IoTask, columns: readonly Column[]): string[] {
  const parts = columns.flatMap((column) =>
    task.sizes.flatMap(({ label }) => {
      const atLevel = task.tables.filter((t) => t.cell.size === label);
      const async = atLevel.find((t) => roleOf(t) === "async");
      const asyncRatio = async ? measuredRowOf(async, column)?.versusBaseline : undefined;
      const asyncInterval = asyncRatio?.ci95;
      if (!asyncRatio || !asyncInterval) return [];
      return atLevel.flatMap((workers) => {
        const ratio = roleOf(workers) === "workers" ? measuredRowOf(workers, column)?.versusBaseline : undefined;
        const reading = ratio?.ci95 ? apart(ratio.timeRatio, ratio.ci95, asyncRatio.timeRatio, asyncInterval) : null;
        return reading ? [`${column.label} at ${label} ${ioModelLabel(workers)}: ${reading} than async`] : [];
      });
    }),
  );
  return [
    `**Worker threads against async on the main thread** (both against the same sequential run; told apart where their ` +
      `intervals do not overlap and their medians differ by ${percent(EFFECT_THRESHOLD)} or more): ` +
      `${parts.length > 0 ? `${parts.join("; ")}; every other pair not told apart` : "not told apart at any level on any runtime"}.`,
  ];
}

/**
 * Two time ratios over one baseline told apart as the verdict rule tells a difference: their intervals do not overlap
 * and the one's median is at least EFFECT_THRESHOLD past the other's; null where they are not.
 */
function apart(time: number, interval: readonly [number, number], other: number, otherInterval: readonly [number, number]) {
  if (interval[0] > otherInterval[1] && time / other >= 1 + EFFECT_THRESHOLD) return "slower";
  if (interval[1] < otherInterval[0] && other / time >= 1 + EFFECT_THRESHOLD) return "faster";
  return null;
}

/** Where async on the main thread stops scaling: a step to more in flight that gains less than half of what it could. */
function scalingLine(task: IoTask, columns: readonly Column[]): string[] {
  const asyncTables = task.tables.filter((t) => roleOf(t) === "async").sort((a, b) => inFlightOf(a) - inFlightOf(b));
  if (asyncTables.length < 2) return [];
  const parts = columns.flatMap((column) => {
    const rates = asyncTables.flatMap((t) => {
      const row = measuredRowOf(t, column);
      return row ? [{ label: t.cell.size, c: inFlightOf(t), rate: unitsPerSecondOf(row, task) }] : [];
    });
    const stop = rates.slice(1).find((point, index) => point.rate / rates[index]!.rate < 1 + (point.c / rates[index]!.c - 1) / 2);
    const span = `${rates.map((point) => `${point.rate.toFixed(0)}/s at ${point.label}`).join(", ")}`;
    return [`${column.label} ${stop ? `stopped scaling at ${stop.label}` : "kept scaling"} (${span})`];
  });
  return [
    `**Where async stops scaling** (a step to more in flight that gains less than half its ratio in units per second): ${parts.join("; ")}.`,
  ];
}

const unitsPerSecondOf = (row: MeasuredRow, task: IoTask) => task.io.units / (row.wall.median / 1000);

/** Memory per in-flight unit (async, N held, C varied) and per worker thread, by the sweep's rules (concurrencyMemory). */
function memoryLine(task: IoTask, columns: readonly Column[]): string[] {
  const parts = columns.flatMap((column) => {
    const pointsOf = (role: IoSweepRole) =>
      task.tables.flatMap((t) => {
        const row = roleOf(t) === role ? measuredRowOf(t, column) : undefined;
        return row ? [{ concurrency: inFlightOf(t), workers: workersOf(t), samples: row.cell.samples }] : [];
      });
    const { perInFlight, perWorker, workersAt } = concurrencyMemory(pointsOf("async"), pointsOf("workers"));
    const words = [
      ...(perInFlight ? [`${kibSlope(perInFlight)} per in-flight unit`] : []),
      ...(perWorker ? [`${mibSlope(perWorker)} per worker thread (at C = ${workersAt})`] : []),
    ];
    return words.length > 0 ? [`${column.label} ${words.join(", ")}`] : [];
  });
  return parts.length > 0
    ? [`**Memory** (slope of the tree's peak PSS, round by round, with its interval; N held, C or W varied): ${parts.join("; ")}.`]
    : [];
}

/** Whether the target could have been what was measured: the mock API's own CPU use, or a service's latency growing with C. */
function targetLine(task: IoTask, result: RunResult): string {
  const rows = task.tables.flatMap((t) => t.rows.filter(isMeasured).map((row) => ({ t, row })));
  if (task.io.target.kind === "mock-api") {
    const busy = rows.filter(({ row }) => isServerBusy(row));
    const capacity = result.run.mockApi?.capacity;
    const highest = Math.max(...rows.map(({ row }) => unitsPerSecondOf(row, task)));
    const headroom =
      capacity && "requestsPerSecond" in capacity
        ? ` its measured capacity ${capacity.requestsPerSecond.toFixed(0)}/s, ${ratio(capacity.requestsPerSecond / highest)}x the highest rate of any cell;`
        : "";
    return busy.length === 0
      ? `**The target**: the mock API was never the bottleneck:${headroom} it used at most half a core in every cell.`
      : `**The target may have been the bottleneck**: the mock API used more than half a core in ${joinWords(busy.map(({ t, row }) => `${t.cell.cellId} on ${row.column.label}`))}: there the server, not the model, may be what was measured.`;
  }
  const sequential = task.tables.find((t) => roleOf(t) === "sequential");
  const growth = rows.flatMap(({ t, row }) => {
    const base = sequential ? measuredRowOf(sequential, row.column)?.requestLatency : undefined;
    return base && row.requestLatency && row.requestLatency.p50Ms > 2 * base.p50Ms
      ? [`${t.cell.cellId} on ${row.column.label} (p50 ${ms(base.p50Ms)} -> ${ms(row.requestLatency.p50Ms)} ms)`]
      : [];
  });
  return growth.length === 0
    ? "**The target**: the task's own service; a unit's median latency stayed within twice the sequential run's at every level."
    : `**The target may have been the bottleneck**: a unit's median latency more than doubled with more in flight: ${joinWords(growth)}: the service (or the client) queued the units, so those figures measure it, not only the model.`;
}
