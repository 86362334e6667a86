/**
 * What a run claims, as records derived from its analysis by the verdict rule: each claim's subject, its outcome per
 * column and the comparisons that are its evidence. claim-words.ts words them; every part of the report that states a
 * claim (the summaries, the reading, the crossover tables, `--baseline`'s "same lesson?") reads these records.
 */
import type { PairedComparison } from "@runtime-bench/model/comparisons";
import { runsOffThread, WORKLOAD_TITLES } from "@runtime-bench/model/scenarios/params";
import { startsExecutorPerTask } from "@runtime-bench/model/scenarios/records";
import { type ClusterSplit, twoClusters } from "@runtime-bench/model/stats";
import type { Verdict } from "@runtime-bench/model/verdict";
import { type Analysis, type CellTable, isMeasured, type MeasuredRow } from "./analyze.ts";
import {
  baselineOf,
  clientOf,
  isHeadline,
  isLargestOfItsScenario,
  lessonTables,
  measuredIn,
  measuredRowOf,
  msPerTask,
  ofGroup,
  sizeOf,
} from "./cells.ts";
import { type Column, isRanked } from "./column.ts";
import { isDefaultView, type TaskRun, type Unavailable, unavailableIn } from "./task-run.ts";

/** What a claim asks of a comparison: whether the model paid off (was faster), or whether it cost more (was slower). */
export type Question = "pays-off" | "costs-more";
/** A column's answer: shown (yes), shown not (no: the other difference, or equivalent), or neither shown (open). */
export type Answer = "yes" | "no" | "open";

export function answerOf(question: Question, verdict: Verdict): Answer {
  if (verdict === "inconclusive") return "open";
  return verdict === (question === "pays-off" ? "faster" : "slower") ? "yes" : "no";
}

/** A row compared with its baseline: a model's outcome rests on it. */
export type Compared = MeasuredRow & { versusBaseline: PairedComparison };

export interface Outcome {
  column: Column;
  answer: Answer;
  evidence: Compared;
}

/** A model against its baseline at one size: per ranked column, whether it paid off. */
export interface ModelClaim {
  kind: "model";
  model: CellTable;
  baseline: CellTable;
  outcomes: Outcome[];
  /** The lesson's "native code that releases the lock": a native async API started together on one thread. */
  offload: boolean;
}

/** Where start-up shows: at the smallest CPU size, whether each model that starts an executor per task cost more. */
export interface StartupClaim {
  kind: "start-up";
  n: number;
  baseline: CellTable;
  models: Array<{ model: CellTable; outcomes: Outcome[] }>;
}

/** The lesson itself in a reference (a Python interpreter): each of its models at the lesson's size. */
export interface ReferenceClaim {
  kind: "reference";
  column: Column;
  models: Outcome[];
  /** Its sequential run's median over the fastest column's (unpaired), and whether its runs split in two clusters. */
  sequential: { ratio: number; fastest: Column; split: ClusterSplit | null } | null;
}

/** One size of a ladder, against the sequential run of the same tasks. */
export interface LadderPoint {
  n: number;
  /** The size's label as the cell names it (a user's task names its sizes: "100 sections"). */
  size: string;
  /** The sequential run's median over its tasks. */
  msPerTask: number;
  comparison: PairedComparison | null;
}

/** Yes from the smallest size at which it and every larger one paid off; no where every size was shown not to. */
export interface LadderOutcome {
  column: Column;
  answer: Answer;
  points: LadderPoint[];
  from: LadderPoint | null;
  /** The size below `from`: the crossing lies between the two. */
  below: LadderPoint | null;
  largestMsPerTask: number;
}

/** A model over a ladder of sizes: the suite's crossover ladder, or a user's task at its sizes. */
export interface LadderClaim {
  kind: "ladder";
  ladder: "crossover" | "task";
  scenarioId: string;
  model: CellTable;
  outcomes: LadderOutcome[];
  /** A task's n/a or failed columns, each reason once. */
  unavailable: Unavailable[];
  /** The columns that measured the ladder at all: "every runtime" counts these. */
  shown: Column[];
  /** Tasks per size, and the headline's where it differs. */
  tasks: { ladder: number; headline: number | null } | null;
}

/** Another column against the fastest: paired by round, or (where not side by side) unpaired. */
export type AgainstFastest =
  | { column: Column; paired: true; comparison: PairedComparison | null }
  | { column: Column; paired: false; speed: number };

/** The fastest column of one sequential cell: of a workload at its largest size, or of a task's size. */
export interface FastestEntry {
  label: string;
  n: number;
  /** Only a headline cell runs its columns side by side: only there is a leader ranked by the verdict rule. */
  paired: boolean;
  /** Faster than every other by the verdict rule (paired), else null; unpaired, the lowest median. */
  leader: Column | null;
  lowest: Column;
  others: AgainstFastest[];
}

export interface FastestClaim {
  kind: "fastest";
  over: "workload" | "size";
  entries: FastestEntry[];
}

export type Claim = ModelClaim | StartupClaim | ReferenceClaim | LadderClaim | FastestClaim;

/** What a claim is about, the same in any run that makes it: `--baseline` pairs two runs' claims by it. */
export function subjectOf(claim: Claim): string {
  switch (claim.kind) {
    case "model":
      // By model and client, not size: runs of two profiles pair the same model's claims at their largest sizes.
      return [claim.offload ? "offload" : "model", claim.model.cell.scenarioId, clientOf(claim.model) ?? ""].join(" ").trim();
    case "start-up":
      return "start-up at the smallest size";
    case "reference":
      return `reference ${claim.column.label}`;
    case "ladder":
      return `${claim.ladder} ${claim.scenarioId}`;
    case "fastest":
      return `fastest per ${claim.over}`;
  }
}

/** What a claim states at the summary's level (shown, or not): two runs make the same claim where subject and this agree. */
export function statedOf(claim: Claim): string {
  const shown = (outcomes: readonly Outcome[]) => outcomes.map((outcome) => [outcome.column.label, outcome.answer === "yes"]);
  switch (claim.kind) {
    case "model":
      return JSON.stringify(shown(claim.outcomes));
    case "start-up":
      return JSON.stringify(claim.models.map((one) => [one.model.cellId, shown(one.outcomes)]));
    case "reference":
      return JSON.stringify(claim.models.map((outcome) => [outcome.evidence.cell.cellId, outcome.answer === "yes"]));
    case "ladder":
      return JSON.stringify(claim.outcomes.map((outcome) => [outcome.column.label, outcome.answer]));
    case "fastest":
      return JSON.stringify(claim.entries.map((entry) => [entry.label, entry.paired, entry.leader?.label ?? null, entry.lowest.label]));
  }
}

const comparedRows = (table: CellTable): Compared[] =>
  table.rows.filter(isMeasured).filter((row): row is Compared => row.versusBaseline !== null && isRanked(row.column));

const outcomesOf = (rows: readonly Compared[], question: Question): Outcome[] =>
  rows.map((row) => ({ column: row.column, answer: answerOf(question, row.versusBaseline.verdict), evidence: row }));

function modelClaim(table: CellTable, tables: readonly CellTable[], offload = false): ModelClaim | null {
  const baseline = baselineOf(table, tables);
  const outcomes = outcomesOf(comparedRows(table), "pays-off");
  return baseline && outcomes.length > 0 ? { kind: "model", model: table, baseline, outcomes, offload } : null;
}

/** Every headline model against its baseline at its largest size, the labelled variants (other clients) too. */
export function modelClaims(analysis: Analysis): ModelClaim[] {
  const headline = analysis.tables.filter(isHeadline);
  return headline
    .filter((table) => table.cell.baseline !== null && isLargestOfItsScenario(table, headline))
    .flatMap((table) => modelClaim(table, headline) ?? []);
}

/** At the smallest CPU size of the headline, where start-up shows: the models that start an executor per task. */
export function startupClaim(analysis: Analysis): StartupClaim | null {
  const cpu = analysis.tables.filter((table) => isHeadline(table) && table.cell.params.kind === "cpu");
  const n = Math.min(...cpu.map(sizeOf));
  if (cpu.every((table) => sizeOf(table) === n)) return null; // one size only: the model claims cover it
  const starting = cpu.filter(
    (table) => sizeOf(table) === n && table.cell.baseline !== null && startsExecutorPerTask(table.cell.scenarioId),
  );
  const models = starting.flatMap((model) => {
    const outcomes = outcomesOf(comparedRows(model), "costs-more");
    return outcomes.length > 0 ? [{ model, outcomes }] : [];
  });
  const baseline = models[0] && baselineOf(models[0].model, cpu);
  return baseline ? { kind: "start-up", n, baseline, models } : null;
}

/** The lesson in each reference measured: its models at the lesson's size (CPU) and the I/O cells, each against its baseline. */
export function referenceClaims(analysis: Analysis): ReferenceClaim[] {
  const lesson = lessonTables(analysis.tables);
  const references = measuredIn(lesson).filter((column) => !isRanked(column));
  return references.flatMap((column) => {
    const rows = lesson.flatMap((table) => measuredRowOf(table, column) ?? []);
    const compared = rows.filter((row): row is Compared => row.versusBaseline !== null);
    if (compared.length === 0) return [];
    const sequential = rows.find((row) => row.cell.baseline === null && row.standing?.role === "reference");
    const standing = sequential?.standing?.role === "reference" ? sequential.standing : null;
    const split = sequential && twoClusters(sequential.cell.samples.map((sample) => Math.log(sample.wallMs)));
    const against = standing && { ratio: standing.overFastest, fastest: standing.fastest, split: split ?? null };
    return [{ kind: "reference" as const, column, models: outcomesOf(compared, "pays-off"), sequential: against }];
  });
}

/** A ladder's models (the suite's crossover group, or a task's cells), each column's outcome over its sizes. */
function ladderClaims(ladder: readonly CellTable[], kind: LadderClaim["ladder"], tasks: LadderClaim["tasks"]): LadderClaim[] {
  const shown = measuredIn(ladder);
  const models = ladder.filter((table) => table.cell.baseline !== null);
  return [...new Set(models.map((table) => table.cell.scenarioId))].flatMap((scenarioId): LadderClaim[] => {
    const own = models.filter((table) => table.cell.scenarioId === scenarioId);
    // A column without a comparison at any size says nothing of the model; a task's model no column ran says why.
    const outcomes = measuredIn(own)
      .map((column) => ladderOutcome(column, own, ladder))
      .filter((outcome) => outcome.points.length > 0);
    const unavailable = kind === "task" ? unavailableIn(own, shown) : [];
    if (outcomes.length === 0 && unavailable.length === 0) return [];
    return [{ kind: "ladder", ladder: kind, scenarioId, model: own[0]!, outcomes, unavailable, shown, tasks }];
  });
}

function ladderOutcome(column: Column, own: readonly CellTable[], ladder: readonly CellTable[]): LadderOutcome {
  const points = own
    .flatMap((table): LadderPoint[] => {
      const row = measuredRowOf(table, column);
      const baseline = baselineOf(table, ladder);
      const base = baseline && measuredRowOf(baseline, column);
      if (!row || !base || table.cell.params.kind !== "cpu") return [];
      return [{ n: table.cell.params.n, size: table.cell.size, msPerTask: msPerTask(base), comparison: row.versusBaseline }];
    })
    .sort((a, b) => a.n - b.n);
  const answers = points.map((point) => (point.comparison ? answerOf("pays-off", point.comparison.verdict) : "open"));
  const index = answers.findIndex((_, at) => answers.slice(at).every((answer) => answer === "yes"));
  const from = points[index] ?? null;
  const answer = from ? "yes" : answers.length > 0 && answers.every((one) => one === "no") ? "no" : "open";
  return { column, answer, points, from, below: points[index - 1] ?? null, largestMsPerTask: points.at(-1)?.msPerTask ?? 0 };
}

/** The suite's crossover ladder, and how many tasks each size ran against the headline's. */
export function crossoverClaims(analysis: Analysis): LadderClaim[] {
  const tasksOf = (tables: readonly CellTable[]) => {
    const params = tables.find((table) => table.cell.params.kind === "cpu")?.cell.params;
    return params?.kind === "cpu" ? params.tasks : null;
  };
  const ladder = ofGroup(analysis.tables, "crossover");
  const tasks = tasksOf(ladder);
  const headline = tasksOf(analysis.tables.filter(isHeadline));
  return ladderClaims(ladder, "crossover", tasks === null ? null : { ladder: tasks, headline: headline === tasks ? null : headline });
}

/** The lesson's "native code that releases the lock": a native async API started together on one thread. */
export function offloadClaim(analysis: Analysis): ModelClaim | null {
  const offloaded = ofGroup(analysis.tables, "workloads").find(
    (table) =>
      table.cell.params.kind === "cpu" &&
      runsOffThread(table.cell.params.workload) &&
      table.cell.baseline !== null &&
      table.cell.parallelism === 1,
  );
  return offloaded ? modelClaim(offloaded, analysis.tables, true) : null;
}

/** The fastest column of one sequential cell (`label` names what it ran). */
function fastestIn(table: CellTable, label: string): FastestEntry {
  const rows = table.rows.filter(isMeasured).filter((row) => isRanked(row.column));
  const paired = isHeadline(table);
  const lowest = rows.reduce((best, row) => (row.wall.median < best.wall.median ? row : best));
  const others = rows
    .filter((row) => row !== lowest)
    .map((row): AgainstFastest => {
      if (!paired) return { column: row.column, paired, speed: lowest.wall.median / row.wall.median };
      return { column: row.column, paired, comparison: row.standing?.role === "ranked" ? row.standing.versusFastest : null };
    });
  return { label, n: sizeOf(table), paired, leader: paired ? table.fastest : lowest.column, lowest: lowest.column, others };
}

/** Sequential cells that more than one ranked column measured. */
const sequentialOfSeveral = (tables: readonly CellTable[]) =>
  tables.filter((table) => table.cell.baseline === null && table.rows.filter((row) => isMeasured(row) && isRanked(row.column)).length > 1);

/** Per CPU workload, its sequential run at its largest size: in the headline (paired) where it has one, else unpaired. */
export function fastestPerWorkload(analysis: Analysis): FastestClaim | null {
  const sequential = sequentialOfSeveral(analysis.tables).filter(
    (table) => table.cell.params.kind === "cpu" && (isHeadline(table) || table.cell.group === "workloads"),
  );
  const workloads = [...new Set(sequential.flatMap((table) => (table.cell.params.kind === "cpu" ? [table.cell.params.workload] : [])))];
  const entries = workloads.map((workload) => {
    const own = sequential.filter((table) => table.cell.params.kind === "cpu" && table.cell.params.workload === workload);
    const headline = own.filter(isHeadline);
    const chosen = (headline.length > 0 ? headline : own).reduce((best, table) => (sizeOf(table) > sizeOf(best) ? table : best));
    return fastestIn(chosen, WORKLOAD_TITLES[workload]);
  });
  return entries.length > 0 ? { kind: "fastest", over: "workload", entries } : null;
}

const present = <T>(claim: T | null): T[] => (claim ? [claim] : []);

/** The suite's summary, in its order: the models (default clients), start-up, the references, the ladder, offload, the fastest. */
export function summaryClaims(analysis: Analysis): Claim[] {
  const models = modelClaims(analysis).filter((claim) => claim.model.cell.comparedAcrossRuntimes && clientOf(claim.model) === null);
  return [
    ...models,
    ...present(startupClaim(analysis)),
    ...referenceClaims(analysis),
    ...crossoverClaims(analysis),
    ...present(offloadClaim(analysis)),
    ...present(fastestPerWorkload(analysis)),
  ];
}

/** The full reading, in its order: every model with its variants, start-up, the ladder, the fastest. */
export const readingClaims = (analysis: Analysis): Claim[] => [
  ...modelClaims(analysis),
  ...present(startupClaim(analysis)),
  ...crossoverClaims(analysis),
  ...present(fastestPerWorkload(analysis)),
];

/** A user's task: each model over the task's sizes (a model no column ran: its reasons), then the fastest per size. */
export function taskClaims(task: TaskRun): Claim[] {
  // The views beside the default (input moved, in place) are compared in the summary's hand-off line, not here.
  const claims: Claim[] = ladderClaims(task.tables.filter(isDefaultView), "task", null);
  const sequential = sequentialOfSeveral(task.tables);
  const entries = task.sizes.flatMap(({ label }) => {
    const table = sequential.find((candidate) => candidate.cell.size === label);
    return table ? [fastestIn(table, label)] : [];
  });
  return [...claims, ...(entries.length > 0 ? [{ kind: "fastest" as const, over: "size" as const, entries }] : [])];
}
