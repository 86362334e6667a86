/**
 * The summary of a user's task: which model pays off, from what size, on which runtime, and the fastest runtime per
 * size. Each model's sentence reads the task's sizes as a crossover ladder (crossover.ts): it paid off from the
 * smallest size at which it, and every larger size, was faster than the sequential run by the verdict rule; it "did
 * not pay off" only where every size was shown slower or equivalent; anything else is called inconclusive, in that
 * word. A model a runtime could not run is named with its reason. The fastest runtime per size comes from the
 * paired runtime-against-runtime comparison of each size's sequential run (fastest.ts), as the suite's does.
 */
import type { RuntimeName } from "@runtime-bench/model/runtimes";
import { isUnderTest } from "@runtime-bench/model/runtimes";
import { type CellTable, isMeasured } from "./analyze.ts";
import { allShownNotToPayOff, type CrossoverModel, type CrossoverPoint, crossoverOf } from "./crossover.ts";
import { fastestClause, fastestIn } from "./fastest.ts";
import { capitalise, runtimesOf } from "./findings.ts";
import { judgedSpeedup } from "./format.ts";
import { measuredIn } from "./render-overview.ts";
import { modelName, type TaskRun, type Unavailable, unavailableIn } from "./task-run.ts";

/** What "pays off from a size" means, said once above the sentences that use it. */
export const PAY_OFF_EXPLAINED =
  'A model "paid off from" a size where it was faster than the sequential run of the same tasks at that size and every larger one, ' +
  'by the verdict rule; "did not pay off" means shown slower or equivalent at every size; "inconclusive" means neither was shown.';

export function taskSummary(task: TaskRun): string[] {
  const shown = measuredIn(task.tables);
  const ladder = crossoverOf(task.tables);
  const models = [...new Set(task.tables.filter((table) => table.cell.baseline !== null).map((table) => table.cell.scenarioId))];
  const lines = [
    ...models.map((scenarioId) => {
      const own = task.tables.filter((table) => table.cell.scenarioId === scenarioId);
      return modelLine(own, ladder.find((model) => model.scenarioId === scenarioId) ?? null, shown);
    }),
    fastestPerSizeLine(task),
  ];
  return lines.filter((line): line is string => line !== null);
}

type Measured = CrossoverModel["perRuntime"][number];

const figureAt = (point: CrossoverPoint) =>
  `${point.comparison ? judgedSpeedup(point.comparison) : "no comparison (too few rounds in common)"} at ${point.size}`;

const shownNotToPayOff = (one: Measured) => one.points.length > 0 && allShownNotToPayOff(one.points);

/** One runtime's claim: "paid off from 100 sections", "did not pay off up to 1000 sections" or "was inconclusive". */
function claimOf(one: Measured): string {
  if (one.from) return `paid off from ${one.from.size}${one.from === one.points[0] ? " (its smallest size)" : ""}`;
  return shownNotToPayOff(one) ? `did not pay off up to ${one.points.at(-1)!.size}` : "was inconclusive";
}

/** The figures a runtime's claim rests on: the size it paid off from and the one below, else every size. */
function evidenceOf(one: Measured): string {
  if (!one.from) return `${one.runtime}: ${one.points.map(figureAt).join(", ")}`;
  const below = one.points[one.points.indexOf(one.from) - 1];
  return `${one.runtime}: ${[...(below ? [below] : []), one.from].map(figureAt).join(", ")}`;
}

/**
 * "**A warmed worker pool paid off from 100 sections on node and bun; was inconclusive on deno:** node: ...; bun: ...;
 * deno: ...", or "**Concurrent async tasks on one thread: n/a** (...): why". Runtimes that measured nothing of the task
 * are left to the table's note.
 */
function modelLine(own: readonly CellTable[], model: CrossoverModel | null, shown: readonly RuntimeName[]): string {
  const name = capitalise(modelName(own[0]!));
  const outcomes = (model?.perRuntime ?? []).filter((one) => shown.includes(one.runtime));
  const missing = unavailableIn(own, shown);
  const unavailable = unavailableText(missing, outcomes.length === 0);
  if (outcomes.length === 0) return `**${name}: ${missing.some((one) => one.word === "failed") ? "not measured" : "n/a"}** ${unavailable}.`;
  // Paid off first, smallest size first; then did not pay off; then inconclusive.
  const rank = (one: Measured) => (one.from ? one.from.n : shownNotToPayOff(one) ? Number.MAX_SAFE_INTEGER : Number.POSITIVE_INFINITY);
  const ordered = [...outcomes].sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
  const claims = [...new Set(ordered.map(claimOf))].map((claim) => {
    const who = outcomes.filter((one) => claimOf(one) === claim);
    return `${claim} on ${runtimesOf(who, shown.length, "every runtime")}`;
  });
  const evidence = outcomes.map(evidenceOf).join("; ");
  return `**${name} ${claims.join("; ")}:** ${evidence}${unavailable ? `; ${unavailable}` : ""}.`;
}

/**
 * Why a model has no figure where it has none, each reason once: "(node, bun and deno, every size): markdown-render
 * offers no form that yields", or, beside figures, "n/a on deno, every size: why".
 */
function unavailableText(missing: readonly Unavailable[], nothingMeasured: boolean): string {
  return missing
    .map(({ word, why, where }) => {
      if (!nothingMeasured) return `${word} on ${where}: ${why}`;
      return word === "n/a" ? `(${where}): ${why}` : `(${where}): ${word}: ${why}`;
    })
    .join("; ");
}

/** Each size's sequential run, compared across the runtimes under test side by side (fastest.ts). */
function fastestPerSizeLine(task: TaskRun): string | null {
  const sequential = task.tables
    .filter((table) => table.cell.baseline === null)
    .filter((table) => table.rows.filter((row) => isMeasured(row) && isUnderTest(row.runtime)).length > 1);
  const parts = task.sizes.flatMap(({ label }) => {
    const table = sequential.find((candidate) => candidate.cell.size === label);
    return table ? [`${label}: ${fastestClause(fastestIn(table, label))}`] : [];
  });
  return parts.length > 0
    ? `**Fastest runtime per size** (the task's sequential run, the runtimes side by side): ${parts.join("; ")}.`
    : null;
}
