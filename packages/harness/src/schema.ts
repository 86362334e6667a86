/**
 * The result file format, versioned and validated on read. One file per runtime per run; every raw
 * sample is kept so the report (and any later analysis) can recompute every figure.
 */
import { z } from "zod";

/** 2: speed probe, load average at start and end, in-process (mitata) samples per cell. */
export const RESULT_SCHEMA_VERSION = 2;

const runtimeName = z.enum(["node", "bun", "deno"]);

export const runtimeDescriptionSchema = z.object({
  runtime: runtimeName,
  version: z.string(),
  engine: z.enum(["V8", "JavaScriptCore"]),
  engineVersion: z.string(),
  reportedParallelism: z.number().int().positive(),
  execArgv: z.array(z.string()),
  relevantEnv: z.record(z.string(), z.string()),
});

export const httpClientSchema = z.object({
  name: z.string(),
  configuration: z.enum(["default", "tuned"]),
  settings: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});

/** What `main.ts --describe` prints. */
export const describeOutputSchema = z.object({
  runtime: runtimeDescriptionSchema,
  httpClient: httpClientSchema,
  clock: z.object({ resolutionMs: z.number(), callOverheadNs: z.number() }),
});

/** Repeated calls inside one warm process (mitata), beside the fresh-process runs. */
export const inProcessSchema = z.object({
  tool: z.literal("mitata"),
  label: z.string(),
  samplesMs: z.array(z.number()),
  /** Why no samples were taken, when none were. */
  skipped: z.string().optional(),
});

/** What `main.ts --cell` prints: one fresh-process measurement of one cell, as the runtime saw it. */
export const cellOutputSchema = z.object({
  cellId: z.string(),
  wallMs: z.number().nonnegative(),
  /** Failed or wrong tasks; a sample with errors is never timed into a result. */
  errors: z.array(z.string()),
  tasks: z.number().int().nonnegative(),
  implementation: z.string(),
  notes: z.array(z.string()),
  inProcess: inProcessSchema.nullable(),
});

/** One counted (or warm-up) run of a cell: the runtime's output plus what the launcher read from /proc. */
export const cellSampleSchema = z.object({
  wallMs: z.number().nonnegative(),
  /** CPU time of the process tree (workers and child processes included) in the timed window, ms. */
  cpuMs: z.object({ user: z.number(), system: z.number() }).nullable(),
  /** Busy share (0-1) of each core during the timed window; null where it cannot be read. */
  coreBusy: z.array(z.number()).nullable(),
  /** Peak resident memory of the process tree, KiB; null where it cannot be read. */
  peakRssKiB: z.number().nullable(),
  /**
   * The round it was measured in (0-based, warm-up rounds included): runs of two cells from the same round
   * were taken a few seconds apart. Absent in files written before rounds were recorded.
   */
  round: z.number().int().nonnegative().optional(),
});

const cpuParams = z.object({
  kind: z.literal("cpu"),
  tasks: z.number().int().positive(),
  n: z.number().int().nonnegative(),
  workers: z.number().int().positive(),
});
const ioParams = z.object({
  kind: z.literal("io"),
  requests: z.number().int().positive(),
  concurrency: z.number().int().positive(),
  workers: z.number().int().positive(),
  latencyMs: z.number().nonnegative(),
  requestTimeoutMs: z.number().int().positive(),
  baseUrl: z.string(),
});

export const cellResultSchema = z.object({
  cellId: z.string(),
  scenarioId: z.string(),
  kind: z.enum(["cpu", "io"]),
  title: z.string(),
  lessonAnalogue: z.string(),
  size: z.string(),
  params: z.discriminatedUnion("kind", [cpuParams, ioParams]),
  parallelism: z.number().int().positive(),
  ideal: z.union([z.object({ speedup: z.number().positive() }), z.object({ wallMs: z.number().nonnegative() })]),
  /** "ok": every counted run verified; "failed": a run failed or did not verify; "n/a": not possible here. */
  status: z.enum(["ok", "failed", "n/a"]),
  reason: z.string().optional(),
  implementation: z.string(),
  notes: z.array(z.string()),
  warmup: z.array(cellSampleSchema),
  samples: z.array(cellSampleSchema),
  /** From the last counted run, for scenarios that support it; null otherwise. */
  inProcess: inProcessSchema.nullable(),
});

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
});

/** Probe times per core, ms, or why they could not be taken. */
const coreSpeedsSchema = z.union([
  /** `cores[i]` is the core `ms[i]` was measured on (absent in older files: then core i). */
  z.object({ ms: z.array(z.number().positive()), cores: z.array(z.number().int().nonnegative()).optional() }),
  z.object({ unavailable: z.string() }),
]);

export const runResultSchema = z.object({
  schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
  runtime: runtimeDescriptionSchema,
  httpClient: httpClientSchema,
  clock: describeOutputSchema.shape.clock,
  machine: machineSchema,
  run: z.object({
    profile: z.string(),
    runs: z.number().int().positive(),
    warmupRuns: z.number().int().nonnegative(),
    /**
     * How runs were ordered: "round-robin" measures every cell once per round (a slow spell of the machine
     * touches every cell alike); "cell-by-cell" (files before this field existed) ran each cell's runs back to back.
     */
    order: z.enum(["cell-by-cell", "round-robin"]).default("cell-by-cell"),
    startedAt: z.string(),
    finishedAt: z.string(),
    gitCommit: z.string().nullable(),
    mockApi: z.object({ latencyMs: z.number(), runtime: z.string() }).nullable(),
    /** A fixed CPU task timed by the launcher at the start and end of the run; drift = end / start - 1. */
    speedProbe: z.object({
      startMs: z.number().positive(),
      endMs: z.number().positive(),
      drift: z.number(),
      /** The same probe on every core at the same time, one copy pinned to each (index = core); absent in older files. */
      perCore: z
        .object({
          start: coreSpeedsSchema,
          end: coreSpeedsSchema,
          /** Taken after every round (index = round, warm-up rounds included; the last is also `end`); absent in older files. */
          afterEachRound: z.array(coreSpeedsSchema).optional(),
        })
        .optional(),
    }),
    loadAverageAtStart: z.array(z.number()),
  }),
  cells: z.array(cellResultSchema),
});

/**
 * Written instead of a result when a runtime could not be measured at all (binary missing, wrong version,
 * crashed on start), so the report shows its cells as n/a with the reason rather than leaving them out.
 */
export const unavailableRunSchema = z.object({
  schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
  unavailable: z.object({ runtime: runtimeName, reason: z.string(), profile: z.string(), at: z.string() }),
});

export type UnavailableRun = z.infer<typeof unavailableRunSchema>;

export type RuntimeDescriptionRecord = z.infer<typeof runtimeDescriptionSchema>;
export type DescribeOutput = z.infer<typeof describeOutputSchema>;
export type CellOutput = z.infer<typeof cellOutputSchema>;
export type InProcessMeasurement = z.infer<typeof inProcessSchema>;
export type CellSample = z.infer<typeof cellSampleSchema>;
export type CellResult = z.infer<typeof cellResultSchema>;
export type Machine = z.infer<typeof machineSchema>;
export type RunResult = z.infer<typeof runResultSchema>;
export type CoreSpeeds = z.infer<typeof coreSpeedsSchema>;

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
  return parseWith(runResultSchema, json, file);
}

/** A result file, or the record that its runtime could not be measured. */
export function parseResultFile(json: unknown, file: string): RunResult | UnavailableRun {
  const isUnavailable = typeof json === "object" && json !== null && "unavailable" in json;
  return isUnavailable ? parseWith(unavailableRunSchema, json, file) : parseWith(runResultSchema, json, file);
}

function parseWith<T>(schema: z.ZodType<T>, json: unknown, file: string): T {
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === "number" && version > RESULT_SCHEMA_VERSION) {
    throw new ResultFileError(file, `schemaVersion ${version} is newer than this tool reads (${RESULT_SCHEMA_VERSION}); update runtime-bench`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length > 0 ? issue.path.join(".") : "(top level)";
    throw new ResultFileError(file, `field "${field}": ${issue.message}`);
  }
  return parsed.data;
}
