/**
 * A cell's parameters, defined once: the schema validates them in result files, and the types scenarios
 * use are inferred from it.
 */
import { CPU_WORKLOADS } from "@runtime-bench/workloads";
import { z } from "zod";

/** The CPU work a cell's tasks do: the workloads package defines them (CPU_WORKLOADS) and names them. */
export { CPU_WORKLOADS as WORKLOADS, type CpuWorkload as Workload, JAVASCRIPT_EQUIVALENT, WORKLOAD_TITLES } from "@runtime-bench/workloads";

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
});

export const ioParamsSchema = z.object({
  kind: z.literal("io"),
  /** Number of posts to fetch (the lesson's API calls). */
  requests: z.number().int().positive(),
  /** Most requests in flight at once for the async scenarios. */
  concurrency: z.number().int().positive(),
  /** Worker threads for the threads-analogue scenario. */
  workers: z.number().int().positive(),
  /** The mock API's injected latency, for the ideal time. */
  latencyMs: z.number().nonnegative(),
  /** A request not answered within this long fails. */
  requestTimeoutMs: z.number().int().positive(),
  /** Where the mock API listens (in a result file: "(mock API)", as its port means nothing to a reader). */
  baseUrl: z.string(),
});

export const cellParamsSchema = z.discriminatedUnion("kind", [cpuParamsSchema, ioParamsSchema]);

export type CpuCellParams = z.infer<typeof cpuParamsSchema>;
export type IoCellParams = z.infer<typeof ioParamsSchema>;
export type CellParams = z.infer<typeof cellParamsSchema>;

/**
 * Which part of the suite a cell belongs to: the headline comparison (its verdicts and the stopping rule), the
 * scaling sweep over worker counts, the crossover ladder over task sizes, or the other workloads.
 */
export const CELL_GROUPS = ["headline", "scaling", "crossover", "workloads"] as const;
export type CellGroup = (typeof CELL_GROUPS)[number];
