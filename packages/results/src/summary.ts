/**
 * A run's claims (claims.ts) as the report reads them out (claim-words.ts): the summary it opens with, the full reading
 * in details.md and a user's task's summary. The summary also gives the memory each unit of concurrency costs: figures.
 */
import type { RunResult } from "@runtime-bench/model/schema";
import type { Analysis } from "./analyze.ts";
import { claimLine } from "./claim-words.ts";
import { readingClaims, summaryClaims, taskClaims } from "./claims.ts";
import { kibSlope, mibSlope } from "./format.ts";
import { ioSweep } from "./io-sweep.ts";
import { scaling } from "./scaling.ts";
import type { TaskRun } from "./task-run.ts";
import { perColumn } from "./text.ts";

export function summary(result: RunResult, analysis: Analysis): string[] {
  const claims = summaryClaims(analysis);
  const lines = (kind: "fastest" | "other") =>
    claims.filter((claim) => (claim.kind === "fastest") === (kind === "fastest")).flatMap((claim) => claimLine(claim, "summary") ?? []);
  const memory = memoryLine(result, analysis);
  return [...lines("other"), ...(memory === null ? [] : [memory]), ...lines("fastest")];
}

/** details.md's reading: every model with its variants, start-up, the crossover ladder and the fastest, each verdict said. */
export const reading = (analysis: Analysis): string[] => readingClaims(analysis).flatMap((claim) => claimLine(claim, "reading") ?? []);

/** Which model pays off for a user's task, from what size, on which column; the fastest per size. */
export const taskSummary = (task: TaskRun): string[] => taskClaims(task).flatMap((claim) => claimLine(claim, "task") ?? []);

/** Memory per unit of concurrency: per in-flight async request and per worker thread (I/O), per added pool executor (CPU). */
function memoryLine(result: RunResult, analysis: Analysis): string | null {
  const memory = ioSweep(result, analysis)?.memory ?? [];
  const perRequest = memory.flatMap((one) =>
    one.perInFlightRequest && one.inFlight
      ? [
          {
            column: one.column,
            text: `${kibSlope(one.perInFlightRequest)} at C = ${one.inFlight.concurrency[0]}-${one.inFlight.concurrency.at(-1)}`,
          },
        ]
      : [],
  );
  const perThread = memory.flatMap((one) => (one.perWorker ? [{ column: one.column, text: mibSlope(one.perWorker) }] : []));
  const parts = [
    ...(perRequest.length > 0 ? [`per in-flight async request ${perColumn(perRequest, (one) => one.text)}`] : []),
    ...(perThread.length > 0 ? [`per worker thread holding requests ${perColumn(perThread, (one) => one.text)}`] : []),
    ...scaling(analysis.tables).flatMap((model) => {
      const figures = model.perColumn.flatMap((one) =>
        one.memoryPerWorker ? [{ column: one.column, text: mibSlope(one.memoryPerWorker) }] : [],
      );
      return figures.length > 0 ? [`per executor added to ${model.readingName} ${perColumn(figures, (one) => one.text)}`] : [];
    }),
  ];
  return parts.length > 0
    ? `**Memory per unit of concurrency** (slope of peak PSS, garbage not yet collected included, with its interval; per request ` +
        `only where the runtime holds them in flight, with the number of requests held constant): ${parts.join("; ")}.`
    : null;
}
