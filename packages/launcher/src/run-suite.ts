/**
 * Measures every selected runtime with the suite in one interleaved run: each round runs, in fresh processes,
 * every (runtime, cell) still needed, block by block in a seeded shuffled order (round-order.ts), so the two
 * runs of every pair a ratio makes sit side by side; cells whose comparisons have all settled drop out
 * (stopping-rule.ts), and the rounds stop when nothing is left open, at the maximum, or when the next round would
 * not fit in the time budget. Runs minutes apart would compare two moments of a machine whose speed moves 20-50%
 * over minutes; runs side by side share them.
 */
import { availableParallelism, loadavg } from "node:os";
import { describeComparison } from "@runtime-bench/model/comparisons";
import { isLookRound } from "@runtime-bench/model/looks";
import { byRuntimeOrder, type RuntimeName } from "@runtime-bench/model/runtimes";
import type { CellSpec } from "@runtime-bench/model/scenarios/params";
import { getRecord, shapeOf } from "@runtime-bench/model/scenarios/records";
import {
  type CellResult,
  type CoreSpeeds,
  type DescribeOutput,
  RESULT_SCHEMA_VERSION,
  type RunResult,
  type RuntimeRun,
  type ServerCapacity,
  type StopReason,
} from "@runtime-bench/model/schema";
import { CONFIDENCE } from "@runtime-bench/model/stats";
import { expandCells, type Profile } from "@runtime-bench/model/suite";
import { EFFECT_THRESHOLD } from "@runtime-bench/model/verdict";
import { plannedColumns } from "./bench-input.ts";
import { selectCells } from "./cell-selection.ts";
import { describeChildEnvironment } from "./child-environment.ts";
import type { Contender } from "./contender-launches.ts";
import { captureMachine, gitCommit } from "./machine.ts";
import type { MeasureOutcome } from "./measure-once.ts";
import type { MockApiProcess } from "./mock-api-process.ts";
import { type MeasurementBackend, processBackend } from "./process-backend.ts";
import { METER_DESCRIPTION } from "./resource-meter.ts";
import { MAX_PAIR_GAP_RUNS, planBlocks, roundOrder } from "./round-order.ts";
import { type OpenWork, openWork, runKey, stopReason } from "./stopping-rule.ts";

export interface SuiteRunOptions {
  /** The columns to measure: each runtime or contender (a version, build or flag set of one), ready to start. */
  contenders: readonly Contender[];
  /** The suite's runtimes that are not measured: recorded as n/a with `notSelectedReason`. */
  notSelected?: readonly RuntimeName[];
  notSelectedReason?: string;
  profileName: string;
  profile: Profile;
  /** Seeds the order of every round; recorded in the result. */
  seed: number;
  /** A real API the I/O cells go to instead of the mock API (--target); recorded, and the report marks the run. */
  target?: string | null;
  /** Patterns choosing the cells to measure (--scenarios, cell-selection.ts); absent or null: every cell. */
  scenarios?: readonly string[] | null;
  /** Progress lines for a person watching (stderr by default). */
  log?: (line: string) => void;
  /** Aborted when the run is interrupted: no further measurement starts. */
  signal?: AbortSignal;
  backend?: MeasurementBackend;
  /** Milliseconds on a monotonic clock (for the budget); replaceable in tests. */
  now?: () => number;
}

/** The run was interrupted; `partial` holds every cell with the runs it finished before that. */
export class RunInterruptedError extends Error {
  override name = "RunInterruptedError";
  readonly partial: RunResult;
  constructor(reason: string, partial: RunResult) {
    super(reason);
    this.partial = partial;
  }
}

/** A column of the run: `name` its runtime, `label` what its runs and comparisons go by (runKey, labelOf). */
type RuntimeState =
  | { name: RuntimeName; label: string; contender: Contender | null; status: "n/a"; selected: boolean; reason: string }
  | { name: RuntimeName; label: string; contender: Contender; status: "measured"; description: DescribeOutput; cells: CellResult[] };
type MeasuredState = Extract<RuntimeState, { status: "measured" }>;

interface Progress {
  startedAt: string;
  loadAtStart: number[];
  coresAtStart: CoreSpeeds;
  coresAfterEachRound: CoreSpeeds[];
  rounds: { warmup: number; counted: number };
  measuringMs: number;
  perRound: RunResult["run"]["precision"]["perRound"];
  api: MockApiProcess | null;
  serverCapacity: ServerCapacity | null;
}

export async function runSuite(options: SuiteRunOptions): Promise<RunResult> {
  const backend = options.backend ?? processBackend;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const progress: Progress = {
    startedAt: new Date().toISOString(),
    loadAtStart: loadavg(),
    coresAtStart: await backend.probeCores(options.profile.probeRounds, options.signal),
    coresAfterEachRound: [],
    rounds: { warmup: 0, counted: 0 },
    measuringMs: 0,
    perRound: [],
    api: null,
    serverCapacity: null,
  };
  const runtimes: RuntimeState[] = [];
  const interrupted = (stoppedBy: StopReason = "interrupted") =>
    new RunInterruptedError(String(options.signal?.reason), buildResult(options, runtimes, progress, stoppedBy, true));

  for (const name of options.notSelected ?? []) {
    const reason = options.notSelectedReason ?? "not selected";
    runtimes.push({ name, label: name, contender: null, status: "n/a", selected: false, reason });
  }
  for (const contender of options.contenders) {
    const { label, runtime: name } = contender;
    const described = await backend.describe(contender.launch);
    if (options.signal?.aborted) throw interrupted();
    if ("unavailable" in described) {
      log(`[${label}] SKIPPED: ${described.unavailable}; its cells are n/a`);
      runtimes.push({ name, label, contender, status: "n/a", selected: true, reason: described.unavailable });
    } else {
      log(`[${label}] ${described.runtime.version} (${described.runtime.engine} ${described.runtime.engineVersion})`);
      runtimes.push({ name, label, contender, status: "measured", description: described, cells: [] });
    }
  }
  // In the suite's order of runtimes, as every run before contenders listed them.
  runtimes.sort(byRuntimeOrder);

  const measured = runtimes.filter((runtime): runtime is MeasuredState => runtime.status === "measured");
  const target = options.target ?? null;
  const planned = chosenCells(
    expandCells(options.profile, { cores: availableParallelism(), baseUrl: target ?? "", target: target ? "real" : "mock-api" }),
    options,
    log,
  );
  const needsApi = target === null && measured.length > 0 && planned.some((cell) => cell.params.kind === "io");
  progress.api = needsApi ? await backend.startMockApi(options.profile.io) : null;
  try {
    if (progress.api) {
      log(`[bench] mock API listening on ${progress.api.url} (${progress.api.latencyMs} ms latency), one for every runtime`);
      const { capacity } = options.profile.io;
      if (capacity) {
        progress.serverCapacity = await backend.measureServerCapacity(progress.api, capacity);
        log(`[bench] mock API capacity: ${describeCapacity(progress.serverCapacity)}`);
      }
    }
    if (target) log(`[bench] the I/O cells go to ${withoutCredentials(target)}, a real API: no latency injected, no sweep`);
    const cells = progress.api ? planned.map(atAddress(progress.api.url)) : planned;
    for (const runtime of measured) runtime.cells = cells.map(emptyResult);
    const stoppedBy = measured.length > 0 ? await measureRounds(cells, measured, options, backend, progress, log, interrupted) : "settled";
    return buildResult(options, runtimes, progress, stoppedBy, false);
  } finally {
    await progress.api?.stop();
  }
}

/** An I/O cell pointed at the mock API's address, known only once it has started (other cells as they are). */
const atAddress =
  (url: string) =>
  (cell: CellSpec): CellSpec =>
    cell.params.kind === "io" ? { ...cell, params: { ...cell.params, baseUrl: url } } : cell;

/** The cells --scenarios chose, with the baselines they are compared with; every cell without it. */
function chosenCells(cells: CellSpec[], options: SuiteRunOptions, log: (line: string) => void): CellSpec[] {
  if (!options.scenarios) return cells;
  const selection = selectCells(cells, options.scenarios, options.profileName);
  const baselines =
    selection.addedBaselines.length > 0 ? `, with the baselines they are compared with (${selection.addedBaselines.join(", ")})` : "";
  log(`[bench] --scenarios ${options.scenarios.join(",")}: ${selection.cells.length} of ${cells.length} cells${baselines}`);
  return selection.cells;
}

async function measureRounds(
  cells: CellSpec[],
  runtimes: MeasuredState[],
  options: SuiteRunOptions,
  backend: MeasurementBackend,
  progress: Progress,
  log: (line: string) => void,
  interrupted: () => RunInterruptedError,
): Promise<StopReason> {
  const { profile, signal } = options;
  const now = options.now ?? (() => performance.now());
  const budgetMs = profile.precision.budgetMinutes * 60_000;
  const timeoutMs = profile.cellTimeoutSeconds * 1000;
  const blocks = planRunBlocks(cells, runtimes);
  // How long each run last took, launch to exit: what the next round is expected to cost.
  const lastDurationMs = new Map<string, number>();
  // The runs the next round makes ("runtime cellId"); null: every run that is still ok. It changes after the
  // rounds below the minimum and at each look (stopping-rule.ts), and holds between looks.
  let needed: Set<string> | null = null;
  const measuringStart = now();
  for (let round = 0; ; round++) {
    const roundStart = now();
    const isWarmup = round < profile.rounds.warmup;
    const roundName = isWarmup ? `warm-up ${round + 1}/${profile.rounds.warmup}` : `round ${progress.rounds.counted + 1}`;
    const isFirstCounted = round === profile.rounds.warmup;
    const order = roundOrder(options.seed, round, blocks, ({ cellIndex, runtime: label }) => {
      const result = stateOf(runtimes, label).cells[cellIndex]!;
      // A failed or n/a cell is not retried every round; a settled one is not measured again.
      return result.status === "ok" && (needed?.has(runKey(label, result.cellId)) ?? true);
    });
    let runsMs = 0;
    for (const [slot, { cellIndex, runtime: label, block }] of order.entries()) {
      const runtime = stateOf(runtimes, label);
      const result = runtime.cells[cellIndex]!;
      const cell = cells[cellIndex]!;
      // The in-process (mitata) figure is taken in the first counted round, after a run's timed part (the other
      // rounds stay lean), for the headline cells, whose tables show it.
      const request = { cell, measureInProcess: isFirstCounted && cell.group === "headline" };
      const started = now();
      const outcome = await backend.measure(runtime.contender.launch, request, timeoutMs, cell.params.kind === "io" ? progress.api : null);
      if (signal?.aborted) throw interrupted(); // a run cut short by the interruption is not a result; the runs before it are
      const took = now() - started;
      lastDurationMs.set(runKey(label, result.cellId), took);
      runsMs += took;
      const recorded = recordRun(result, outcome, { round, slot, block, isWarmup });
      log(`[${roundName} · ${slot + 1}/${order.length}] ${label} ${result.cellId}: ${recorded}`);
    }
    // ~1 s per round: shows whether a core, or the whole machine, was slow while this round ran.
    progress.coresAfterEachRound.push(await backend.probeCores(options.profile.probeRounds, signal));
    if (signal?.aborted) throw interrupted();
    if (isWarmup) progress.rounds.warmup++;
    else progress.rounds.counted++;
    progress.measuringMs = now() - measuringStart;

    const { counted } = progress.rounds;
    const work = openWork(runtimes, isWarmup ? Number.POSITIVE_INFINITY : profile.rounds.min);
    if (isWarmup || counted < profile.rounds.min || isLookRound(counted, profile.rounds.min)) needed = work.active;
    const next = [...(needed ?? work.active)].filter((key) => isStillOk(runtimes, key));
    const roundMs = now() - roundStart;
    // The next round's runs at their last durations, scaled by what this round cost beyond its runs (the probe).
    const beyondRuns = runsMs > 0 ? roundMs / runsMs : 1;
    const nextRoundMs = next.reduce((sum, key) => sum + (lastDurationMs.get(key) ?? 0), 0) * beyondRuns;
    progress.perRound.push({
      round,
      runs: order.length,
      seconds: roundMs / 1000,
      open: work.open.length,
      comparisons: work.comparisons.length,
    });
    const state = {
      counted,
      maxRounds: profile.rounds.max,
      nextRuns: next.length,
      nextRoundMs,
      elapsedMs: progress.measuringMs,
      budgetMs,
    };
    // After a warm-up round only the budget can stop the run.
    const stop = isWarmup ? (state.elapsedMs + nextRoundMs > budgetMs ? "budget" : null) : stopReason(state);
    log(`[${roundName}] ${describeRound(order.length, roundMs, work, state, progress.coresAfterEachRound.at(-1)!)}`);
    if (stop) {
      log(`[bench] stopped after ${progress.rounds.counted} counted rounds: ${STOP_WORDS[stop]}`);
      return stop;
    }
  }
}

/** The blocks every round is made of; a run that is n/a before any process starts (a reference's) takes no place. */
function planRunBlocks(cells: readonly CellSpec[], runtimes: readonly MeasuredState[]) {
  for (const runtime of runtimes) {
    runtime.cells.forEach((result, index) => {
      const reason = runtime.contender.launch.notApplicable?.(cells[index]!);
      if (reason) Object.assign(result, { status: "n/a", reason });
    });
  }
  return planBlocks(
    cells,
    plannedColumns(runtimes.map(({ label, name }) => ({ label, runtime: name }))),
    (label, cell) => stateOf(runtimes, label).cells.find((result) => result.cellId === cell.cellId)?.status === "ok",
  );
}

const stateOf = (runtimes: readonly MeasuredState[], label: string): MeasuredState =>
  runtimes.find((candidate) => candidate.label === label)!;

/** Whether the run behind a runKey is still one to measure (it may have failed or been n/a since). */
function isStillOk(runtimes: readonly MeasuredState[], key: string): boolean {
  return runtimes.some((runtime) => runtime.cells.some((cell) => cell.status === "ok" && runKey(runtime.label, cell.cellId) === key));
}

/** "62 runs in 71 s; 14 of 41 comparisons open (…); next round ~25 s (18 runs); 9.5 of 13 min budget left; probe …" */
function describeRound(
  runs: number,
  roundMs: number,
  work: OpenWork,
  state: { nextRuns: number; nextRoundMs: number; elapsedMs: number; budgetMs: number },
  cores: CoreSpeeds,
): string {
  const shown = work.open.slice(0, 3).map(describeComparison);
  const more = work.open.length > shown.length ? `, +${work.open.length - shown.length} more` : "";
  const open = `${work.open.length} of ${work.comparisons.length} comparisons open${shown.length > 0 ? ` (${shown.join("; ")}${more})` : ""}`;
  const leftMs = Math.max(0, state.budgetMs - state.elapsedMs);
  const next =
    state.nextRuns > 0 ? `next round ~${(state.nextRoundMs / 1000).toFixed(0)} s (${state.nextRuns} runs)` : "nothing left to measure";
  return (
    `${runs} runs in ${(roundMs / 1000).toFixed(0)} s; ${open}; ${next}; at most ${(leftMs / 60_000).toFixed(1)} of ` +
    `${(state.budgetMs / 60_000).toFixed(1)} min left; probe per core: ${describeCores(cores)}`
  );
}

const STOP_WORDS: Record<StopReason, string> = {
  settled: "every comparison settled (faster, slower or equivalent) and every cell had its minimum of rounds",
  budget: "the next round would not fit in the time budget",
  "max-rounds": "the profile's maximum number of rounds",
  interrupted: "interrupted",
};

const describeCapacity = (capacity: ServerCapacity): string =>
  "unavailable" in capacity
    ? `n/a (${capacity.unavailable})`
    : `${capacity.requestsPerSecond.toFixed(0)} requests/s to ${capacity.tool} (${capacity.connections} connections, ${capacity.durationSeconds} s, ${capacity.errors} errors)`;

/**
 * Why server and clients share the cores: pinning chooses the conditions a figure is taken in, and on a machine
 * of a few cores it would take cores from the clients; each cell records the server's own CPU use instead.
 */
const PINNING = "not pinned: server and clients share every core (each cell records the server's CPU use apart)";

export const describeCores = (speeds: CoreSpeeds): string =>
  "ms" in speeds ? speeds.ms.map((ms) => `${ms.toFixed(1)} ms`).join(" / ") : `n/a (${speeds.unavailable})`;

function emptyResult(cell: CellSpec): CellResult {
  const scenario = getRecord(cell.scenarioId);
  const shape = shapeOf(scenario, cell.params, availableParallelism());
  return {
    cellId: cell.cellId,
    group: cell.group,
    scenarioId: cell.scenarioId,
    kind: scenario.kind,
    title: scenario.title,
    readingName: scenario.readingName,
    lessonAnalogue: scenario.lessonAnalogue,
    size: cell.size,
    // The API's port changes every run and means nothing to a reader.
    params:
      cell.params.kind === "io"
        ? { ...cell.params, baseUrl: cell.params.target === "mock-api" ? "(mock API)" : withoutCredentials(cell.params.baseUrl) }
        : cell.params,
    parallelism: shape.parallelism,
    ideal: shape.ideal,
    baseline: cell.baseline,
    pairedWith: cell.pairedWith,
    comparedAcrossRuntimes: cell.comparedAcrossRuntimes,
    status: "ok",
    implementation: "",
    notes: [],
    warmup: [],
    samples: [],
    inProcess: null,
  };
}

/** Adds one run to its cell (or marks the cell n/a or failed); returns what the progress line says about it. */
function recordRun(
  result: CellResult,
  outcome: MeasureOutcome,
  { round, slot, block, isWarmup }: { round: number; slot: number; block: string; isWarmup: boolean },
): string {
  if (outcome.kind === "n/a") {
    result.status = "n/a";
    result.reason = outcome.reason;
    return `n/a (${outcome.reason})`;
  }
  if (outcome.kind === "failed" || outcome.output.errors.length > 0) {
    result.status = "failed";
    // Every failed task is counted, never averaged away: "3 of 100 tasks failed: ...".
    result.reason =
      outcome.kind === "failed"
        ? outcome.reason
        : `${outcome.output.errors.length} of ${outcome.output.tasks} tasks failed: ${outcome.output.errors.slice(0, 3).join("; ")}`;
    return `FAILED: ${result.reason}`;
  }
  (isWarmup ? result.warmup : result.samples).push({ round, slot, block, ...outcome.sample });
  result.implementation = outcome.output.implementation;
  result.notes = outcome.output.notes;
  result.inProcess = outcome.output.inProcess ?? result.inProcess;
  return `${outcome.sample.wallMs.toFixed(1)} ms`;
}

/** Whether any column is other than a pinned runtime by its name, without flags: then every column records its label and source. */
const isContenderRun = (runtimes: readonly RuntimeState[]): boolean =>
  runtimes.some(
    ({ contender, label, name }) =>
      contender !== null && (label !== name || contender.record.source.kind !== "pinned" || contender.record.flags.length > 0),
  );

/** What an interrupted run keeps: cells with a finished run, and cells that already failed (with their reason). */
const isWorthKeeping = (result: CellResult): boolean => result.status !== "ok" || result.warmup.length + result.samples.length > 0;

function buildResult(
  options: SuiteRunOptions,
  runtimes: RuntimeState[],
  progress: Progress,
  stoppedBy: StopReason,
  partial: boolean,
): RunResult {
  const { profile } = options;
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    machine: captureMachine(),
    run: {
      profile: options.profileName,
      startedAt: progress.startedAt,
      finishedAt: new Date().toISOString(),
      gitCommit: gitCommit(),
      order: { kind: "blocks", seed: options.seed, maxPairGapRuns: MAX_PAIR_GAP_RUNS },
      rounds: progress.rounds,
      precision: {
        confidence: CONFIDENCE,
        effectThreshold: EFFECT_THRESHOLD,
        minRounds: profile.rounds.min,
        maxRounds: profile.rounds.max,
        budgetSeconds: profile.precision.budgetMinutes * 60,
        stoppedBy,
        measuringSeconds: progress.measuringMs / 1000,
        perRound: progress.perRound,
      },
      mockApi: progress.api
        ? {
            latencyMs: progress.api.latencyMs,
            runtime: `node ${process.versions.node}`,
            ...(progress.serverCapacity ? { capacity: progress.serverCapacity } : {}),
            pinning: PINNING,
          }
        : null,
      meter: METER_DESCRIPTION,
      coreProbe: { start: progress.coresAtStart, afterEachRound: progress.coresAfterEachRound, rounds: profile.probeRounds },
      loadAverage: { start: progress.loadAtStart, end: loadavg() },
      environment: describeChildEnvironment(),
      ...(options.target ? { target: withoutCredentials(options.target) } : {}),
      ...(options.scenarios ? { scenarios: [...options.scenarios] } : {}),
    },
    runtimes: runtimes.map((runtime): RuntimeRun => {
      // A run of the pinned runtimes only is recorded as before contenders: no label, no contender record.
      const column = isContenderRun(runtimes) && runtime.contender ? { label: runtime.label, contender: runtime.contender.record } : {};
      return runtime.status === "n/a"
        ? { name: runtime.name, ...column, status: "n/a", selected: runtime.selected, reason: runtime.reason }
        : {
            name: runtime.name,
            ...column,
            status: "measured",
            description: runtime.description,
            cells: partial ? runtime.cells.filter(isWorthKeeping) : runtime.cells,
          };
    }),
  };
}

/** A target as a result file and the log may show it: a connection string's user name and password left out. */
export function withoutCredentials(target: string): string {
  try {
    const url = new URL(target);
    if (url.username === "" && url.password === "") return target;
    url.username = "";
    url.password = "";
    return url.href;
  } catch {
    return target;
  }
}
