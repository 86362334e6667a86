/**
 * The version question (issue 29): where a run measured two or more contenders of one runtime (node@24 and node, a
 * local build, a flag set), what each is, and for each pair what settled between them (faster, slower, equivalent,
 * with the figure and interval), what stayed inconclusive, and where the lesson's claims read differently, taken from
 * the claim records (claims.ts), not from sentences.
 */
import { comparisonLookup, type PairedComparison } from "@runtime-bench/model/comparisons";
import type { RuntimeRun } from "@runtime-bench/model/schema";
import { EFFECT_THRESHOLD } from "@runtime-bench/model/verdict";
import type { Analysis } from "./analyze.ts";
import { type Answer, type Claim, type LadderOutcome, readingClaims } from "./claims.ts";
import { type Column, isRanked } from "./column.ts";
import { judgedSpeedup, percent } from "./format.ts";
import { table } from "./table.ts";
import { joinWords, wrapBullet } from "./text.ts";

/** Two contenders of one runtime: `older` first as the run lists them, `newer` compared against it. */
interface Rivals {
  older: Column;
  newer: Column;
}

/** Every pair of measured contenders of one runtime, in the columns' order. */
export function rivalsOf(analysis: Analysis): Rivals[] {
  const measured = analysis.runs.filter(({ column, run }) => isRanked(column) && run.status === "measured").map(({ column }) => column);
  return measured.flatMap((older, index) =>
    measured.slice(index + 1).flatMap((newer) => (newer.runtime === older.runtime ? [{ older, newer }] : [])),
  );
}

export function versionsSection(analysis: Analysis): string[] {
  const rivals = rivalsOf(analysis);
  if (rivals.length === 0) return [];
  const runtimes = new Set(rivals.map(({ older }) => older.runtime));
  const contenders = analysis.runs.filter(({ column }) => runtimes.has(column.runtime));
  const rows = contenders.map(({ column, run }) => [column.label, versionOf(run), sourceOf(run), flagsOf(run)]);
  return [
    "Each contender of one runtime is a column; every headline cell and the primitive costs compare each pair side by side, in",
    "the same blocks, as runtimes are compared. A ratio reads as the second's speed-up over the first.",
    "",
    ...table(["column", "version", "from", "flags"], rows),
    "",
    ...rivals.flatMap((pair) => pairLines(pair, analysis)),
  ];
}

function pairLines({ older, newer }: Rivals, analysis: Analysis): string[] {
  const find = comparisonLookup(analysis.comparisons);
  const cellIds = [...new Set(analysis.comparisons.flatMap((one) => (one.kind === "runtimes" ? [one.cellId] : [])))];
  const compared = cellIds.flatMap((cellId) => {
    const comparison = find.between(newer.label, older.label, cellId);
    return comparison ? [{ cellId, comparison }] : [];
  });
  const settled = (verdict: PairedComparison["verdict"]) => compared.filter(({ comparison }) => comparison.verdict === verdict);
  const figures = (list: typeof compared) => list.map(({ cellId, comparison }) => `${cellId} ${judgedSpeedup(comparison)}`);
  const ids = (list: typeof compared) => joinWords(list.map(({ cellId }) => cellId));
  const differences = [...settled("faster"), ...settled("slower")];
  const equivalent = settled("equivalent");
  const open = settled("inconclusive");
  return [
    `### ${newer.label} against ${older.label}`,
    "",
    ...wrapBullet(
      differences.length > 0
        ? `**Settled differences (${differences.length} of ${compared.length})**: ${figures(differences).join("; ")}.`
        : `**No difference settled** in ${compared.length} comparisons.`,
    ),
    ...(equivalent.length > 0
      ? wrapBullet(`**Equivalent (within ±${percent(EFFECT_THRESHOLD)}, ${equivalent.length})**: ${ids(equivalent)}.`)
      : []),
    ...(open.length > 0 ? wrapBullet(`**Inconclusive (${open.length})**: ${ids(open)}.`) : []),
    ...wrapBullet(claimDifferences(older, newer, readingClaims(analysis))),
    "",
  ];
}

/** Where the lesson's claims read differently for the two: a model that pays off in one and not the other, a ladder that moved. */
function claimDifferences(older: Column, newer: Column, claims: readonly Claim[]): string {
  const lines = claims.flatMap((claim) =>
    statesOf(claim, older, newer).flatMap(({ what, states: [a, b] }) =>
      a === b ? [] : [`${what}: ${a} on ${older.label}, ${b} on ${newer.label}`],
    ),
  );
  return lines.length > 0
    ? `**The lesson's claims differ (${lines.length})**: ${lines.join("; ")}.`
    : "**The lesson's claims read the same on both** (each model's pay-off, the start-up cost, the crossover).";
}

const ANSWER: Record<Answer, string> = { yes: "shown", no: "shown not to", open: "inconclusive" };
const ladderState = (outcome: LadderOutcome): string => (outcome.from ? `from ${outcome.from.size}` : ANSWER[outcome.answer]);

/** What a claim states of each of the two columns, per thing it claims (a start-up claim, per model), where both have it. */
function statesOf(claim: Claim, older: Column, newer: Column): Array<{ what: string; states: [string, string] }> {
  const pick = <T extends { column: Column }>(outcomes: readonly T[], state: (outcome: T) => string) => {
    const found = [older, newer].map((column) => outcomes.find((outcome) => outcome.column.label === column.label));
    return found[0] && found[1] ? [[state(found[0]), state(found[1])] as [string, string]] : [];
  };
  const answer = (outcome: { answer: Answer }) => ANSWER[outcome.answer];
  switch (claim.kind) {
    case "model":
      return pick(claim.outcomes, answer).map((states) => ({ what: `${claim.model.cellId} pays off`, states }));
    case "start-up":
      return claim.models.flatMap(({ model, outcomes }) =>
        pick(outcomes, answer).map((states) => ({ what: `${model.cellId} costs more than sequential`, states })),
      );
    case "ladder":
      return pick(claim.outcomes, ladderState).map((states) => ({ what: `${claim.scenarioId} pays off`, states }));
    default:
      return [];
  }
}

const versionOf = (run: RuntimeRun): string => (run.status === "measured" ? run.description.runtime.version : `n/a (${run.reason})`);

function sourceOf(run: RuntimeRun): string {
  const source = run.contender?.source ?? { kind: "pinned" };
  if (source.kind === "pinned") return "pinned (root package.json)";
  if (source.kind === "registry") return `npm registry: ${source.requested} resolved to ${source.version}`;
  return `local build: \`${source.path}\``;
}

const flagsOf = (run: RuntimeRun): string =>
  run.contender?.flags.length ? run.contender.flags.map((flag) => `\`${flag}\``).join(" ") : "none";
