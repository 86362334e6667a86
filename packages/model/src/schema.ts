/**
 * The result file format, versioned and validated on read. One file per run (`run.json`) holds every
 * runtime, because every runtime is measured in the same rounds; every raw sample is kept so the report
 * (and any later analysis) can recompute every figure.
 */

import { z } from "zod";
import { labelOf } from "./comparisons.ts";
import { firstRepeated } from "./contenders.ts";
import { ENGINES, RUNTIME_NAMES } from "./runtimes.ts";
import { CELL_GROUPS, cellParamsSchema } from "./scenarios/params.ts";
import { recordOf } from "./scenarios/records.ts";

/**
 * 4: every round a sequence of blocks (a comparison group's runs side by side, round-order.ts), each run's start
 * and end time, block and main-thread cores, the rounds each cell got (settled comparisons stop being measured)
 * and why the run stopped. Version 3 (cells shuffled through the whole round, a model and its baseline minutes
 * apart) and older are not read: their pairs are not side by side.
 */
export const RESULT_SCHEMA_VERSION = 5;
/** The oldest format still read: 4 had no contender records (every runtime was the pinned one). */
const OLDEST_READ_VERSION = 4;

/** The name of a run's result file in its output folder. */
export const RESULT_FILE = "run.json";

const runtimeName = z.enum(RUNTIME_NAMES);

export const runtimeDescriptionSchema = z.object({
  runtime: runtimeName,
  version: z.string(),
  engine: z.enum(ENGINES),
  engineVersion: z.string(),
  reportedParallelism: z.number().int().positive(),
  execArgv: z.array(z.string()),
  relevantEnv: z.record(z.string(), z.string()),
});

export const httpClientSchema = z.object({
  name: z.string(),
  /** "tuned": files written before clients were named by id (now "configured"). */
  configuration: z.enum(["default", "configured", "tuned"]),
  settings: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});

/** What `main.ts --describe` prints. */
export const describeOutputSchema = z.object({
  runtime: runtimeDescriptionSchema,
  /** The client the headline I/O cells use (the runtime's default), and the others it has, by id (HTTP_CLIENTS). */
  httpClients: z.object({ default: httpClientSchema }).catchall(httpClientSchema),
  clock: z.object({ resolutionMs: z.number(), callOverheadNs: z.number() }),
  /** The native API of the key-derivation workload and where it runs (absent in files written before it). */
  nativeOffload: z.string().optional(),
  /** The file APIs of the file scenarios (absent in files written before them). */
  files: z.object({ async: z.string(), sync: z.string() }).optional(),
});

/** Repeated calls inside one warm process (mitata), beside the fresh-process runs. */
export const inProcessSchema = z.object({
  tool: z.literal("mitata"),
  label: z.string(),
  samplesMs: z.array(z.number()),
  /** Why no samples were taken, when none were. */
  skipped: z.string().optional(),
});

/** One fresh worker or child process started for one task: how long it took to be ready, and to be gone. */
export const executorRecordSchema = z.object({
  kind: z.enum(["worker", "process"]),
  /** From asking for it to its first message (module loaded, warmed up, listening). */
  readyMs: z.number().nonnegative(),
  /** From asking it to stop to the runtime reporting it gone; null where the runtime reports no exit. */
  teardownMs: z.number().nonnegative().nullable(),
  /** Why `teardownMs` is null. */
  teardownUnseen: z.string().optional(),
});

const cpuTimeSchema = z.object({ user: z.number(), system: z.number() });

/** How late the main thread's timer ran during the timed part (lag-sampler.ts). */
export const eventLoopLagSchema = z.object({
  maxMs: z.number().nonnegative(),
  p99Ms: z.number().nonnegative(),
  samples: z.number().int().positive(),
});

/** Each request's latency as its client saw it, from sending it to its parsed answer (io cells). */
export const requestLatencySchema = z.object({
  p50Ms: z.number().nonnegative(),
  p99Ms: z.number().nonnegative(),
  requests: z.number().int().positive(),
});

/** What `main.ts --cell` prints: one fresh-process measurement of one cell, as the runtime saw it. */
export const cellOutputSchema = z.union([
  z.object({
    cellId: z.string(),
    /** The timed part: until every task has answered. */
    wallMs: z.number().nonnegative(),
    /** From the start of the timed part until every fresh executor was stopped: the window CPU time is read over. */
    windowMs: z.number().nonnegative(),
    /** Failed or wrong tasks; a sample with errors is never timed into a result. */
    errors: z.array(z.string()),
    tasks: z.number().int().nonnegative(),
    implementation: z.string(),
    notes: z.array(z.string()),
    inProcess: inProcessSchema.nullable(),
    executors: z.array(executorRecordSchema),
    eventLoopLag: eventLoopLagSchema,
    /** For requests: their latency percentiles in the timed part; null for other work. */
    requestLatency: requestLatencySchema.nullable().default(null),
  }),
  /** The runtime cannot run this cell (a client or API it does not have); the reason is shown as n/a. */
  z.object({ cellId: z.string(), notApplicable: z.string() }),
]);

/** One counted (or warm-up) run of a cell: the runtime's output plus what the launcher's meter read. */
export const cellSampleSchema = z.object({
  /** The round it was measured in (0-based, warm-up rounds included). */
  round: z.number().int().nonnegative(),
  /** Its position in the round's order as run (0-based): two runs of a pair are |slot - slot| runs apart. */
  slot: z.number().int().nonnegative(),
  /** The block of the round it ran in (round-order.ts): the runs a comparison pairs share one. */
  block: z.string(),
  /** When the launcher started its measurement process, and when that process was gone (ms since the epoch). */
  startedAtMs: z.number().nonnegative(),
  endedAtMs: z.number().nonnegative(),
  /**
   * The core the measured process's main thread was on, read at the start gate and at every memory poll: tells a
   * single-threaded run that landed on a slow core from a slow model.
   */
  mainThreadCores: z.array(z.number().int().nonnegative()),
  wallMs: z.number().nonnegative(),
  /** CPU time of the process tree (its threads, workers, and child processes that exited) over the window, ms. */
  cpuMs: cpuTimeSchema.nullable(),
  /** That CPU time over the window: 2.0 means two cores' worth of work throughout. */
  busyCores: z.number().nonnegative().nullable(),
  /** Cores' worth of work the machine did besides this tree in the same window (other load, from /proc/stat). */
  otherLoadCores: z.number().nonnegative().nullable(),
  /** Peak of the tree's summed proportional set size (PSS: shared pages split between the processes sharing them), KiB. */
  peakPssKiB: z.number().nonnegative().nullable(),
  /** How many times the meter read the tree's memory in this run (the same interval in every cell). */
  memoryPolls: z.number().int().nonnegative(),
  /** Fresh workers or child processes the timed part started, one record each. */
  executors: z.array(executorRecordSchema),
  /** The main thread's event-loop lag in the timed part (absent in files written before it was recorded). */
  eventLoopLag: eventLoopLagSchema.optional(),
  /** Request latency percentiles in the timed part (io cells; absent in files written before it was recorded). */
  requestLatency: requestLatencySchema.nullable().optional(),
  /**
   * The mock API's own CPU time over the window, in cores (its CPU time over the window): above 0.5 the server,
   * not the client, may be what the cell measured. Absent where there was no API or it was not recorded.
   */
  serverBusyCores: z.number().nonnegative().nullable().optional(),
});

const recordedCellSchema = z.object({
  cellId: z.string(),
  /** The part of the suite it belongs to (absent in files written before sweeps: the headline). */
  group: z.enum(CELL_GROUPS),
  scenarioId: z.string(),
  kind: z.enum(["cpu", "io", "primitive", "files"]),
  title: z.string(),
  /**
   * What the report's reading calls the model in a sentence ("a warmed worker pool"), so the report words a cell
   * from the file alone. Files written before it was recorded read it from the scenario's record.
   */
  readingName: z.string().optional(),
  lessonAnalogue: z.string(),
  size: z.string(),
  params: cellParamsSchema,
  parallelism: z.number().int().positive(),
  ideal: z.union([z.object({ speedup: z.number().positive() }), z.object({ wallMs: z.number().nonnegative() })]),
  /** The cell of the same runtime this one is compared with, run by run (e.g. its sequential cell); null for a baseline. */
  baseline: z.string().nullable(),
  /** Another cell of the same runtime it is compared with run by run (native work against the same work in plain JavaScript). */
  pairedWith: z.string().nullable(),
  /** False for a labelled variant (e.g. another HTTP client): compared with its baseline only, never across runtimes. */
  comparedAcrossRuntimes: z.boolean(),
  /** "ok": every counted run verified; "failed": a run failed or did not verify; "n/a": not possible here. */
  status: z.enum(["ok", "failed", "n/a"]),
  reason: z.string().optional(),
  implementation: z.string(),
  notes: z.array(z.string()),
  warmup: z.array(cellSampleSchema),
  samples: z.array(cellSampleSchema),
  /** Taken in the first round (after its timed part), for scenarios that support it; null otherwise. */
  inProcess: inProcessSchema.nullable(),
});

export const cellResultSchema = recordedCellSchema.transform((cell) => ({
  ...cell,
  readingName: cell.readingName ?? recordOf(cell.scenarioId)?.readingName ?? cell.title.toLowerCase(),
}));

export const machineSchema = z.object({
  cpuModel: z.string(),
  cores: z.number().int().positive(),
  availableParallelism: z.number().int().positive(),
  memoryBytes: z.number().positive(),
  os: z.string(),
  kernel: z.string(),
  arch: z.string(),
  /** 1, 5 and 15 minute load averages, when the machine was captured (the end of the run). */
  loadAverage: z.array(z.number()),
  /**
   * Names the hardware (machine-fingerprint.ts): runs with the same fingerprint may be compared cell by cell, runs
   * with different ones only side by side. Absent in files written before it was recorded (computed on reading).
   */
  fingerprint: z.string().optional(),
});

/** Probe times per core, ms (`cores[i]` is the core `ms[i]` was measured on), or why they could not be taken. */
const coreSpeedsSchema = z.union([
  z.object({ ms: z.array(z.number().positive()), cores: z.array(z.number().int().nonnegative()) }),
  z.object({ unavailable: z.string() }),
]);

/**
 * Where a contender's binary came from (its version is what the binary reports, in its description) and the runtime
 * flags it ran with. A local build's path is kept as the person typed it, never resolved to the machine's own path.
 */
export const contenderRecordSchema = z.object({
  source: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("pinned") }),
    /** `requested` as typed ("24"), `version` the release it resolved to ("24.9.0"). */
    z.object({ kind: z.literal("registry"), requested: z.string(), version: z.string() }),
    z.object({ kind: z.literal("local"), path: z.string() }),
  ]),
  flags: z.array(z.string()),
});

/** One runtime of the run: measured, or why it could not be (missing, wrong version, not selected). */
export const runtimeRunSchema = z.discriminatedUnion("status", [
  z.object({
    name: runtimeName,
    /** Absent in files before contenders (schema 4): the pinned runtime, without flags. */
    contender: contenderRecordSchema.optional(),
    /**
     * What the run calls it, where one runtime runs more than once (two versions, builds or flag sets): unique in the
     * run. Absent: its name. Files before labels have none.
     */
    label: z.string().min(1).optional(),
    status: z.literal("measured"),
    description: describeOutputSchema,
    cells: z.array(cellResultSchema),
  }),
  /** `selected` false: left out of this run with --runtimes; true: chosen, but it could not be measured. */
  z.object({
    name: runtimeName,
    label: z.string().min(1).optional(),
    contender: contenderRecordSchema.optional(),
    status: z.literal("n/a"),
    selected: z.boolean(),
    reason: z.string(),
  }),
]);

/**
 * "settled": every comparison settled (faster, slower or equivalent) and every cell without one had its minimum of
 * rounds; "budget": the next round would not have fit in the time budget; "max-rounds": the profile's maximum.
 */
export const STOP_REASONS = ["settled", "budget", "max-rounds", "interrupted"] as const;

/** Requests per second the mock API served to a load generator that is none of the clients under test. */
export const serverCapacitySchema = z.union([
  z.object({
    tool: z.string(),
    connections: z.number().int().positive(),
    durationSeconds: z.number().positive(),
    latencyMs: z.number().nonnegative(),
    requestsPerSecond: z.number().nonnegative(),
    errors: z.number().int().nonnegative(),
  }),
  z.object({ unavailable: z.string() }),
]);

export const runResultSchema = z.object({
  schemaVersion: z.number().int().min(OLDEST_READ_VERSION).max(RESULT_SCHEMA_VERSION),
  machine: machineSchema,
  run: z.object({
    profile: z.string(),
    startedAt: z.string(),
    finishedAt: z.string(),
    gitCommit: z.string().nullable(),
    /**
     * Every round is a sequence of blocks, one per comparison group (a baseline with its models, across the
     * runtimes for headline cells), in an order shuffled from `seed` and the round number, and shuffled inside each
     * block; so the two runs of any pair are at most `maxPairGapRuns` runs apart.
     */
    order: z.object({ kind: z.literal("blocks"), seed: z.number().int().nonnegative(), maxPairGapRuns: z.number().int().positive() }),
    rounds: z.object({ warmup: z.number().int().nonnegative(), counted: z.number().int().nonnegative() }),
    /** The rule that decided how many rounds each comparison got, and why the rounds stopped. */
    precision: z.object({
      /** Every interval's confidence level (order statistics of the paired ratios). */
      confidence: z.number().positive().max(1),
      /** The smallest difference called a difference, and the margin of "equivalent" (0.05: 5%). */
      effectThreshold: z.number().positive(),
      /** Every cell ran in at least this many rounds before a settled comparison could stop measuring it. */
      minRounds: z.number().int().positive(),
      maxRounds: z.number().int().positive(),
      budgetSeconds: z.number().positive(),
      stoppedBy: z.enum(STOP_REASONS),
      /** Seconds from the first round's start to the last round's end. */
      measuringSeconds: z.number().nonnegative(),
      /** Per round: its runs, how long it took, and how many comparisons were still open after it. */
      perRound: z.array(
        z.object({
          round: z.number().int().nonnegative(),
          runs: z.number().int().nonnegative(),
          seconds: z.number().nonnegative(),
          open: z.number().int().nonnegative(),
          comparisons: z.number().int().nonnegative(),
        }),
      ),
    }),
    mockApi: z
      .object({
        latencyMs: z.number(),
        runtime: z.string(),
        /** Its capacity, measured by an independent load generator before the rounds (absent before it was measured). */
        capacity: serverCapacitySchema.optional(),
        /** Whether server and clients were pinned to different cores, and why (not). */
        pinning: z.string().optional(),
      })
      .nullable(),
    /** The one meter every cell is measured with. */
    meter: z.object({ memoryPollMs: z.number().positive(), memory: z.string(), cpu: z.string(), cores: z.string() }),
    /** The machine-speed probe on every core at once, one copy pinned to each: at the start and after each round. */
    coreProbe: z.object({
      start: coreSpeedsSchema,
      afterEachRound: z.array(coreSpeedsSchema),
      /** Each reading is the median of this many timed rounds of the probe (the profile's probeRounds; absent: 21). */
      rounds: z.number().int().positive().optional(),
    }),
    loadAverage: z.object({ start: z.array(z.number()), end: z.array(z.number()) }),
    /** The real API the I/O cells went to instead of the mock API (--target); absent for the mock API. */
    target: z.string().optional(),
    /**
     * Cells measured again later with --scenarios (rerun-merge.ts), oldest first: each replaced those cells in every
     * runtime it measured. Their runs are numbered after every earlier round, so no comparison ever pairs a run of a
     * re-run with a run of another; the probe readings of their rounds follow the earlier ones in coreProbe.
     */
    reruns: z
      .array(
        z.object({
          startedAt: z.string(),
          finishedAt: z.string(),
          gitCommit: z.string().nullable(),
          seed: z.number().int().nonnegative(),
          /** The patterns as given to --scenarios. */
          scenarios: z.array(z.string()),
          runtimes: z.array(runtimeName),
          cells: z.array(z.string()),
          /** The first round number of the re-run in this file, and how many warm-up and counted rounds it ran. */
          rounds: z.object({
            first: z.number().int().nonnegative(),
            warmup: z.number().int().nonnegative(),
            counted: z.number().int().nonnegative(),
          }),
          stoppedBy: z.enum(STOP_REASONS),
        }),
      )
      .optional(),
    /** The patterns of --scenarios when this run measured only some cells (absent: every cell of the profile). */
    scenarios: z.array(z.string()).optional(),
    /** The only variables passed on to the processes the launcher starts (absent in files written before it was recorded). */
    environment: z
      .object({ passed: z.array(z.object({ name: z.string(), why: z.string(), set: z.boolean() })), note: z.string() })
      .optional(),
  }),
  // Each column of the report is keyed by its label (its name where it has none): two under one label could not be told apart.
  runtimes: z.array(runtimeRunSchema).superRefine((runtimes, context) => {
    const twice = firstRepeated(runtimes.map(labelOf));
    if (twice !== undefined) context.addIssue({ code: "custom", message: `two runtimes under one label, "${twice}"` });
  }),
});

export type RuntimeDescriptionRecord = z.infer<typeof runtimeDescriptionSchema>;
export type DescribeOutput = z.infer<typeof describeOutputSchema>;
export type CellOutput = z.infer<typeof cellOutputSchema>;
export type InProcessMeasurement = z.infer<typeof inProcessSchema>;
export type CellSample = z.infer<typeof cellSampleSchema>;
export type CellResult = z.output<typeof cellResultSchema>;
export type Machine = z.infer<typeof machineSchema>;
export type RunResult = z.infer<typeof runResultSchema>;
export type RuntimeRun = z.infer<typeof runtimeRunSchema>;
export type ContenderRecord = z.infer<typeof contenderRecordSchema>;
export type MeasuredRuntime = Extract<RuntimeRun, { status: "measured" }>;
export type ExecutorRecord = z.infer<typeof executorRecordSchema>;
export type StopReason = (typeof STOP_REASONS)[number];
export type CoreSpeeds = z.infer<typeof coreSpeedsSchema>;
export type RequestLatency = z.infer<typeof requestLatencySchema>;
export type ServerCapacity = z.infer<typeof serverCapacitySchema>;
export type Rerun = NonNullable<RunResult["run"]["reruns"]>[number];

/** Thrown for a result file that does not match the schema; names the file and the field. */
export class ResultFileError extends Error {
  override name = "ResultFileError";
  readonly file: string;
  constructor(file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.file = file;
  }
}

/** Validates parsed JSON as a result file, with a message that names the file and the first bad field. */
export function parseRunResult(json: unknown, file: string): RunResult {
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === "number" && version < OLDEST_READ_VERSION) {
    throw new ResultFileError(
      file,
      `field "schemaVersion": ${version} is an older format (one file per runtime, measured apart) that this tool no longer reads; run the bench again`,
    );
  }
  return parseWith(runResultSchema, json, file);
}

function parseWith<T>(schema: z.ZodType<T>, json: unknown, file: string): T {
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === "number" && version > RESULT_SCHEMA_VERSION) {
    throw new ResultFileError(
      file,
      `schemaVersion ${version} is newer than this tool reads (${RESULT_SCHEMA_VERSION}); update runtime-bench`,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length > 0 ? issue.path.join(".") : "(top level)";
    throw new ResultFileError(file, `field "${field}": ${issue.message}`);
  }
  return parsed.data;
}
