/**
 * The suite in benchmarks/suite.json: which runtimes and scenarios run, at which sizes, for how many rounds,
 * per profile. It is data so a user can change a size without touching code; here it is validated and
 * expanded into the list of cells every runtime measures.
 */
import { readFileSync } from "node:fs";
import {
  HTTP_CLIENTS,
  type HttpClientId,
  JAVASCRIPT_EQUIVALENT,
  KNOWN_PRIME_COUNTS,
  MAX_FILE_BYTES,
  MAX_TASK_SIZE,
} from "@runtime-bench/workloads";
import { z } from "zod";
import { toMessage } from "./errors.ts";
import { RUNTIME_NAMES, type RuntimeName } from "./runtimes.ts";
import { type CellGroup, type CellSpec, scenarios } from "./scenarios/index.ts";
import type { IoCellParams, PrimitiveCellParams, Workload } from "./scenarios/params.ts";

const positiveInt = z.number().int().positive();
const OTHER_HTTP_CLIENTS = HTTP_CLIENTS.filter((client): client is Exclude<HttpClientId, "default"> => client !== "default");

/** Ids of CPU scenarios that declare a baseline: what a sweep or a ladder compares. */
const cpuScenarioIds = z
  .array(
    z.string().refine((id) => scenarios.get(id)?.kind === "cpu" && scenarios.get(id)?.baseline !== undefined, {
      message: "not a CPU scenario with a baseline",
    }),
  )
  .min(1);

const profileSchema = z.object({
  description: z.string(),
  /** The runtimes this profile measures, when not every runtime of the suite (--runtimes narrows them further). */
  runtimes: z.array(z.enum(RUNTIME_NAMES)).min(1).optional(),
  /**
   * Each round runs every cell still needed once per runtime, each run in a fresh process (launcher/round-order.ts).
   * Warm-up rounds (not counted) come first; every cell then runs in at least `min` counted rounds (6 or more for
   * any verdict: the fewest that give a 95% interval; fewer makes a smoke run, with no verdicts), after which a
   * settled comparison stops being measured (launcher/stopping-rule.ts); at most `max` counted rounds.
   */
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
  scenarios: z.array(z.string().refine((id) => scenarios.has(id), { message: "unknown scenario id" })).min(1),
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
        sizes: z.object({
          "sum-of-squares": positiveInt.max(MAX_TASK_SIZE).optional(),
          "json-round-trip": positiveInt.max(10_000_000).optional(),
          "prime-sieve": positiveInt
            .refine((n) => KNOWN_PRIME_COUNTS.has(n), {
              message: `a size with a published prime count: ${[...KNOWN_PRIME_COUNTS.keys()].join(", ")}`,
            })
            .optional(),
          "pbkdf2-native": positiveInt.max(10_000_000).optional(),
          "pbkdf2-javascript": positiveInt.max(10_000_000).optional(),
        }),
      })
      .optional(),
    /**
     * The primitive costs: each operation `repetitions` times in a row (starting a worker or a child process
     * `startRepetitions` times), round trips with each payload size in `roundTripBytes` (0: a small object; bytes
     * both copied and moved), the pool's dispatch with one worker per core.
     */
    primitives: z
      .object({
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
      })
      .optional(),
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
    /** The other clients io.async-client measures, one labelled variant each (HTTP_CLIENTS; default: all of them). */
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
        concurrency: z.array(positiveInt.max(10_000)).min(1),
        latencyMs: z.array(z.number().nonnegative().max(10_000)).min(1),
        requestsPerInFlight: positiveInt.max(1000),
        workers: z.array(positiveInt.max(256)),
        workersLatencyMs: z.number().nonnegative().max(10_000),
        /**
         * The memory cells: async requests at each C with the number of requests held at N (not 10 x C), at a latency
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
      scenarios: z.array(z.string().refine((id) => scenarios.get(id)?.kind === "files", { message: "not a file scenario" })).min(1),
      sets: z.array(z.object({ files: positiveInt.max(100_000), bytes: positiveInt.max(MAX_FILE_BYTES) })).min(1),
      concurrency: positiveInt.max(10_000),
      workers: z.union([positiveInt.max(256), z.literal("cores")]),
    })
    .optional(),
});

const suiteSchema = z.object({
  /** The runtimes a run measures unless --runtimes narrows them; every round measures each, one at a time. */
  runtimes: z.array(z.enum(RUNTIME_NAMES)).min(1),
  profiles: z.record(z.string(), profileSchema),
});

export type Suite = z.infer<typeof suiteSchema>;
export type Profile = z.infer<typeof profileSchema>;

export class SuiteError extends Error {
  override name = "SuiteError";
}

export function loadSuite(file: string): Suite {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new SuiteError(`${file}: cannot read the suite: ${toMessage(error)}`);
  }
  const parsed = suiteSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SuiteError(`${file}: field "${issue.path.join(".")}": ${issue.message}`);
  }
  return parsed.data;
}

export function getProfile(suite: Suite, name: string): Profile {
  const profile = suite.profiles[name];
  if (!profile) throw new SuiteError(`unknown profile "${name}"; the suite has: ${Object.keys(suite.profiles).join(", ")}`);
  return profile;
}

/** Writes 100000000 as "1e8" and 20000000 as "2e7", so cell ids stay short and readable. */
export function shortNumber(value: number): string {
  const exponent = Math.floor(Math.log10(value));
  const mantissa = value / 10 ** exponent;
  return Number.isInteger(mantissa) && exponent >= 4 ? `${mantissa}e${exponent}` : String(value);
}

/** Writes 4096 as "4KiB" and 10485760 as "10MiB" (other sizes in bytes), for cell ids. */
export function shortBytes(bytes: number): string {
  if (bytes >= 2 ** 20 && bytes % 2 ** 20 === 0) return `${bytes / 2 ** 20}MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024}KiB`;
  return `${bytes}B`;
}

type UnresolvedCell = Omit<CellSpec, "baseline" | "pairedWith">;

/**
 * The cells of a profile: each scenario at each headline size (CPU) or once (I/O), in suite order; then the
 * scaling sweep and the crossover ladder, where the profile has them. A cell's baseline is the cell of the
 * scenario it declares, in the same group, with the same task size and count.
 */
export function expandCells(profile: Profile, context: { cores: number; baseUrl: string; target?: IoCellParams["target"] }): CellSpec[] {
  const target = context.target ?? "mock-api";
  const cells: UnresolvedCell[] = [];
  const add = (cell: UnresolvedCell) => {
    if (!cells.some((other) => other.cellId === cell.cellId)) cells.push(cell);
  };
  const flags = (scenarioId: string) => ({ scenarioId, comparedAcrossRuntimes: scenarios.get(scenarioId)?.variant !== true });
  const cpuCell = (
    scenarioId: string,
    group: CellGroup,
    size: string,
    tasks: number,
    n: number,
    workers: number,
    suffix = "",
    workload: Workload = "sum-of-squares",
  ) =>
    add({
      ...flags(scenarioId),
      group,
      cellId: `${scenarioId}${workload === "sum-of-squares" ? "" : `/${workload}`}/n=${shortNumber(n)}${suffix}`,
      size,
      params: { kind: "cpu", workload, tasks, n, workers },
    });

  /** An I/O cell's parameters: what varies per cell, and what every I/O cell of the profile shares. */
  const ioParams = (own: Pick<IoCellParams, "requests" | "concurrency" | "workers" | "latencyMs" | "client">): IoCellParams => ({
    kind: "io",
    ...own,
    requestTimeoutMs: profile.io.requestTimeoutMs,
    warmUpRequests: profile.io.warmUpRequests,
    baseUrl: context.baseUrl,
    target,
  });

  for (const scenarioId of profile.scenarios) {
    if (scenarios.get(scenarioId)!.kind === "cpu") {
      const { tasks, sizes, workers } = profile.cpu;
      for (const [size, n] of Object.entries(sizes))
        cpuCell(scenarioId, "headline", size, tasks, n, workers === "cores" ? context.cores : workers);
    } else {
      const { requests, concurrency, workers } = profile.io;
      // A real API's latency is its own: none is injected, and none is claimed.
      const latencyMs = target === "real" ? 0 : profile.io.latencyMs;
      // The other-clients variant runs once per client; every other I/O scenario with the runtime's default fetch.
      const clients: HttpClientId[] = scenarioId === "io.async-client" ? profile.io.clients : ["default"];
      for (const client of clients)
        add({
          ...flags(scenarioId),
          group: "headline",
          cellId: client === "default" ? scenarioId : `${scenarioId}/${client}`,
          size: "default",
          params: ioParams({ requests, concurrency, workers, latencyMs, client }),
        });
    }
  }
  const { scaling, crossover, workloads } = profile.cpu;
  if (scaling) {
    const { n, tasks } = scaling;
    for (const baseline of baselinesOf(scaling.scenarios)) cpuCell(baseline, "scaling", "scaling", tasks, n, context.cores, `/t=${tasks}`);
    for (const scenarioId of scaling.scenarios) {
      for (const workers of scaling.workers) cpuCell(scenarioId, "scaling", "scaling", tasks, n, workers, `/t=${tasks}/w=${workers}`);
    }
  }
  if (crossover) {
    const { tasks } = crossover;
    for (const n of crossover.sizes) {
      for (const scenarioId of [...baselinesOf(crossover.scenarios), ...crossover.scenarios]) {
        cpuCell(scenarioId, "crossover", shortNumber(n), tasks, n, context.cores, `/t=${tasks}`);
      }
    }
  }
  if (workloads) {
    const { tasks } = workloads;
    for (const [workload, n] of Object.entries(workloads.sizes) as Array<[Workload, number | undefined]>) {
      if (n === undefined) continue;
      for (const scenarioId of [...baselinesOf(workloads.scenarios), ...workloads.scenarios]) {
        cpuCell(scenarioId, "workloads", workload, tasks, n, context.cores, `/t=${tasks}`, workload);
      }
    }
  }
  // The sweep's latencies are injected by the mock API: against a real API it has nothing to vary.
  if (profile.io.sweep && target === "mock-api") {
    const { concurrency, latencyMs, requestsPerInFlight, workers, workersLatencyMs, memory } = profile.io.sweep;
    const ioCell = (
      scenarioId: string,
      latency: number,
      inFlight: number,
      requests: number,
      workerCount: number,
      suffix: string,
      group: "io-sweep" | "io-memory" = "io-sweep",
    ) =>
      add({
        ...flags(scenarioId),
        group,
        cellId: `${scenarioId}/L=${latency}ms${suffix}/N=${requests}`,
        size: `${latency} ms`,
        params: ioParams({ requests, concurrency: inFlight, workers: workerCount, latencyMs: latency, client: "default" }),
      });
    for (const latency of latencyMs) {
      ioCell("io.sequential", latency, 1, requestsPerInFlight, 1, "");
      for (const inFlight of concurrency) {
        const requests = requestsPerInFlight * inFlight;
        ioCell("io.async-fetch", latency, inFlight, requests, 1, `/C=${inFlight}`);
        if (latency !== workersLatencyMs) continue;
        for (const workerCount of workers.filter((count) => count <= inFlight))
          ioCell("io.worker-threads", latency, inFlight, requests, workerCount, `/C=${inFlight}/W=${workerCount}`);
      }
    }
    if (memory) {
      // A group of their own: the sweep's tables and chart read N = 10 x C, which these cells do not have.
      for (const inFlight of memory.concurrency)
        ioCell("io.async-fetch", memory.latencyMs, inFlight, memory.requests, 1, `/C=${inFlight}`, "io-memory");
    }
  }
  if (profile.files) {
    const { sets, concurrency } = profile.files;
    const workers = profile.files.workers === "cores" ? context.cores : profile.files.workers;
    for (const { files, bytes } of sets) {
      for (const scenarioId of [...baselinesOf(profile.files.scenarios), ...profile.files.scenarios]) {
        add({
          ...flags(scenarioId),
          group: "files",
          cellId: `${scenarioId}/${files}x${shortBytes(bytes)}`,
          size: `${files} x ${shortBytes(bytes)}`,
          params: { kind: "files", files, bytes, concurrency, workers },
        });
      }
    }
  }
  if (profile.cpu.primitives) {
    const { repetitions, startRepetitions, roundTripBytes } = profile.cpu.primitives;
    const primitive = (operation: PrimitiveCellParams["operation"], times: number, payloadBytes = 0, transfer = false) => {
      const scenarioId = `primitive.${operation}`;
      const payload = operation === "round-trip" ? `/${payloadBytes}B/${transfer ? "transfer" : "clone"}` : "";
      add({
        ...flags(scenarioId),
        group: "primitives",
        cellId: `${scenarioId}${payload}/x${times}`,
        size: operation,
        params: { kind: "primitive", operation, repetitions: times, payloadBytes, transfer, workers: context.cores },
      });
    };
    primitive("worker-start", startRepetitions);
    primitive("process-start", startRepetitions);
    for (const bytes of roundTripBytes) {
      primitive("round-trip", repetitions, bytes, false);
      if (bytes > 0) primitive("round-trip", repetitions, bytes, true);
    }
    primitive("atomics-hand-off", repetitions);
    primitive("pool-dispatch", repetitions);
  }
  return cells.map((cell) => {
    const baselineScenario = scenarios.get(cell.scenarioId)?.baseline;
    const baseline = cells.find(
      (other) => other.scenarioId === baselineScenario && other.group === cell.group && sameWork(other.params, cell.params),
    );
    return { ...cell, baseline: baseline?.cellId ?? null, pairedWith: baseline ? null : javascriptTwin(cell, cells) };
  });
}

/**
 * A baseline running native work with a plain-JavaScript equivalent (key derivation) is compared with the baseline
 * running that equivalent at the same size: the native API against the same work in JavaScript.
 */
function javascriptTwin(cell: UnresolvedCell, cells: readonly UnresolvedCell[]): string | null {
  if (cell.params.kind !== "cpu") return null;
  const { workload, n, tasks } = cell.params;
  const equivalent = JAVASCRIPT_EQUIVALENT[workload];
  if (!equivalent) return null;
  const twin = cells.find(
    (other) =>
      other.scenarioId === cell.scenarioId &&
      other.group === cell.group &&
      other.params.kind === "cpu" &&
      other.params.workload === equivalent &&
      other.params.n === n &&
      other.params.tasks === tasks,
  );
  return twin?.cellId ?? null;
}

/** Whether two cells' tasks are the same work (what a comparison with a baseline needs). */
function sameWork(a: CellSpec["params"], b: CellSpec["params"]): boolean {
  if (a.kind === "cpu" && b.kind === "cpu") return a.n === b.n && a.tasks === b.tasks && a.workload === b.workload;
  if (a.kind === "io" && b.kind === "io") return a.requests === b.requests && a.latencyMs === b.latencyMs;
  if (a.kind === "files" && b.kind === "files") return a.files === b.files && a.bytes === b.bytes;
  return a.kind === b.kind;
}

/** The baselines the given scenarios declare, each once. */
const baselinesOf = (scenarioIds: readonly string[]): string[] => [
  ...new Set(scenarioIds.flatMap((id) => scenarios.get(id)?.baseline ?? [])),
];

/** The runtimes a profile measures: its own list, or the suite's. */
export const profileRuntimes = (suite: Suite, profile: Profile): RuntimeName[] => profile.runtimes ?? suite.runtimes;
