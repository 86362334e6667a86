/**
 * Benchmarks one runtime: describes it, starts the mock API, measures every cell of the profile in fresh
 * processes (warm-up runs first, uncounted), and returns the result for the file.
 */
import { availableParallelism, loadavg } from "node:os";
import { getScenario, type CellSpec } from "../scenarios/index.ts";
import {
  cellOutputSchema,
  describeOutputSchema,
  RESULT_SCHEMA_VERSION,
  type CellOutput,
  type CellResult,
  type CellSample,
  type CoreSpeeds,
  type RunResult,
} from "../schema.ts";
import { expandCells, type Profile } from "../suite.ts";
import { captureMachine, gitCommit } from "./machine.ts";
import { pinnedVersion } from "./runtime-binaries.ts";
import { runMeasurementProcess, type MeasurementCommand } from "./measurement-process.ts";
import { startMockApiProcess } from "./mock-api-process.ts";
import { startResourceMeter, type ResourceUsage } from "./resource-meter.ts";
import { probeEachCore, probeMachineSpeed, speedDrift } from "./speed-probe.ts";
import type { RuntimeName } from "../primitives.ts";

export interface RuntimeRunOptions {
  runtime: RuntimeName;
  command: MeasurementCommand;
  profileName: string;
  profile: Profile;
  /** Progress lines for a person watching (stderr by default). */
  log?: (line: string) => void;
  /** Aborted when the run is interrupted: no further measurement starts. */
  signal?: AbortSignal;
}

/** The run was interrupted; `finishedCells` holds every cell with the runs it finished before that. */
export class RunInterruptedError extends Error {
  override name = "RunInterruptedError";
  readonly finishedCells: CellResult[];
  constructor(reason: string, finishedCells: CellResult[]) {
    super(reason);
    this.finishedCells = finishedCells;
  }
}

export class RuntimeUnavailableError extends Error {
  override name = "RuntimeUnavailableError";
}

export async function runRuntime(options: RuntimeRunOptions): Promise<RunResult> {
  const { runtime, command, profile } = options;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = loadavg();
  const probeStartMs = probeMachineSpeed();
  const coresAtStart = await probeEachCore(options.signal);

  const described = await runMeasurementProcess(command, ["--describe"], 60_000);
  if (options.signal?.aborted) throw new RunInterruptedError(String(options.signal.reason), []);
  if (!described.ok) throw new RuntimeUnavailableError(`${runtime} could not start: ${described.error}`);
  const parsedDescription = describeOutputSchema.safeParse(described.output);
  if (!parsedDescription.success) throw new RuntimeUnavailableError(`${runtime} described itself in an unknown format`);
  const description = parsedDescription.data;
  const pinned = pinnedVersion(runtime);
  if (description.runtime.runtime !== runtime || (pinned && description.runtime.version !== pinned)) {
    throw new RuntimeUnavailableError(
      `expected ${runtime} ${pinned ?? ""} (pinned in the root package.json), found ${description.runtime.runtime} ${description.runtime.version}`,
    );
  }
  log(`[${runtime}] ${description.runtime.version} (${description.runtime.engine} ${description.runtime.engineVersion})`);

  const needsApi = profile.scenarios.some((id) => getScenario(id).kind === "io");
  const api = needsApi ? await startMockApiProcess(profile.io) : null;
  if (api) log(`[${runtime}] mock API listening on ${api.url} (${api.latencyMs} ms latency)`);
  try {
    const cells = expandCells(profile, { cores: availableParallelism(), baseUrl: api?.url ?? "" });
    const { results, coresAfterEachRound } = await measureRoundRobin(cells, { ...options, log });
    const probeEndMs = probeMachineSpeed();
    const coresAtEnd = coresAfterEachRound.at(-1)!; // the reading after the last round is the end one
    const drift = speedDrift(probeStartMs, probeEndMs);
    log(
      `[${runtime}] machine-speed probe: ${probeStartMs.toFixed(1)} ms at start, ${probeEndMs.toFixed(1)} ms at end (${(drift * 100).toFixed(1)}% drift); ` +
        `per core: ${describeCores(coresAtStart)} at start, ${describeCores(coresAtEnd)} at end`,
    );
    return {
      schemaVersion: RESULT_SCHEMA_VERSION,
      runtime: description.runtime,
      httpClient: description.httpClient,
      clock: description.clock,
      machine: captureMachine(),
      run: {
        profile: options.profileName,
        runs: profile.runs,
        warmupRuns: profile.warmupRuns,
        order: "round-robin",
        startedAt,
        finishedAt: new Date().toISOString(),
        gitCommit: gitCommit(),
        mockApi: api ? { latencyMs: api.latencyMs, runtime: `node ${process.versions.node}` } : null,
        speedProbe: { startMs: probeStartMs, endMs: probeEndMs, drift, perCore: { start: coresAtStart, end: coresAtEnd, afterEachRound: coresAfterEachRound } },
        loadAverageAtStart,
      },
      cells: results,
    };
  } finally {
    await api?.stop();
  }
}

const describeCores = (speeds: CoreSpeeds): string =>
  "ms" in speeds ? speeds.ms.map((ms) => `${ms.toFixed(1)} ms`).join(" / ") : `n/a (${speeds.unavailable})`;

type LoggingOptions = RuntimeRunOptions & { log: (line: string) => void };

/**
 * Runs the cells in rounds: every cell once (warm-up rounds first, uncounted), then every cell again, and so
 * on. This machine's speed moves over minutes (see speed-probe.ts), so measuring a cell's runs back to back
 * would let one slow spell move that cell's whole median, and a speed-up would compare two cells measured in
 * different conditions. Spread over rounds, a slow spell touches a few runs of every cell, and each sample
 * records its round so the report can pair runs of the same round. Each round starts one cell further on,
 * so no cell always runs first or always follows the same cell.
 */
async function measureRoundRobin(cells: CellSpec[], options: LoggingOptions): Promise<{ results: CellResult[]; coresAfterEachRound: CoreSpeeds[] }> {
  const { profile, log, runtime } = options;
  const results = cells.map(emptyResult);
  const coresAfterEachRound: CoreSpeeds[] = [];
  const rounds = profile.warmupRuns + profile.runs;
  const startedAt = performance.now();
  const stopIfInterrupted = () => {
    if (options.signal?.aborted) throw new RunInterruptedError(String(options.signal.reason), results.filter(isWorthKeeping));
  };
  for (let round = 0; round < rounds; round++) {
    const isWarmup = round < profile.warmupRuns;
    const label = isWarmup ? `warm-up ${round + 1}/${profile.warmupRuns}` : `run ${round - profile.warmupRuns + 1}/${profile.runs}`;
    for (const index of rotated(cells.length, round)) {
      const cell = cells[index]!;
      const result = results[index]!;
      if (result.status === "failed") continue; // a failing cell is not retried every round
      const measured = await measureOnce(cell, options.command, profile.cellTimeoutSeconds * 1000, getScenario(cell.scenarioId).startsChildProcesses === true);
      stopIfInterrupted(); // a run cut short by the interruption is not a result; the runs before it are
      const outcome = recordRun(result, measured, { round, isWarmup });
      log(`[${runtime}] ${index + 1}/${cells.length} ${cell.cellId} ${label}: ${outcome}`);
    }
    // ~1 s per round: shows whether a core was slow while this round ran, which the start and end readings miss.
    const cores = await probeEachCore(options.signal);
    stopIfInterrupted();
    coresAfterEachRound.push(cores);
    const remainingRounds = rounds - round - 1;
    const timeLeft = remainingRounds > 0 ? `, about ${Math.ceil(((performance.now() - startedAt) / (round + 1) / 1000) * remainingRounds)} s left` : "";
    log(`[${runtime}] round ${round + 1}/${rounds} done (probe per core: ${describeCores(cores)})${timeLeft}`);
  }
  return { results, coresAfterEachRound };
}

/** 0..length-1, starting at `round` (mod length). */
const rotated = (length: number, round: number): number[] => Array.from({ length }, (_, step) => (round + step) % length);

/** What an interrupted run keeps: cells with a finished run, and cells that already failed (with their reason). */
const isWorthKeeping = (result: CellResult): boolean => result.status === "failed" || result.warmup.length + result.samples.length > 0;

function emptyResult(cell: CellSpec): CellResult {
  const scenario = getScenario(cell.scenarioId);
  const shape = scenario.shape(cell.params as never, availableParallelism());
  return {
    cellId: cell.cellId,
    scenarioId: cell.scenarioId,
    kind: scenario.kind,
    title: scenario.title,
    lessonAnalogue: scenario.lessonAnalogue,
    size: cell.size,
    // The API's port changes every run and means nothing to a reader.
    params: cell.params.kind === "io" ? { ...cell.params, baseUrl: "(mock API)" } : cell.params,
    parallelism: shape.parallelism,
    ideal: shape.ideal,
    status: "ok",
    implementation: "",
    notes: [],
    warmup: [],
    samples: [],
    inProcess: null,
  };
}

/** Adds one run to its cell (or marks the cell failed); returns what the progress line says about it. */
function recordRun(result: CellResult, measured: Measured | string, { round, isWarmup }: { round: number; isWarmup: boolean }): string {
  if (typeof measured === "string" || measured.output.errors.length > 0) {
    result.status = "failed";
    // Every failed task is counted, never averaged away: "3 of 100 tasks failed: ...".
    result.reason =
      typeof measured === "string"
        ? measured
        : `${measured.output.errors.length} of ${measured.output.tasks} tasks failed: ${measured.output.errors.slice(0, 3).join("; ")}`;
    return `FAILED: ${result.reason}`;
  }
  (isWarmup ? result.warmup : result.samples).push({ ...measured.sample, round });
  result.implementation = measured.output.implementation;
  result.notes = measured.output.notes;
  result.inProcess = measured.output.inProcess;
  return `${measured.sample.wallMs.toFixed(1)} ms`;
}

type Measured = { output: CellOutput; sample: CellSample };

/** One fresh process measuring the cell once, with /proc read at the edges of its timed window. */
async function measureOnce(cell: CellSpec, command: MeasurementCommand, timeoutMs: number, sampleChildren: boolean): Promise<Measured | string> {
  let meter: ReturnType<typeof startResourceMeter> | undefined;
  let usage: ResourceUsage | undefined;
  const outcome = await runMeasurementProcess(command, ["--cell", JSON.stringify(cell)], timeoutMs, (event, pid) => {
    if (event === "timing-start") meter = startResourceMeter(pid, { sampleChildren });
    else usage = meter?.stop();
  });
  // A process killed inside its timed window never reached the second gate: stop sampling it all the same.
  if (!usage) meter?.stop();
  if (!outcome.ok) return outcome.error;
  const parsed = cellOutputSchema.safeParse(outcome.output);
  if (!parsed.success) return `malformed output from the measurement process: ${parsed.error.issues[0]?.message}`;
  if (!usage) return "the measurement process never passed its timing gates";
  return { output: parsed.data, sample: { wallMs: parsed.data.wallMs, ...usage } };
}
