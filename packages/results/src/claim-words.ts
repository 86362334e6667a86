/**
 * Claim records (claims.ts) in words, as noise.ts words warnings: a state reads the same wherever it is said. A line is
 * the claim in bold, then its evidence, every figure with its interval, rounds and verdict. The summary speaks one level
 * above the verdicts ("paid off" or "not shown to pay off": a comparison near the ±5% line that is equivalent in one run
 * and inconclusive in the next changes the evidence's verdict word, not the claim); the reading and a task's summary
 * say each verdict ("paid off", "did not pay off" for slower or equivalent, "was inconclusive").
 */

import { VERDICTS } from "@runtime-bench/model/verdict";
import { isMeasured } from "./analyze.ts";
import { clientOf, measuredRowOf, msPerTask, withoutAside } from "./cells.ts";
import type {
  Answer,
  Claim,
  Compared,
  FastestClaim,
  FastestEntry,
  LadderClaim,
  LadderOutcome,
  LadderPoint,
  ModelClaim,
  Outcome,
  ReferenceClaim,
  StartupClaim,
} from "./claims.ts";
import { judgedOrNone, judgedSpeedup, mib, ms, percent, speedupFigure, times } from "./format.ts";
import type { Unavailable } from "./task-run.ts";
import { capitalise, joinWords, labels, perColumn } from "./text.ts";

/** Said beside any time ratio between the Python reference and a JavaScript runtime: the loops do different work. */
const NOT_EQUAL_ARITHMETIC =
  "Python's loop adds exact integers of any size (the squares pass 64 bits), JavaScript's adds them modulo 2^32 in small-integer steps";

/** What "pays off from a size" means, said once above a task's claims. */
export const PAY_OFF_EXPLAINED =
  'A model "paid off from" a size where it was faster than the sequential run of the same tasks at that size and every larger one, ' +
  'by the verdict rule; "did not pay off" means shown slower or equivalent at every size; "inconclusive" means neither was shown.';

/** Each answer's one wording, in every voice. */
const PAYS_OFF: Record<Answer, string> = { yes: "paid off", no: "did not pay off", open: "was inconclusive" };
/** The summary's level: shown, or not shown (slower, equivalent and inconclusive alike). */
const SUMMARY_WORDS = {
  "pays-off": { yes: "paid off", notYes: "not shown to pay off" },
  "costs-more": { yes: "slower", notYes: "not shown slower" },
} as const;

/** The claim's line in the voice asked for; null where that voice says nothing of it. */
export function claimLine(claim: Claim, voice: "summary" | "reading" | "task"): string | null {
  switch (claim.kind) {
    case "model":
      if (claim.offload) return voice === "summary" ? offloadLine(claim) : null;
      return voice === "summary" ? modelSummary(claim) : modelReading(claim);
    case "start-up":
      return voice === "summary" ? startupSummary(claim) : startupReading(claim);
    case "reference":
      return referenceSummary(claim);
    case "ladder":
      return claim.ladder === "task" ? taskLadderLine(claim) : crossoverLine(claim);
    case "fastest":
      return claim.over === "size" ? fastestPerSizeLine(claim) : fastestPerWorkloadLine(claim);
  }
}

/** The claim alone, without its evidence, as the summary states it: what `--baseline` shows of a claim that changed. */
export const claimOnly = (claim: Claim): string =>
  /^\*\*(.+?)\*\*/.exec(claimLine(claim, "summary") ?? claimLine(claim, "reading") ?? "")?.[1] ?? "";

const ANSWER_ORDER: Record<Answer, number> = { yes: 0, no: 1, open: 2 };
type Grouping<T> = { total?: number; order?: (a: T, b: T) => number; after?: (group: T[]) => string };

/**
 * "paid off on node and bun; was inconclusive on deno": the phrases in `order` (yes, no, open), each group's columns in
 * the columns' order; a group of all `total` columns (> 1) is "every runtime", or "any runtime" after a denial (no).
 */
function grouped<T extends Outcome | LadderOutcome>(items: readonly T[], phraseOf: (item: T) => string, how: Grouping<T> = {}): string {
  const { total = items.length, order = (a, b) => ANSWER_ORDER[a.answer] - ANSWER_ORDER[b.answer], after = () => "" } = how;
  return [...new Set([...items].sort(order).map(phraseOf))]
    .map((phrase) => {
      const group = items.filter((item) => phraseOf(item) === phrase);
      const all = group[0]!.answer === "no" ? "any runtime" : "every runtime";
      return `${phrase} on ${group.length === total && total > 1 ? all : labels(group)}${after(group)}`;
    })
    .join("; ");
}

/** "paid off on every runtime", "paid off on deno; not shown to pay off on node and bun": shown, and not shown. */
const summaryClaim = (outcomes: readonly Outcome[], words: { yes: string; notYes: string }): string =>
  grouped(
    outcomes.map((outcome): Outcome => ({ ...outcome, answer: outcome.answer === "yes" ? "yes" : "no" })), // one level above the verdicts
    (outcome) => (outcome.answer === "yes" ? words.yes : words.notYes),
  );

/** "paid off on bun; did not pay off on node and deno (slower on node; equivalent on deno)": each answer, and why not. */
function readingClaim(outcomes: readonly Outcome[]): string {
  const why = (group: Outcome[]) => {
    if (group[0]?.answer !== "no") return "";
    const [slower, equivalent] = (["slower", "equivalent"] as const).map((verdict) =>
      group.filter((outcome) => outcome.evidence.versusBaseline.verdict === verdict),
    );
    if (slower!.length === 0 || equivalent!.length === 0) return ` (${slower!.length > 0 ? "slower" : "equivalent"})`;
    return ` (slower on ${labels(slower!)}; equivalent on ${labels(equivalent!)})`;
  };
  return grouped(outcomes, (outcome) => PAYS_OFF[outcome.answer], { after: why });
}

/** "1.90x [1.77–1.92, n = 12] faster": how many times faster than the baseline, its interval, rounds and verdict. */
const judged = (row: Compared) => judgedSpeedup(row.versusBaseline);
const rowsOf = (outcomes: readonly Outcome[]) => outcomes.map((outcome) => outcome.evidence);

function modelSummary({ model, baseline, outcomes }: ModelClaim): string {
  const { ideal, params } = model.cell;
  const size =
    params.kind === "cpu" ? `${params.tasks} tasks of n = ${params.n}` : params.kind === "io" ? `${params.requests} requests` : "";
  const limit = "speedup" in ideal && ideal.speedup > 1 ? `, ideal ${ideal.speedup.toFixed(2)}x` : "";
  const claim = summaryClaim(outcomes, SUMMARY_WORDS["pays-off"]);
  return `**${capitalise(model.cell.readingName)}: ${claim}.** ${perColumn(rowsOf(outcomes), judged)} against ${baseline.cell.readingName} (${size}${limit}).`;
}

function offloadLine({ model, outcomes }: ModelClaim): string {
  const claim = summaryClaim(outcomes, SUMMARY_WORDS["pays-off"]);
  return `**${capitalise(model.cell.readingName)}, native key derivation started together on one thread: ${claim}.** ${perColumn(rowsOf(outcomes), judged)} against one after another.`;
}

/** The reading adds efficiency, busy cores, event-loop lag, start-up and memory per column. */
function modelReading({ model, baseline, outcomes }: ModelClaim): string {
  const rows = rowsOf(outcomes);
  const client = clientOf(model);
  const name = `${model.cell.readingName}${client ? `, \`${client}\`` : ""}`;
  const baselineName = baseline.cell.readingName;
  const parts = [`${perColumn(rows, (row) => speedupFigure(row.versusBaseline))} against ${baselineName}`];
  const { ideal } = model.cell;
  if ("speedup" in ideal && ideal.speedup > 1)
    parts.push(`ideal ${ideal.speedup.toFixed(2)}x, efficiency ${perColumn(rows, (row) => percent(row.efficiency!))}`);
  if ("wallMs" in ideal) parts.push(`${perColumn(rows, (row) => percent(row.efficiency!))} of the ideal time`);
  if (rows.every((row) => row.busyCores !== null)) parts.push(`${perColumn(rows, (row) => row.busyCores!.toFixed(2))} cores busy`);
  if (rows.every((row) => row.eventLoopLag !== null)) {
    parts.push(`the main thread's event loop late by up to ${perColumn(rows, (row) => `${ms(row.eventLoopLag!.maxMs)} ms`)}`);
  }
  const startup = startupText(rows);
  if (startup) parts.push(startup);
  const memory = rows.flatMap((row) => {
    const base = measuredRowOf(baseline, row.column)?.peakPssMiB;
    return row.peakPssMiB !== null && base != null ? [{ column: row.column, own: row.peakPssMiB, base }] : [];
  });
  if (memory.length > 0)
    parts.push(`peak memory (PSS) ${perColumn(memory, (m) => `${mib(m.own)} vs ${mib(m.base)}`)} against ${baselineName}`);
  return `**${capitalise(name)} ${readingClaim(outcomes)}:** ${parts.join("; ")}.`;
}

/** "each fresh worker was ready after 25 ms (node), ... and took 3 ms (node), not reported (deno) to stop (medians)" */
function startupText(rows: readonly Compared[]): string | null {
  const started = rows.filter((row) => row.startup !== null);
  if (started.length === 0) return null;
  const kind = started[0]!.cell.samples[0]?.executors[0]?.kind === "process" ? "child process" : "worker";
  const ready = perColumn(started, (row) => `${ms(row.startup!.readyMs)} ms`);
  const teardown = perColumn(started, (row) => (row.startup!.teardownMs === null ? "not reported" : `${ms(row.startup!.teardownMs)} ms`));
  return `each fresh ${kind} was ready after ${ready} and took ${teardown} to stop (medians)`;
}

/** "starting an executor per task cost more than the work: a fresh worker thread per task and ...: slower on every runtime". */
function startupWords({ models }: StartupClaim): string {
  const claimOf = (one: StartupClaim["models"][number]) => summaryClaim(one.outcomes, SUMMARY_WORDS["costs-more"]);
  const claims = [...new Set(models.map(claimOf))].map(
    (claim) => `${joinWords(models.filter((one) => claimOf(one) === claim).map((one) => one.model.cell.readingName))}: ${claim}`,
  );
  const anySlower = models.some((one) => one.outcomes.some((outcome) => outcome.answer === "yes"));
  return `${anySlower ? "starting an executor per task cost more than the work" : "starting an executor per task"}: ${claims.join("; ")}`;
}

function startupSummary(claim: StartupClaim): string {
  const evidence = claim.models.map((one) => `${one.model.cell.readingName}: ${perColumn(rowsOf(one.outcomes), judged)}`);
  return `**At the smallest size (n = ${claim.n}), ${startupWords(claim)}.** ${capitalise(evidence.join("; "))}.`;
}

/** The reading adds the work per task and, by verdict, each run's figure and how soon its executor was ready. */
function startupReading(claim: StartupClaim): string {
  const perTask = perColumn(claim.baseline.rows.filter(isMeasured), (row) => `${ms(msPerTask(row))} ms`);
  const outcomes = claim.models.flatMap((one) => one.outcomes);
  const parts = VERDICTS.flatMap((verdict) => {
    const runs = outcomes
      .filter((outcome) => outcome.evidence.versusBaseline.verdict === verdict)
      .map(({ column, evidence }) => {
        const ready = evidence.startup ? `, ready after ${ms(evidence.startup.readyMs)} ms` : "";
        return `${evidence.cell.readingName} on ${column.label} (${speedupFigure(evidence.versusBaseline)}${ready})`;
      });
    return runs.length > 0 ? [`${verdict}: ${runs.join(", ")}`] : [];
  });
  return `**At the smallest size (n = ${claim.n}, ${perTask} per task sequentially), ${startupWords(claim)}:** ${parts.join("; ")}.`;
}

/** The lesson's own experiment in a reference: its models that paid off and those not shown to, each with its figure. */
function referenceSummary({ column, models, sequential }: ReferenceClaim): string {
  const names = (group: readonly Outcome[]) => joinWords(group.map((outcome) => outcome.evidence.cell.readingName));
  const paidOff = models.filter((outcome) => outcome.answer === "yes");
  const notShown = models.filter((outcome) => outcome.answer !== "yes");
  const words = SUMMARY_WORDS["pays-off"];
  const claim = [
    ...(paidOff.length > 0 ? [`${names(paidOff)} ${words.yes}`] : []),
    ...(notShown.length > 0 ? [`${names(notShown)} ${words.notYes}`] : []),
  ].join("; ");
  const figures = models.map(({ evidence }) => `${evidence.cell.readingName} ${judged(evidence)}`);
  // A ratio of medians from a reference whose runs split in two clusters stands for neither cluster: it says so.
  const gap = sequential
    ? `. ${capitalise(sequential.fastest.label)} ran its sequential tasks ${times(sequential.ratio)} as fast (medians, unpaired` +
      `${sequential.split ? `; ${column.label}'s runs split in two clusters ${times(sequential.split.factor)} apart, so this ratio stands for neither` : ""}), ` +
      `on unequal arithmetic: ${NOT_EQUAL_ARITHMETIC}`
    : "";
  return `**The lesson itself, in ${column.label} (a reference): ${claim}.** Each against its baseline: ${figures.join(", ")}${gap}.`;
}

/** "between 0.2 and 10.0 ms per task" (paid off), "not up to 800 ms per task" (did not), "not shown up to ..." (inconclusive). */
export function ladderPosition(outcome: LadderOutcome): string {
  const { from, below } = outcome;
  if (!from) return `${outcome.answer === "no" ? "not" : "not shown"} up to ${ms(outcome.largestMsPerTask)} ms per task`;
  return below
    ? `between ${ms(below.msPerTask)} and ${ms(from.msPerTask)} ms per task`
    : `at the smallest size, ${ms(from.msPerTask)} ms per task, already`;
}

/** "paid off from small (its smallest size) on bun"; the crossover ladder's claim names no size: its evidence does. */
function ladderClaim(claim: LadderClaim): string {
  const phrase = (outcome: LadderOutcome) => {
    if (claim.ladder === "crossover") return `${PAYS_OFF[outcome.answer]}${outcome.answer === "no" ? " at any size" : ""}`;
    if (outcome.answer === "yes")
      return `${PAYS_OFF.yes} from ${outcome.from!.size}${outcome.from === outcome.points[0] ? " (its smallest size)" : ""}`;
    return outcome.answer === "no" ? `${PAYS_OFF.no} up to ${outcome.points.at(-1)!.size}` : PAYS_OFF.open;
  };
  // A task's claim names the size a column paid off from: those read smallest first.
  const bySize = (a: LadderOutcome, b: LadderOutcome) => (claim.ladder === "task" ? (a.from?.n ?? 0) - (b.from?.n ?? 0) : 0);
  return grouped(claim.outcomes, phrase, {
    total: claim.shown.length,
    order: (a, b) => ANSWER_ORDER[a.answer] - ANSWER_ORDER[b.answer] || bySize(a, b),
  });
}

/** "**On the crossover ladder (2 tasks of each size), a warmed worker pool paid off on every runtime:** between ..." */
function crossoverLine(claim: LadderClaim): string {
  const { tasks } = claim;
  const ladder = `the crossover ladder${tasks ? ` (${tasks.ladder} tasks of each size${tasks.headline !== null ? `; the headline runs ${tasks.headline}` : ""})` : ""}`;
  const figures = claim.outcomes.map((outcome) => `${ladderPosition(outcome)} (${outcome.column.label})`).join(", ");
  return `**On ${ladder}, ${claim.model.cell.readingName} ${ladderClaim(claim)}:** ${figures}.`;
}

const figureAt = (point: LadderPoint) => `${judgedOrNone(point.comparison)} at ${point.size}`;

/** The figures a column's claim rests on: the size it paid off from and the one below, else every size. */
const evidenceOf = (outcome: LadderOutcome): string =>
  `${outcome.column.label}: ${(outcome.from ? [...(outcome.below ? [outcome.below] : []), outcome.from] : outcome.points).map(figureAt).join(", ")}`;

/** A model's columns with no figure, and why: "n/a on node, bun and deno, every size: why" (a task's summary and table). */
export const unavailableWords = ({ word, why, columns, sizes }: Unavailable): string =>
  `${word} on ${joinWords(columns.map((column) => column.label))}, ${sizes ? `at ${joinWords(sizes)}` : "every size"}: ${why}`;

/** A task's model over its sizes; where no column has a figure of it, only why: "**...: n/a on node, every size: why.**" */
function taskLadderLine(claim: LadderClaim): string {
  const name = capitalise(withoutAside(claim.model.cell.readingName));
  const unavailable = claim.unavailable.map(unavailableWords);
  if (claim.outcomes.length === 0) return `**${name}: ${unavailable.join("; ")}.**`;
  return `**${name} ${ladderClaim(claim)}:** ${[...claim.outcomes.map(evidenceOf), ...unavailable].join("; ")}.`;
}

/** Who leads: the column faster than every other (paired), else "no single <none> (lowest median: ...)"; unpaired, the lowest median. */
const leaderOf = (entry: FastestEntry, none: string): string =>
  entry.paired
    ? (entry.leader?.label ?? `no single ${none} (lowest median: ${entry.lowest.label})`)
    : `lowest median ${entry.lowest.label}`;

/** "node 0.67x [...] slower, deno ...": the others' speed against the fastest (unpaired: said so); "" if none. */
function othersAgainst({ others, paired }: FastestEntry): string {
  if (others.length === 0) return "";
  const figure = (other: FastestEntry["others"][number]) => (other.paired ? judgedOrNone(other.comparison) : times(other.speed));
  return `${others.map((other) => `${other.column.label} ${figure(other)}`).join(", ")}${paired ? "" : " (medians, unpaired: no verdict)"}`;
}

/** "**Fastest runtime per workload (...): bun for sum of squares (n = 300000000).** Speed against it: ...". */
function fastestPerWorkloadLine({ entries }: FastestClaim): string {
  const claims = entries.map((entry) => `${leaderOf(entry, "runtime")} for ${entry.label} (n = ${entry.n})`);
  const evidence = entries.flatMap((entry) => (entry.others.length > 0 ? [`${entry.label}: ${othersAgainst(entry)}`] : []));
  const against = evidence.length > 0 ? ` Speed against it: ${evidence.join("; ")}.` : "";
  return `**Fastest runtime per workload (its sequential run at its largest size): ${claims.join("; ")}.**${against}`;
}

/** Each size of a task: "small: bun, speed against it: node 0.60x [...] slower, ...". */
function fastestPerSizeLine({ entries }: FastestClaim): string {
  const parts = entries.map((entry) => {
    const rest = othersAgainst(entry);
    return `${entry.label}: ${leaderOf(entry, "fastest")}${rest ? `, speed against it: ${rest}` : ""}`;
  });
  return `**Fastest runtime per size** (the task's sequential run, the runtimes side by side): ${parts.join("; ")}.`;
}
