/**
 * A cell's parameters, defined once: the schema validates them in result files, and the types scenarios
 * use are inferred from it.
 */
import { CPU_WORKLOADS, HTTP_CLIENTS } from "@runtime-bench/workloads";
import { z } from "zod";

/** The CPU work a cell's tasks do: the workloads package defines them (CPU_WORKLOADS) and names them. */
export {
  CPU_WORKLOADS as WORKLOADS,
  type CpuWorkload as Workload,
  JAVASCRIPT_EQUIVALENT,
  runsOffThread,
  WORKLOAD_TITLES,
} from "@runtime-bench/workloads";

/**
 * What a task asks for beyond what libraries ordinarily do on load (read environment variables, read their own package
 * files): paths it reads or writes elsewhere, hosts it reaches, programs it starts. Deno is given exactly these;
 * Node and Bun need no telling.
 */
export const taskPermissionsSchema = z
  .object({ read: z.array(z.string()), write: z.array(z.string()), net: z.array(z.string()), run: z.array(z.string()) })
  .partial();
export type TaskPermissions = z.infer<typeof taskPermissionsSchema>;

/**
 * How a task's input reaches the worker or process that runs it: built once on the main thread (off the clock) and
 * copied through the runtime's channel (what an application pays: the default); moved there instead (the task marks
 * what can be transferred; worker threads only); or built by each warmed executor before the clock starts (compute
 * only: --compute-only).
 */
export const INPUT_VIEWS = ["copied", "transferred", "in-place"] as const;
export type InputView = (typeof INPUT_VIEWS)[number];

/**
 * A user's task (workload "user-task", --task): the file URL of its module, the name it gives itself, the size label
 * the cell runs and the folder its runtime may read. The profile that runs it carries the same, less the size.
 */
export const userTaskParamsSchema = z.object({
  module: z.string(),
  name: z.string(),
  size: z.string(),
  folder: z.string(),
  /** The task's own permissions (its definition's `permissions`); absent in runs before them, and where it asks for none. */
  permissions: taskPermissionsSchema.optional(),
  /** Runs before input views (02df0c1..): the input built once and sent with every task (the view "copied"). */
  sendInput: z.boolean().optional(),
  /**
   * How the input reached a model that hands tasks to another thread or process (INPUT_VIEWS); absent where the model
   * runs on the main thread (it holds the input there), and in runs before views (each executor built its own).
   */
  input: z.enum(INPUT_VIEWS).optional(),
});

export const cpuParamsSchema = z.object({
  kind: z.literal("cpu"),
  /** What each task computes (absent in files written before other workloads: the sum of squares). */
  workload: z.enum(CPU_WORKLOADS).default("sum-of-squares"),
  /** Number of tasks (the lesson: 4). */
  tasks: z.number().int().positive(),
  /** Size of each task: sum of i*i for i < n. */
  n: z.number().int().nonnegative(),
  /** Parallel executors the scenario may use (pool size). */
  workers: z.number().int().positive(),
  /** A user's task (workload "user-task", --task), absent for the suite's own workloads. */
  task: userTaskParamsSchema.optional(),
});

export const ioParamsSchema = z.object({
  kind: z.literal("io"),
  /** Number of posts to fetch (the lesson's API calls). */
  requests: z.number().int().positive(),
  /** Most requests in flight at once: on the main thread, or spread over the workers (sequential: 1). */
  concurrency: z.number().int().positive(),
  /** Worker threads for the threads-analogue scenario; the requests in flight are spread over them round robin. */
  workers: z.number().int().positive(),
  /** The mock API's injected latency, for the ideal time. */
  latencyMs: z.number().nonnegative(),
  /** A request not answered within this long fails. */
  requestTimeoutMs: z.number().int().positive(),
  /** Where the mock API listens (in a result file: "(mock API)", as its port means nothing to a reader). */
  baseUrl: z.string(),
  /** The HTTP client every request goes through (absent in files written before clients were named: the default). */
  client: z.enum(HTTP_CLIENTS).default("default"),
  /** Requests made before timing, at no latency, through the cell's model (absent in files written before it was set). */
  warmUpRequests: z.number().int().nonnegative().optional(),
  /** Where requests go: the mock API (latency injected per request), or a real API given with --target (none injected). */
  target: z.enum(["mock-api", "real"]).default("mock-api"),
  /**
   * A user's I/O-bound task (--task with an IoTaskDefinition): its units instead of the posts, `size` naming the cell's
   * in-flight level; `latencyMs` is then the latency the task chose (mock API) or stated (its own service, else 0).
   */
  task: userTaskParamsSchema.optional(),
});

/** The primitive costs: what one repeated operation is, as the report names it. */
export const PRIMITIVE_OPERATIONS = ["worker-start", "process-start", "round-trip", "atomics-hand-off", "pool-dispatch"] as const;
export type PrimitiveOperation = (typeof PRIMITIVE_OPERATIONS)[number];

export const primitiveParamsSchema = z.object({
  kind: z.literal("primitive"),
  operation: z.enum(PRIMITIVE_OPERATIONS),
  /** Operations one after another in the timed part: the cost of one is the timed part over this. */
  repetitions: z.number().int().positive(),
  /** For a round trip: 0 for a small object, else a payload of this many bytes. */
  payloadBytes: z.number().int().nonnegative(),
  /** For a round trip of bytes: move them both ways (transfer) instead of copying them (structured clone). */
  transfer: z.boolean(),
  /** Workers of the pool, for the pool's dispatch cost. */
  workers: z.number().int().positive(),
});

export const filesParamsSchema = z.object({
  kind: z.literal("files"),
  /** Files written and read back, each by one task. */
  files: z.number().int().positive(),
  /** Size of each file. */
  bytes: z.number().int().nonnegative(),
  /** Most files in flight at once for the async models (on the main thread, or spread over the workers). */
  concurrency: z.number().int().positive(),
  /** Worker threads for the workers model. */
  workers: z.number().int().positive(),
});

export const cellParamsSchema = z.discriminatedUnion("kind", [cpuParamsSchema, ioParamsSchema, primitiveParamsSchema, filesParamsSchema]);

export type CpuCellParams = z.infer<typeof cpuParamsSchema>;
export type IoCellParams = z.infer<typeof ioParamsSchema>;
export type PrimitiveCellParams = z.infer<typeof primitiveParamsSchema>;
export type FilesCellParams = z.infer<typeof filesParamsSchema>;
export type CellParams = z.infer<typeof cellParamsSchema>;

/**
 * Which part of the suite a cell belongs to: the headline comparison (its verdicts and the stopping rule), the
 * scaling sweep over worker counts, the crossover ladder over task sizes, the other workloads, the primitive
 * costs, the I/O sweep over requests in flight and latency, or the file scenarios.
 */
export const CELL_GROUPS = ["headline", "scaling", "crossover", "workloads", "primitives", "io-sweep", "io-memory", "files"] as const;
export type CellGroup = (typeof CELL_GROUPS)[number];

/** One cell a runtime process is asked to measure. */
export interface CellSpec {
  group: CellGroup;
  /** Unique in a run, e.g. a scenario id and its sizes: "<scenario>/n=3e8". */
  cellId: string;
  scenarioId: string;
  /** Which size this cell is (e.g. "default", "lesson"). */
  size: string;
  params: CellParams;
  /** The cell of the same runtime this one is compared with, run by run; null for a baseline. */
  baseline: string | null;
  /** Another cell of the same runtime it is compared with run by run besides its baseline, or null. */
  pairedWith: string | null;
  /** False for a labelled variant, which is compared with its baseline only. */
  comparedAcrossRuntimes: boolean;
}
