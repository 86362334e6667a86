/** The report's CPU sections beyond the headline: scaling, crossover, other workloads, primitive costs. */
import type { PairedComparison } from "@runtime-bench/model/comparisons";
import { WORKLOAD_TITLES } from "@runtime-bench/model/scenarios/params";
import type { RunResult } from "@runtime-bench/model/schema";
import { type Analysis, type CellTable, isMeasured, type MeasuredRow } from "./analyze.ts";
import { measuredIn, measuredRowOf, msPerTask, ofGroup, rowOf } from "./cells.ts";
import { crossoverClaims } from "./claims.ts";
import type { Column } from "./column.ts";
import { judgedOrNone, judgedSpeedup, mibSlope, ms, NO_INTERVAL, percent, ratio, speedupFigure, times } from "./format.ts";
import { ladderTable } from "./render-overview.ts";
import { type ScalingModel, scaling } from "./scaling.ts";
import { largestSizeShortfall, type Shortfall } from "./shortfall.ts";
import { figuresTable, labelledTable, leftOut } from "./table.ts";
import { reasonOf } from "./text.ts";

/** Speed-up "1.84x [1.74–1.93] (92%)", or why there is none. */
export const speedupWithEfficiency = (point: { speedup: PairedComparison | null; efficiency: number | null }) =>
  point.speedup
    ? `${speedupFigure(point.speedup)} (${point.efficiency === null ? "n/a" : percent(point.efficiency)})`
    : "n/a (too few rounds)";

export function scalingSection(tables: readonly CellTable[]): string[] {
  const models = scaling(tables);
  if (models.length === 0) return [];
  const { tasks, n } = models[0]!;
  const columns = [...new Set(models.flatMap((model) => model.perColumn.map((one) => one.column)))];
  const workerCounts = [
    ...new Set(models.flatMap((model) => model.perColumn.flatMap((one) => one.points.map((point) => point.workers)))),
  ].sort((a, b) => a - b);
  const name = (model: ScalingModel) => model.readingName;
  return [
    `${tasks} tasks of n = ${n} each; each pool against the sequential run of the same tasks, paired by round, with its`,
    "efficiency against the ideal min(tasks, workers, cores) in brackets. Past the machine's cores, the extra workers only",
    "take turns on them. Memory per added worker: the slope of the tree's peak PSS over the worker counts, round by round.",
    "",
    ...columns.flatMap((column) => {
      const perModel = models.map((model) => ({ model, one: model.perColumn.find((candidate) => candidate.column === column) }));
      const header = ["workers", ...perModel.map(({ model }) => name(model))];
      const rows = workerCounts.map((workers) => {
        const cells = perModel.map(({ one }) => {
          const point = one?.points.find((candidate) => candidate.workers === workers);
          return point ? speedupWithEfficiency(point) : "—";
        });
        return [String(workers), ...cells];
      });
      const memory = perModel.map(({ one }) => (one?.memoryPerWorker ? mibSlope(one.memoryPerWorker) : "n/a (too few rounds)"));
      return [`### ${column.label}`, "", ...figuresTable(header, [...rows, ["memory per added worker", ...memory]]), ""];
    }),
  ];
}

export function crossoverSection(result: RunResult, analysis: Analysis): string[] {
  const claims = crossoverClaims(analysis);
  if (claims.length === 0) return [];
  const columns = measuredIn(ofGroup(analysis.tables, "crossover"));
  const sizes = [...new Set(claims.flatMap((claim) => claim.outcomes.flatMap((one) => one.points.map((point) => point.n))))].sort(
    (a, b) => a - b,
  );
  const outcomeOf = (claim: (typeof claims)[number], column: Column) => claim.outcomes.find((one) => one.column.label === column.label);
  return [
    "Each model at each task size (one worker per core), against the sequential run of the same tasks, paired by round. It",
    "pays off from the smallest size at which it, and every larger size, is faster by the verdict rule.",
    "",
    ...ladderTable(claims, columns),
    "",
    ...columns.flatMap((column) => [
      `### ${column.label}: speed-up at each size`,
      "",
      ...figuresTable(
        ["n (work per task)", ...claims.map((claim) => claim.model.cell.readingName)],
        sizes.map((n) => {
          const points = claims.map((claim) => outcomeOf(claim, column)?.points.find((point) => point.n === n));
          const work = points.find((point) => point)?.msPerTask;
          const cells = points.map((point) => (point?.comparison ? judgedSpeedup(point.comparison) : "—"));
          return [`${n}${work === undefined ? "" : ` (${ms(work)} ms)`}`, ...cells];
        }),
      ),
      "",
    ]),
    ...shortfallLines(largestSizeShortfall(result, analysis.tables)),
  ];
}

/** Why the largest size of the ladder stopped short of the ideal, in what the run measured. */
function shortfallLines(shortfall: Shortfall | null): string[] {
  if (!shortfall) return [];
  const { best, spread, slowCoreCeiling, busyCores, otherLoadCores } = shortfall;
  const range = (values: [number, number] | null) => (values ? `${ratio(values[0])}-${ratio(values[1])}` : "n/a");
  return [
    `**Why the largest size (n = ${shortfall.n}) stops short of ${times(shortfall.ideal)}:** the best was ${times(best.speedup)} (${best.readingName}, ${best.column.label}).`,
    spread
      ? `Its tasks end when the slower core finishes, and after each of the ${spread.rounds} rounds the per-core probe put one core a median ${percent(spread.median)} behind the other (worst ${percent(spread.worst)})${slowCoreCeiling === null ? "" : `, which alone caps one task per core at about ${times(slowCoreCeiling)}`}.`
      : "The cores were not probed, so how far they differed is unknown.",
    `Those runs kept ${range(busyCores)} cores busy, beside ${range(otherLoadCores)} cores of other load (the launcher, its meter, the OS).`,
    "",
  ];
}

/** Native key derivation's sequential run against the same work in plain JavaScript: the cell it is paired with. */
function againstJavaScript(baseline: CellTable | undefined, analysis: Analysis, columns: readonly Column[]): string[][] {
  const paired = analysis.comparisons.filter((one) => one.kind === "paired" && one.cellId === baseline?.cellId);
  if (!baseline?.cell.pairedWith || paired.length === 0) return [];
  const cells = columns.map((column) => {
    const comparison = paired.find((one) => one.kind === "paired" && one.runtime === column.label)?.comparison;
    return comparison ? judgedSpeedup(comparison) : "n/a";
  });
  return [["the sequential run against the same work in plain JavaScript", ...cells]];
}

export function workloadsSection(analysis: Analysis): string[] {
  const own = ofGroup(analysis.tables, "workloads").filter((table) => table.cell.params.kind === "cpu");
  const workloads = [...new Set(own.flatMap((table) => (table.cell.params.kind === "cpu" ? [table.cell.params.workload] : [])))];
  if (workloads.length === 0) return [];
  const columns = measuredIn(own);
  return [
    "The same models on an allocation-heavy, a memory-bound and a key-derivation task (one worker per core), each against the",
    "sequential run of the same tasks, paired by round, with its verdict. Key derivation by the runtime's native async API is",
    'the lesson\'s "C code that releases the lock": started together on one thread it can run in parallel on a thread pool;',
    "the same work in plain JavaScript cannot, and its native run is also compared with the JavaScript one.",
    "",
    ...workloads.flatMap((workload) => {
      const ofWorkload = own.filter((table) => table.cell.params.kind === "cpu" && table.cell.params.workload === workload);
      const baseline = ofWorkload.find((table) => table.cell.baseline === null);
      const models = ofWorkload.filter((table) => table.cell.baseline !== null);
      const params = baseline?.cell.params;
      const perTask = (column: Column) => {
        const row = baseline && measuredRowOf(baseline, column);
        return row ? `${ms(msPerTask(row))} ms` : "n/a";
      };
      return [
        `### ${WORKLOAD_TITLES[workload]}${params?.kind === "cpu" ? `, ${params.tasks} tasks of n = ${params.n}` : ""}`,
        "",
        ...labelledTable(
          ["model", ...columns.map((column) => column.label)],
          [
            ["the sequential run: work per task", ...columns.map(perTask)],
            ...againstJavaScript(baseline, analysis, columns),
            ...models.map((model) => {
              const cells = columns.map((column) => {
                const row = rowOf(model, column);
                if (!row) return "—";
                if (!isMeasured(row)) return reasonOf(row);
                return judgedOrNone(row.versusBaseline);
              });
              return [model.cell.readingName, ...cells];
            }),
          ],
        ),
        "",
      ];
    }),
  ];
}

/** "3.21 µs [3.10–3.40]" or "41.2 ms [39.0–44.1]": one operation's cost, from a run's timed part over its repetitions. */
function perOperation(row: MeasuredRow, repetitions: number): string {
  const median = row.wall.median / repetitions;
  const micro = median < 1;
  const show = (value: number) => (micro ? ms((value / repetitions) * 1000) : ms(value / repetitions));
  const { ci95 } = row.wall;
  return `${show(row.wall.median)} ${micro ? "µs" : "ms"} ${ci95 ? `[${show(ci95[0])}–${show(ci95[1])}]` : NO_INTERVAL}`;
}

function primitiveLabel(params: Extract<CellTable["cell"]["params"], { kind: "primitive" }>, title: string): string {
  if (params.operation !== "round-trip") return title;
  const payload =
    params.payloadBytes === 0
      ? "a small object"
      : params.payloadBytes >= 2 ** 20
        ? `${params.payloadBytes / 2 ** 20} MiB`
        : `${params.payloadBytes / 1024} KiB`;
  return `${title}: ${payload}, ${params.transfer ? "transferred" : "structured clone"}`;
}

export function primitivesSection(tables: readonly CellTable[]): string[] {
  const own = ofGroup(tables, "primitives");
  if (own.length === 0) return [];
  // Runtimes that could not run a primitive are named once under the table, not in a column of "n/a".
  const runtimes = measuredIn(own);
  return [
    "Each operation repeated one after another in a fresh process; the cost of one is the timed part over the repetitions,",
    "the median over rounds with its 95% interval. Starts are timed to the first answer of the new worker or process.",
    "",
    ...labelledTable(
      ["operation", ...runtimes.map((column) => column.label)],
      own.flatMap((table) => {
        const { params } = table.cell;
        if (params.kind !== "primitive") return [];
        const cells = runtimes.map((column) => {
          const row = rowOf(table, column);
          if (!row) return "—";
          return isMeasured(row) ? perOperation(row, params.repetitions) : reasonOf(row);
        });
        return [[primitiveLabel(params, table.cell.title), ...cells]];
      }),
    ),
    "",
    ...leftOut(own, runtimes),
  ];
}
