/**
 * The suite's shape (benchmarks/suite.json): which runtimes and scenarios run, at which sizes, for how many rounds,
 * per profile. Every group names its scenarios; an id is refused here unless the group can run it.
 */
import {
  CPU_WORKLOAD_REGISTRY,
  CPU_WORKLOADS,
  HTTP_CLIENTS,
  type HttpClientId,
  MAX_FILE_BYTES,
  MAX_TASK_SIZE,
  type SizeLimit,
  WORKLOAD_SIZE_LIMITS,
} from "@runtime-bench/workloads";
import { z } from "zod";
import { RUNTIME_NAMES } from "../runtimes.ts";
import { userTaskParamsSchema, type Workload } from "../scenarios/params.ts";
import { recordOf } from "../scenarios/records.ts";
import { cpuWithBaseline, type GroupScenarios } from "./groups/cell.ts";
import { fileScenarios } from "./groups/files.ts";
import { headlineScenarios } from "./groups/headline.ts";
import { ioSweepScenarios } from "./groups/io-sweep.ts";
import { primitiveScenarios } from "./groups/primitives.ts";

const positiveInt = z.number().int().positive();
const OTHER_HTTP_CLIENTS = HTTP_CLIENTS.filter((client): client is Exclude<HttpClientId, "default"> => client !== "default");

/**
 * The ids of a group's scenarios: each the id of a scenario record, of a scenario the group can run (a profile naming
 * one it cannot is refused here, not inside a cell's process).
 */
const scenarioIds = ({ accepts, message }: GroupScenarios) =>
  z
    .array(
      z
        .string()
        .refine((id) => recordOf(id) !== undefined, { message: "unknown scenario id", abort: true })
        .refine((id) => accepts(recordOf(id)!), { message }),
    )
    .min(1);
const cpuScenarioIds = scenarioIds(cpuWithBaseline);

/** Each workload's size, within the limits its entry in the workloads registry sets. */
const workloadSize = (limit: SizeLimit) =>
  "oneOf" in limit
    ? positiveInt.refine((n) => limit.oneOf.includes(n), { message: `${limit.description}: ${limit.oneOf.join(", ")}` })
    : positiveInt.max(limit.max);
const workloadSizes = z.object(
  // A user's task (--task) brings its own module and sizes; a suite never names it.
  Object.fromEntries(
    CPU_WORKLOADS.filter((workload) => !CPU_WORKLOAD_REGISTRY[workload].fromModule).map((workload) => [
      workload,
      workloadSize(WORKLOAD_SIZE_LIMITS[workload]).optional(),
    ]),
  ) as Record<Workload, z.ZodOptional<z.ZodNumber>>,
);

/**
 * The primitive costs: each operation `repetitions` times in a row (starting a worker or a child process
 * `startRepetitions` times), round trips with each payload size in `roundTripBytes` (0: a small object; bytes
 * both copied and moved), the pool's dispatch with one worker per core.
 */
const primitivesSchema = z.object({
  /** The primitive scenarios, in the order their cells run. */
  scenarios: scenarioIds(primitiveScenarios),
  repetitions: positiveInt.max(100_000),
  startRepetitions: positiveInt.max(100),
  roundTripBytes: z
    .array(
      z
        .number()
        .int()
        .nonnegative()
        .max(64 * 2 ** 20),
    )
    .min(1),
});

const profileSchema = z.object({
  description: z.string(),
  /**
   * A user's task (--task): the launcher sets it on the profile it runs, with the task's sizes as `cpu.sizes`; a
   * suite file never does. The headline's CPU models then run the task instead of the sum of squares.
   */
  task: userTaskParamsSchema
    .omit({ size: true, input: true })
    .extend({
      /** The task marks what of its input can be moved to a worker (its `transfer`): worker models also run that view. */
      transfer: z.boolean().optional(),
      /** --compute-only: the warmed pools also run with each executor building its own input before the clock. */
      computeOnly: z.boolean().optional(),
      /**
       * An I/O-bound task (IoTaskDefinition): N units per run at each in-flight level C, over each worker count W; its
       * headline runs the I/O models at those (groups/headline.ts) instead of the CPU models at sizes.
       */
      io: z
        .object({
          units: positiveInt.max(100_000),
          inFlight: z.record(z.string(), positiveInt.max(10_000)),
          workers: z.array(positiveInt.max(256)),
          /** The task's own service (its `target.url`), where its units go instead of the mock API. */
          target: z.string().optional(),
        })
        .optional(),
    })
    .optional(),
  /** The runtimes this profile measures, when not every runtime of the suite (--runtimes narrows them further). */
  runtimes: z.array(z.enum(RUNTIME_NAMES)).min(1).optional(),
  /**
   * Each round runs every cell still needed once per runtime, each run in a fresh process (launcher/round-order.ts).
   * Warm-up rounds (not counted) come first; every cell then runs in at least `min` counted rounds (6 or more for
   * any verdict: the fewest that give a 95% interval; fewer makes a smoke run, with no verdicts), after which a
   * settled comparison stops being measured (launcher/stopping-rule.ts); at most `max` counted rounds.
   */
  /**
   * What a run with two or more contenders of one runtime (--runtimes node@24,node) measures besides the profile's
   * cells: the primitive costs, which versions change most, compared contender against contender.
   */
  contenders: z.object({ primitives: primitivesSchema }).optional(),
  rounds: z
    .object({ warmup: z.number().int().nonnegative().max(10).default(0), min: positiveInt.max(1000), max: positiveInt.max(1000) })
    .refine((rounds) => rounds.min <= rounds.max, { message: "min must not exceed max" }),
  /** The time the rounds may take: no round starts that is expected to end past it. */
  precision: z.object({
    budgetMinutes: z
      .number()
      .positive()
      .max(24 * 60),
  }),
  /** A run of one cell taking longer than this is stopped and the cell marked failed. */
  cellTimeoutSeconds: positiveInt,
  /**
   * The machine-speed probe's timed rounds (~15 ms each, on every core at once, after 3 untimed ones), at the start
   * and after every round; its reading is their median. 21 unless a profile says otherwise: a smoke profile of one
   * round, which draws no verdicts, needs fewer.
   */
  probeRounds: positiveInt.max(1000).default(21),
  /** The headline's scenarios: CPU ones at each of `cpu.sizes`, I/O ones once (a client variant once per client). */
  scenarios: scenarioIds(headlineScenarios),
  cpu: z.object({
    tasks: positiveInt,
    /** Named task sizes; each CPU scenario runs once per size. */
    sizes: z.record(z.string(), positiveInt.max(MAX_TASK_SIZE)).refine((sizes) => Object.keys(sizes).length > 0, "at least one size"),
    /** Pool size: a number, or "cores" for what the machine reports. */
    workers: z.union([positiveInt.max(256), z.literal("cores")]),
    /**
     * The scaling sweep: each of `scenarios` with each worker count, `tasks` tasks of size `n` (at least as many
     * tasks as the largest count), and each scenario's baseline once at that size.
     */
    scaling: z
      .object({
        scenarios: cpuScenarioIds,
        n: positiveInt.max(MAX_TASK_SIZE),
        tasks: positiveInt.max(1024),
        workers: z.array(positiveInt.max(256)).min(1),
      })
      .refine((scaling) => scaling.tasks >= Math.max(...scaling.workers), { message: "tasks must be at least the largest worker count" })
      .optional(),
    /**
     * The other workloads: each of `scenarios` and its baseline on each workload named in `sizes` (allocation-heavy,
     * memory-bound, key derivation natively and in plain JavaScript), `tasks` tasks of that size, one worker per
     * core. A sieve may only use a size with a published prime count.
     */
    workloads: z
      .object({
        scenarios: cpuScenarioIds,
        tasks: positiveInt.max(1024),
        /** Task size per workload: loop iterations, records (JSON), the sieve's bound, PBKDF2 iterations. */
        sizes: workloadSizes,
      })
      .optional(),
    /** The primitive costs (primitivesSchema). */
    primitives: primitivesSchema.optional(),
    /** The crossover ladder: each of `scenarios` and its baseline at each task size, `tasks` tasks, one worker per core. */
    crossover: z
      .object({ scenarios: cpuScenarioIds, tasks: positiveInt.max(1024), sizes: z.array(positiveInt.max(MAX_TASK_SIZE)).min(2) })
      .optional(),
  }),
  io: z.object({
    requests: positiveInt.max(100_000),
    latencyMs: z.number().nonnegative().max(10_000),
    concurrency: positiveInt.max(10_000),
    workers: positiveInt.max(256),
    /** A request not answered within this long counts as a failed request. */
    requestTimeoutMs: positiveInt.max(600_000),
    /** Requests every I/O cell makes before timing (at no latency, through its own model, at least C at once). */
    warmUpRequests: z.number().int().nonnegative().max(100_000).default(1000),
    /** The other clients a client variant measures, one labelled variant each (HTTP_CLIENTS; default: all of them). */
    clients: z
      .array(z.enum(OTHER_HTTP_CLIENTS))
      .min(1)
      .default([...OTHER_HTTP_CLIENTS]),
    /**
     * The I/O sweep: at each latency, sequential requests (its baseline), and async requests on the main thread
     * with each number in flight C, N = requestsPerInFlight x C requests; at `workersLatencyMs`, the same requests
     * spread over each worker count W (W <= C), C/W in flight in each worker, compared with async at the same C.
     */
    sweep: z
      .object({
        /** The sweep's scenarios, each in its part (its record's sweepRole: sequential, async, workers). */
        scenarios: scenarioIds(ioSweepScenarios),
        concurrency: z.array(positiveInt.max(10_000)).min(1),
        latencyMs: z.array(z.number().nonnegative().max(10_000)).min(1),
        requestsPerInFlight: positiveInt.max(1000),
        workers: z.array(positiveInt.max(256)),
        workersLatencyMs: z.number().nonnegative().max(10_000),
        /**
         * The memory cells: the sweep's async scenarios at each C with the number of requests held at N (not 10 x C), at a latency
         * of their own, so the slope of memory over C is what each request in flight holds, not per-request bookkeeping.
         */
        memory: z
          .object({
            latencyMs: z.number().positive().max(10_000),
            requests: positiveInt.max(100_000),
            concurrency: z.array(positiveInt.max(10_000)).min(2),
          })
          .refine((memory) => memory.concurrency.every((c) => c <= memory.requests), {
            message: "every memory concurrency must be at most its requests",
          })
          .optional(),
      })
      .refine((sweep) => sweep.workers.length === 0 || sweep.latencyMs.includes(sweep.workersLatencyMs), {
        message: "workersLatencyMs must be one of the sweep's latencies",
      })
      .refine((sweep) => !sweep.memory || !sweep.latencyMs.includes(sweep.memory.latencyMs), {
        message: "the memory cells' latencyMs must differ from the sweep's latencies (their cells would share ids)",
      })
      .optional(),
    /** The mock API's capacity, measured before the rounds with an independent load generator: how long and how many connections. */
    capacity: z.object({ connections: positiveInt.max(10_000), durationSeconds: z.number().positive().max(60) }).optional(),
    /** Fault injection for tests: the mock API answers every k-th request with 503, or never. */
    serverErrorEvery: positiveInt.optional(),
    serverDropEvery: positiveInt.optional(),
  }),
  /**
   * The file scenarios: each of `scenarios` (and the baseline it declares) on each set of `files` files of `bytes`
   * bytes, in a scratch folder of the cell's own; `concurrency` files in flight for the async models.
   */
  files: z
    .object({
      scenarios: scenarioIds(fileScenarios),
      sets: z.array(z.object({ files: positiveInt.max(100_000), bytes: positiveInt.max(MAX_FILE_BYTES) })).min(1),
      concurrency: positiveInt.max(10_000),
      workers: z.union([positiveInt.max(256), z.literal("cores")]),
    })
    .optional(),
});

export const suiteSchema = z.object({
  /** The runtimes a run measures unless --runtimes narrows them; every round measures each, one at a time. */
  runtimes: z.array(z.enum(RUNTIME_NAMES)).min(1),
  profiles: z.record(z.string(), profileSchema),
});

export type Suite = z.infer<typeof suiteSchema>;
export type Profile = z.infer<typeof profileSchema>;
