/**
 * The report's plain-language reading, derived from the figures by code so it stays true when they change.
 * One sentence per scenario that declares a baseline (at its largest size): whether it paid off against that
 * baseline, per runtime, in words built from the names the scenarios declare (`readingName`), so the reading
 * knows no scenario id. Then the smallest size, where start-up shows, and the fastest runtime per workload. Each
 * claim (in bold) follows only from the verdicts (an interval that excludes 1.0 and a difference of at least
 * 5%), every figure comes with its interval, and no cause is named that the run did not measure.
 */
import type { PairedComparison } from "@runtime-bench/model/comparisons";
import { isUnderTest } from "@runtime-bench/model/runtimes";
import { VERDICTS, type Verdict } from "@runtime-bench/model/verdict";
import { type CellTable, isMeasured, type MeasuredRow } from "./analyze.ts";
import { allShownNotToPayOff, crossover, crossoverBracket } from "./crossover.ts";
import { fastestPerWorkloadLine } from "./fastest.ts";
import { joinWords, mib, ms, percent, perRuntime, speedupFigure } from "./format.ts";

export function findings(allTables: readonly CellTable[]): string[] {
  const tables = allTables.filter((table) => table.cell.group === "headline");
  const models = tables.filter((table) => table.cell.baseline !== null && isLargestOfItsScenario(table, tables));
  const lines = [
    ...models.map((table) => modelAgainstBaseline(table, tables)),
    smallestSize(tables),
    ...crossoverFindings(allTables),
    fastestPerWorkloadLine(allTables),
  ];
  return lines.filter((line): line is string => line !== null);
}

export const sizeOf = (table: CellTable) => (table.cell.params.kind === "cpu" ? table.cell.params.n : 0);
/** An I/O cell's client where it is not the runtime's default fetch: the same scenario once per client. */
export const clientOf = (table: CellTable) =>
  table.cell.params.kind === "io" && table.cell.params.client !== "default" ? table.cell.params.client : null;

export function isLargestOfItsScenario(table: CellTable, tables: readonly CellTable[]): boolean {
  const sameScenario = tables.filter((other) => other.cell.scenarioId === table.cell.scenarioId && clientOf(other) === clientOf(table));
  return (
    sameScenario.every((other) => sizeOf(other) <= sizeOf(table)) && sameScenario.find((other) => sizeOf(other) === sizeOf(table)) === table
  );
}

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export type Compared = MeasuredRow & { versusBaseline: PairedComparison };
/** The rows of the runtimes under test with a comparison against their baseline (a Python reference has its own section). */
export const compared = (table: CellTable): Compared[] =>
  table.rows.filter(isMeasured).filter((row): row is Compared => row.versusBaseline !== null && isUnderTest(row.runtime));

/** Rows grouped by the verdict of their comparison with the baseline. */
const withVerdict = (rows: Compared[], verdict: Verdict) => rows.filter((row) => row.versusBaseline.verdict === verdict);

const names = (rows: readonly { runtime: string }[]) => joinWords(rows.map((row) => row.runtime));

/** The runtimes of `group`, or `everyWord` ("every runtime") where it holds all `total` of them and there is more than one. */
export const runtimesOf = (group: readonly { runtime: string }[], total: number, everyWord: string): string =>
  group.length === total && total > 1 ? everyWord : names(group);

/**
 * "paid off on every runtime", "did not pay off on any runtime (slower on node; equivalent on bun and deno)",
 * "paid off on bun; inconclusive on node and deno". "Did not pay off" is said only of a comparison shown slower or
 * equivalent; one that is neither shown different nor shown equivalent is called inconclusive, in that word.
 */
export function payOffClaim(rows: Compared[]): string {
  const faster = withVerdict(rows, "faster");
  const slower = withVerdict(rows, "slower");
  const equivalent = withVerdict(rows, "equivalent");
  const inconclusive = withVerdict(rows, "inconclusive");
  const who = (group: Compared[], all: string) => runtimesOf(group, rows.length, all);
  const didNot = [...slower, ...equivalent];
  // "(slower)" where all are; "(slower on node; equivalent on bun)" where they differ.
  const why =
    slower.length === 0 || equivalent.length === 0
      ? [slower.length > 0 ? "slower" : "equivalent"]
      : [`slower on ${names(slower)}`, `equivalent on ${names(equivalent)}`];
  const parts = [
    ...(faster.length > 0 ? [`paid off on ${who(faster, "every runtime")}`] : []),
    ...(didNot.length > 0 ? [`did not pay off on ${who(didNot, "any runtime")} (${why.join("; ")})`] : []),
    ...(inconclusive.length > 0 ? [`was inconclusive on ${who(inconclusive, "every runtime")}`] : []),
  ];
  return parts.join("; ");
}

/**
 * The summary's claim, one level above the verdicts: "paid off on every runtime", "paid off on deno; not shown to pay
 * off on node and bun", "not shown to pay off on any runtime". It splits only where a run settled a difference in the
 * lesson's direction, and "not shown to pay off" is true of slower, equivalent and inconclusive alike; so a comparison
 * near the ±5% line that reads equivalent in one run and inconclusive in the next changes its verdict word in the
 * evidence, not the claim. Each runtime's verdict stays beside its figure.
 */
export function summaryClaim(rows: Compared[], outcome: Outcome = PAY_OFF): string {
  const [yes, no] = splitBy(rows, outcome);
  return [
    ...(yes.length > 0 ? [`${outcome.yes} on ${runtimesOf(yes, rows.length, "every runtime")}`] : []),
    ...(no.length > 0 ? [`${outcome.no} on ${runtimesOf(no, rows.length, "any runtime")}`] : []),
  ].join("; ");
}

/** What a summary claim asks of a comparison: the verdict that says yes, and the words for yes and for anything else. */
export interface Outcome {
  verdict: Verdict;
  yes: string;
  no: string;
}
export const PAY_OFF: Outcome = { verdict: "faster", yes: "paid off", no: "not shown to pay off" };
/** The claim about start-up at the smallest size: where a model was shown slower than its baseline. */
export const SHOWN_SLOWER: Outcome = { verdict: "slower", yes: "slower", no: "not shown slower" };

/** The rows whose comparison says yes to `outcome`, and the others. */
export const splitBy = <R extends Compared>(rows: readonly R[], outcome: Outcome): [R[], R[]] => [
  rows.filter((row) => row.versusBaseline.verdict === outcome.verdict),
  rows.filter((row) => row.versusBaseline.verdict !== outcome.verdict),
];

function modelAgainstBaseline(table: CellTable, tables: readonly CellTable[]): string | null {
  const rows = compared(table);
  const baselineTable = tables.find((other) => other.cellId === table.cell.baseline);
  if (rows.length === 0 || !baselineTable) return null;
  const client = clientOf(table);
  const name = `${table.cell.readingName}${client ? `, \`${client}\`` : ""}`;
  const baselineName = baselineTable.cell.readingName;
  const baselineRow = (row: MeasuredRow) => baselineTable.rows.filter(isMeasured).find((other) => other.runtime === row.runtime);
  const parts = [`${perRuntime(rows, (row) => speedupFigure(row.versusBaseline))} against ${baselineName}`];
  const { ideal } = table.cell;
  if ("speedup" in ideal && ideal.speedup > 1)
    parts.push(`ideal ${ideal.speedup.toFixed(2)}x, efficiency ${perRuntime(rows, (row) => percent(row.efficiency!))}`);
  if ("wallMs" in ideal) parts.push(`${perRuntime(rows, (row) => percent(row.efficiency!))} of the ideal time`);
  if (rows.every((row) => row.busyCores !== null)) parts.push(`${perRuntime(rows, (row) => row.busyCores!.toFixed(2))} cores busy`);
  if (rows.every((row) => row.eventLoopLag !== null)) {
    parts.push(`the main thread's event loop late by up to ${perRuntime(rows, (row) => `${ms(row.eventLoopLag!.maxMs)} ms`)}`);
  }
  const startup = startupText(rows);
  if (startup) parts.push(startup);
  const memory = rows.flatMap((row) => {
    const base = baselineRow(row);
    return row.peakPssMiB !== null && base?.peakPssMiB != null
      ? [{ runtime: row.runtime, own: row.peakPssMiB, base: base.peakPssMiB }]
      : [];
  });
  if (memory.length > 0)
    parts.push(`peak memory (PSS) ${perRuntime(memory, (m) => `${mib(m.own)} vs ${mib(m.base)}`)} against ${baselineName}`);
  return `**${capitalise(name)} ${payOffClaim(rows)}:** ${parts.join("; ")}.`;
}

/** "each fresh worker was ready after 25 ms (node), ... and took 3 ms (node), not reported (deno) to stop (medians)" */
function startupText(rows: MeasuredRow[]): string | null {
  const started = rows.filter((row) => row.startup !== null);
  if (started.length === 0) return null;
  const kind = started[0]!.cell.samples[0]?.executors[0]?.kind === "process" ? "child process" : "worker";
  const ready = perRuntime(started, (row) => `${ms(row.startup!.readyMs)} ms`);
  const teardown = perRuntime(started, (row) => (row.startup!.teardownMs === null ? "not reported" : `${ms(row.startup!.teardownMs)} ms`));
  return `each fresh ${kind} was ready after ${ready} and took ${teardown} to stop (medians)`;
}

/** At the smallest CPU size, where start-up costs show: which parallel runs were slower, equivalent, faster or inconclusive. */
function smallestSize(tables: readonly CellTable[]): string | null {
  const cpu = tables.filter((table) => table.cell.params.kind === "cpu");
  const smallest = Math.min(...cpu.map(sizeOf));
  if (cpu.every((table) => sizeOf(table) === smallest)) return null; // one size only: the model sentences cover it
  const parallel = cpu.filter((table) => sizeOf(table) === smallest && "speedup" in table.cell.ideal && table.cell.ideal.speedup > 1);
  const rows = parallel.flatMap(compared);
  const baseline = tables.find((table) => table.cellId === parallel[0]?.cell.baseline);
  if (rows.length === 0 || !baseline) return null;
  const perTask = perRuntime(
    baseline.rows.filter(isMeasured),
    (row) => `${ms(row.wall.median / (row.cell.params.kind === "cpu" ? row.cell.params.tasks : 1))} ms`,
  );
  const list = (group: Compared[]) =>
    group
      .map(
        (row) =>
          `${row.cell.readingName} on ${row.runtime} (${speedupFigure(row.versusBaseline)}${row.startup ? `, ready after ${ms(row.startup.readyMs)} ms` : ""})`,
      )
      .join(", ");
  const slower = withVerdict(rows, "slower");
  const parts = VERDICTS.flatMap((verdict) => {
    const group = withVerdict(rows, verdict);
    return group.length > 0 ? [`${verdict}: ${list(group)}`] : [];
  });
  const open = withVerdict(rows, "inconclusive").length;
  const claim =
    slower.length > 0
      ? `${slower.length} of ${rows.length} parallel runs were slower than ${baseline.cell.readingName}`
      : open > 0
        ? `no parallel run was shown slower than its baseline (${open} of ${rows.length} inconclusive)`
        : "no parallel run was slower than its baseline";
  return `**At the smallest size (n = ${smallest}, ${perTask} per task sequentially), ${claim}:** ${parts.join("; ")}.`;
}

/** " (2 tasks of each size; the headline runs 4)": the ladder's task count, and the headline's where it differs. */
function ladderTasks(tables: readonly CellTable[]): string {
  const tasksOf = (group: string) => {
    const params = tables.find((table) => table.cell.group === group && table.cell.params.kind === "cpu")?.cell.params;
    return params?.kind === "cpu" ? params.tasks : null;
  };
  const [ladder, headline] = [tasksOf("crossover"), tasksOf("headline")];
  if (ladder === null) return "";
  return ` (${ladder} tasks of each size${headline !== null && headline !== ladder ? `; the headline runs ${headline}` : ""})`;
}

/** One sentence per model of the crossover ladder: from which work per task it paid off, per runtime. */
export function crossoverFindings(tables: readonly CellTable[]): string[] {
  return crossover(tables).map(({ readingName, perRuntime: runtimes }) => {
    const paid = runtimes.filter((runtime) => runtime.from !== null);
    // "Did not pay off" only where every size was shown slower or equivalent; otherwise it was not shown either way.
    const shownNot = runtimes.filter((runtime) => runtime.from === null && allShownNotToPayOff(runtime.points));
    const claim =
      paid.length === runtimes.length
        ? "paid off"
        : paid.length === 0
          ? shownNot.length === runtimes.length
            ? "did not pay off at any size"
            : "was not shown to pay off at any size"
          : `paid off on ${names(paid)} only`;
    const figures = runtimes
      .map((runtime) =>
        runtime.from || !shownNot.includes(runtime)
          ? `${crossoverBracket(runtime)} (${runtime.runtime})`
          : `not up to ${ms(runtime.largestMsPerTask)} ms per task (${runtime.runtime})`,
      )
      .join(", ");
    return `**${capitalise(readingName)} ${claim} on the crossover ladder${ladderTasks(tables)}:** ${figures}.`;
  });
}
