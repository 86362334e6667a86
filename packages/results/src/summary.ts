/**
 * The few lines the report opens with: the lesson's questions answered by this run, each line a claim in bold that
 * follows from the verdicts (summaryClaim: it splits only where a difference in the lesson's direction settled), then
 * the evidence: every figure with its 95% interval, its verdict word ("faster", "slower", "equivalent" or
 * "inconclusive") and its rounds. Built from the same analysis as the full reading (findings.ts), shortened: the
 * models at their largest size, the start-up cost of a fresh executor per task at the smallest size, where each model
 * starts to pay off, memory per unit of concurrency, and the runtimes. Like the reading, it knows no scenario id.
 */

import { isUnderTest } from "@runtime-bench/model/runtimes";
import { runsOffThread } from "@runtime-bench/model/scenarios/params";
import { startsExecutorPerTask } from "@runtime-bench/model/scenarios/records";
import type { RunResult } from "@runtime-bench/model/schema";
import { twoClusters } from "@runtime-bench/model/stats";
import { type CellTable, isMeasured } from "./analyze.ts";
import { fastestPerWorkloadLine, NOT_EQUAL_ARITHMETIC } from "./fastest.ts";
import {
  type Compared,
  capitalise,
  clientOf,
  compared,
  crossoverFindings,
  isLargestOfItsScenario,
  PAY_OFF,
  SHOWN_SLOWER,
  sizeOf,
  splitBy,
  summaryClaim,
} from "./findings.ts";
import { joinWords, judgedSpeedup, kibSlope, mibSlope, perRuntime, times } from "./format.ts";
import { ioSweep } from "./io-sweep.ts";
import { scaling } from "./scaling.ts";

/** "1.90x [1.77–1.92] faster (n = 12)": how many times faster than the baseline, its interval, the verdict and its rounds. */
const judged = (row: Compared) => judgedSpeedup(row.versusBaseline);

export function summary(result: RunResult, tables: readonly CellTable[]): string[] {
  const headline = tables.filter((table) => table.cell.group === "headline");
  const lines = [
    ...headline
      .filter((table) => table.cell.baseline !== null && table.cell.comparedAcrossRuntimes && clientOf(table) === null)
      .filter((table) => isLargestOfItsScenario(table, headline))
      .map((table) => modelLine(table, headline)),
    smallestSizeLine(headline),
    ...lessonLines(headline),
    ...crossoverFindings(tables),
    nativeOffloadLine(tables),
    memoryLine(result, tables),
    fastestPerWorkloadLine(tables),
  ];
  return lines.filter((line): line is string => line !== null);
}

const nameOf = (table: CellTable) => table.cell.readingName;

function modelLine(table: CellTable, tables: readonly CellTable[]): string | null {
  const rows = compared(table);
  const baseline = tables.find((other) => other.cellId === table.cell.baseline);
  if (rows.length === 0 || !baseline) return null;
  const { ideal, params } = table.cell;
  const size =
    params.kind === "cpu" ? `${params.tasks} tasks of n = ${params.n}` : params.kind === "io" ? `${params.requests} requests` : "";
  const limit = "speedup" in ideal && ideal.speedup > 1 ? `, ideal ${ideal.speedup.toFixed(2)}x` : "";
  return `**${capitalise(nameOf(table))}: ${summaryClaim(rows)}.** ${perRuntime(rows, judged)} against ${nameOf(baseline)} (${size}${limit}).`;
}

/**
 * Where start-up shows: at the smallest CPU size, whether the models that start an executor per task (a fresh worker,
 * a fresh process) were shown slower than their baseline. The other models' figures at that size are in the tables.
 */
function smallestSizeLine(tables: readonly CellTable[]): string | null {
  const cpu = tables.filter((table) => table.cell.params.kind === "cpu");
  const smallest = Math.min(...cpu.map(sizeOf));
  if (cpu.every((table) => sizeOf(table) === smallest)) return null;
  const starting = cpu.filter(
    (table) => sizeOf(table) === smallest && table.cell.baseline !== null && startsExecutorPerTask(table.cell.scenarioId),
  );
  const models = starting.flatMap((table) => {
    const rows = compared(table);
    return rows.length > 0 ? [{ name: nameOf(table), rows, claim: summaryClaim(rows, SHOWN_SLOWER) }] : [];
  });
  if (models.length === 0) return null; // no comparison with enough rounds: nothing to claim
  // Models with the same claim share it: "a fresh worker thread per task and a fresh child process per task: slower on every runtime".
  const claims = [...new Set(models.map((model) => model.claim))].map(
    (claim) => `${joinWords(models.filter((model) => model.claim === claim).map((model) => model.name))}: ${claim}`,
  );
  const anySlower = models.some((model) => splitBy(model.rows, SHOWN_SLOWER)[0].length > 0);
  const lead = anySlower ? "starting an executor per task cost more than the work" : "starting an executor per task";
  const evidence = models.map((model) => `${model.name}: ${perRuntime(model.rows, judged)}`);
  return `**At the smallest size (n = ${smallest}), ${lead}: ${claims.join("; ")}.** ${capitalise(evidence.join("; "))}.`;
}

/** The lesson's "native code that releases the lock": a native async API started together on the main thread. */
function nativeOffloadLine(tables: readonly CellTable[]): string | null {
  const offloaded = tables.filter(
    (table) =>
      table.cell.group === "workloads" &&
      table.cell.params.kind === "cpu" &&
      runsOffThread(table.cell.params.workload) &&
      table.cell.baseline !== null &&
      table.cell.parallelism === 1,
  );
  const table = offloaded[0];
  const rows = table ? compared(table) : [];
  if (!table || rows.length === 0) return null;
  return `**${capitalise(nameOf(table))}, native key derivation started together on one thread: ${summaryClaim(rows)}.** ${perRuntime(rows, judged)} against one after another.`;
}

/** Memory per unit of concurrency: per in-flight async request and per worker thread (I/O), per added pool executor (CPU). */
function memoryLine(result: RunResult, tables: readonly CellTable[]): string | null {
  const memory = ioSweep(result, tables)?.memory ?? [];
  const perRequest = memory.flatMap((one) =>
    one.perInFlightRequest && one.inFlight
      ? [
          {
            runtime: one.runtime,
            text: `${kibSlope(one.perInFlightRequest)} at C = ${one.inFlight.concurrency[0]}-${one.inFlight.concurrency.at(-1)}`,
          },
        ]
      : [],
  );
  const perThread = memory.flatMap((one) => (one.perWorker ? [{ runtime: one.runtime, text: mibSlope(one.perWorker) }] : []));
  const parts = [
    ...(perRequest.length > 0 ? [`per in-flight async request ${perRuntime(perRequest, (one) => one.text)}`] : []),
    ...(perThread.length > 0 ? [`per worker thread holding requests ${perRuntime(perThread, (one) => one.text)}`] : []),
    ...scaling(tables).flatMap((model) => {
      const figures = model.perRuntime.flatMap((one) =>
        one.memoryPerWorker ? [{ runtime: one.runtime, text: mibSlope(one.memoryPerWorker) }] : [],
      );
      return figures.length > 0 ? [`per executor added to ${model.readingName} ${perRuntime(figures, (one) => one.text)}`] : [];
    }),
  ];
  return parts.length > 0
    ? `**Memory per unit of concurrency** (slope of peak PSS, garbage not yet collected included, with its interval; per request ` +
        `only where the runtime holds them in flight, with the number of requests held constant): ${parts.join("; ")}.`
    : null;
}

/**
 * The lesson's own experiment, per Python reference measured: each of its models against its baseline at the lesson's
 * size, and its sequential time over the fastest runtime's on the same work.
 */
function lessonLines(tables: readonly CellTable[]): string[] {
  const lesson = tables.filter(
    (table) => table.cell.comparedAcrossRuntimes && (table.cell.size === "lesson" || table.cell.params.kind === "io"),
  );
  const references = [...new Set(lesson.flatMap((table) => table.rows.filter(isMeasured).map((row) => row.runtime)))].filter(
    (runtime) => !isUnderTest(runtime),
  );
  return references.flatMap((runtime) => {
    const rows = lesson.flatMap((table) => table.rows.filter(isMeasured).filter((row) => row.runtime === runtime));
    const judgedRows = rows.filter((row): row is Compared => row.versusBaseline !== null);
    if (judgedRows.length === 0) return [];
    // One claim per group of models: "a warmed process pool and concurrent async requests paid off; ... not shown to pay off".
    const [paidOff, notShown] = splitBy(judgedRows, PAY_OFF);
    const models = (group: Compared[]) => joinWords(group.map((row) => row.cell.readingName));
    const claim = [
      ...(paidOff.length > 0 ? [`${models(paidOff)} ${PAY_OFF.yes}`] : []),
      ...(notShown.length > 0 ? [`${models(notShown)} ${PAY_OFF.no}`] : []),
    ].join("; ");
    const figures = judgedRows.map((row) => `${row.cell.readingName} ${judgedSpeedup(row.versusBaseline)}`);
    const sequential = rows.find((row) => row.cell.baseline === null && row.referenceOverFastest);
    // A ratio of medians from a reference whose runs split in two clusters stands for neither cluster: it says so.
    const split = sequential && twoClusters(sequential.cell.samples.map((sample) => Math.log(sample.wallMs)));
    const gap = sequential?.referenceOverFastest
      ? `. ${capitalise(sequential.referenceOverFastest.fastest)} ran its sequential tasks ${times(sequential.referenceOverFastest.ratio)} as fast (medians, unpaired` +
        `${split ? `; ${runtime}'s runs split in two clusters ${times(split.factor)} apart, so this ratio stands for neither` : ""}), ` +
        `on unequal arithmetic: ${NOT_EQUAL_ARITHMETIC}`
      : "";
    return [`**The lesson itself, in ${runtime} (a reference): ${claim}.** Each against its baseline: ${figures.join(", ")}${gap}.`];
  });
}
