/**
 * The suite in benchmarks/suite.json: which runtimes and scenarios run, at which sizes, for how many rounds,
 * per profile. It is data so a user can change a size without touching code; here it is validated and
 * expanded into the list of cells every runtime measures.
 */
import { readFileSync } from "node:fs";
import { KNOWN_PRIME_COUNTS, MAX_TASK_SIZE } from "@runtime-bench/workloads";
import { z } from "zod";
import { toMessage } from "./errors.ts";
import { RUNTIME_NAMES } from "./runtimes.ts";
import { type CellGroup, type CellSpec, scenarios } from "./scenarios/index.ts";
import type { PrimitiveCellParams, Workload } from "./scenarios/params.ts";

const positiveInt = z.number().int().positive();

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
  /**
   * Every round runs every (runtime, cell) once, in a fresh process. Warm-up rounds come first and are not
   * counted; then at least `min` counted rounds, and at most `max`.
   */
  rounds: z
    .object({ warmup: z.number().int().nonnegative().max(10), min: positiveInt.max(1000), max: positiveInt.max(1000) })
    .refine((rounds) => rounds.min <= rounds.max, { message: "min must not exceed max" }),
  /**
   * The stopping rule: after `min` rounds, stop once every headline interval (each speed-up over its baseline,
   * each runtime against each other) lies within ±targetPercent of its ratio, or when the next round would
   * not fit in budgetMinutes.
   */
  precision: z.object({
    targetPercent: z.number().positive().max(100),
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
    /** Fault injection for tests: the mock API answers every k-th request with 503, or never. */
    serverErrorEvery: positiveInt.optional(),
    serverDropEvery: positiveInt.optional(),
  }),
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

type UnresolvedCell = Omit<CellSpec, "baseline">;

/**
 * The cells of a profile: each scenario at each headline size (CPU) or once (I/O), in suite order; then the
 * scaling sweep and the crossover ladder, where the profile has them. A cell's baseline is the cell of the
 * scenario it declares, in the same group, with the same task size and count.
 */
export function expandCells(profile: Profile, context: { cores: number; baseUrl: string }): CellSpec[] {
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

  for (const scenarioId of profile.scenarios) {
    if (scenarios.get(scenarioId)!.kind === "cpu") {
      const { tasks, sizes, workers } = profile.cpu;
      for (const [size, n] of Object.entries(sizes))
        cpuCell(scenarioId, "headline", size, tasks, n, workers === "cores" ? context.cores : workers);
    } else {
      const { requests, concurrency, workers, latencyMs, requestTimeoutMs } = profile.io;
      add({
        ...flags(scenarioId),
        group: "headline",
        cellId: scenarioId,
        size: "default",
        params: { kind: "io", requests, concurrency, workers, latencyMs, requestTimeoutMs, baseUrl: context.baseUrl },
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
    return { ...cell, baseline: baseline?.cellId ?? null };
  });
}

/** Whether two cells' tasks are the same work (what a comparison with a baseline needs). */
function sameWork(a: CellSpec["params"], b: CellSpec["params"]): boolean {
  if (a.kind === "cpu" && b.kind === "cpu") return a.n === b.n && a.tasks === b.tasks && a.workload === b.workload;
  return a.kind === b.kind;
}

/** The baselines the given scenarios declare, each once. */
const baselinesOf = (scenarioIds: readonly string[]): string[] => [
  ...new Set(scenarioIds.flatMap((id) => scenarios.get(id)?.baseline ?? [])),
];
