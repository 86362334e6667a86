/** Fixed result files for the report and schema tests: small, hand-set numbers with known answers. */

import type { RuntimeName } from "@runtime-bench/model/runtimes";
import type { IoCellParams, Workload } from "@runtime-bench/model/scenarios/params";
import { recordOf } from "@runtime-bench/model/scenarios/records";
import { type CellResult, type CellSample, RESULT_SCHEMA_VERSION, type RunResult, type RuntimeRun } from "@runtime-bench/model/schema";
import { shortNumber } from "@runtime-bench/model/suite";
import { renderReport } from "../src/render-markdown.ts";

/** The i-th sample of a cell is from round i, started at second 100 x i of the run (each cell in its own slot of its block). */
export const sample = (wallMs: number, index: number): CellSample => ({
  round: index,
  slot: 0,
  block: "fixture",
  startedAtMs: Date.UTC(2026, 0, 1) + index * 100_000,
  endedAtMs: Date.UTC(2026, 0, 1) + index * 100_000 + wallMs + 300,
  mainThreadCores: [0],
  wallMs,
  cpuMs: { user: wallMs, system: 1 },
  busyCores: 1,
  otherLoadCores: 0,
  peakPssKiB: 51_200,
  memoryPolls: 3,
  executors: [],
});

/**
 * Samples scattered ±2% around a median, the same factor in the same round for every cell and runtime: the
 * machine's speed moving from round to round. Ratios of two such cells, paired by round, are exact.
 */
export const around = (medianMs: number): number[] => [0.98, 0.99, 1, 1, 1.01, 1.02].map((factor) => medianMs * factor);

/** Ratios that swing both ways round by round: neither a difference nor equivalence is shown (inconclusive). */
export const noisy = (medianMs: number): number[] => [1, 0.8, 1.2, 0.9, 1.15, 0.85].map((factor) => medianMs * factor);

/** A headline CPU cell at n = 1e7 (the lesson's size) or 1e8, with its ideal and baseline as the suite declares them. */
export function atSize(scenarioId: string, n: number, walls: number[]): CellResult {
  const id = n === 1e7 ? "1e7" : "1e8";
  const parallel = scenarioId !== "cpu.sequential" && scenarioId !== "cpu.async-main";
  return cpuCell(scenarioId, walls, {
    cellId: `${scenarioId}/n=${id}`,
    size: n === 1e7 ? "lesson" : "default",
    params: { kind: "cpu", workload: "sum-of-squares", tasks: 4, n, workers: 2 },
    parallelism: parallel ? 2 : 1,
    ideal: { speedup: parallel ? 2 : 1 },
    baseline: scenarioId === "cpu.sequential" ? null : `cpu.sequential/n=${id}`,
  });
}

/** A cell of the crossover ladder: 2 tasks of size n, against the sequential run of the same size. */
export const ladderCell = (scenarioId: string, n: number, walls: number[]): CellResult =>
  cpuCell(scenarioId, walls, {
    cellId: `${scenarioId}/n=${n}/t=2`,
    group: "crossover",
    size: String(n),
    params: { kind: "cpu", workload: "sum-of-squares", tasks: 2, n, workers: 2 },
    ideal: { speedup: scenarioId === "cpu.sequential" ? 1 : 2 },
    baseline: scenarioId === "cpu.sequential" ? null : `cpu.sequential/n=${n}/t=2`,
  });

/** A warmed worker pool on the crossover ladder at n = 1e5, 1e6 and 1e7 (`pool`: its runs at each), beside the sequential runs. */
export const poolLadder = (pool: [number[], number[], number[]]): CellResult[] =>
  [1e5, 1e6, 1e7].flatMap((n, index) => [ladderCell("cpu.sequential", n, around(n / 1e5)), ladderCell("cpu.worker-pool", n, pool[index]!)]);

/** A cell of a user's task at one of its sizes (`size`: its label), as the headline group expands a task. */
export function userTaskCell(
  scenarioId: string,
  n: number,
  size: string,
  walls: number[],
  overrides: Partial<CellResult> = {},
  task = { module: "file:///t.ts", name: "t", folder: "/" },
): CellResult {
  return cpuCell(scenarioId, walls, {
    cellId: `${scenarioId}/user-task/n=${n}`,
    size,
    params: { kind: "cpu", workload: "user-task", tasks: 4, n, workers: 2, task: { ...task, size } },
    baseline: scenarioId === "cpu.sequential" ? null : `cpu.sequential/user-task/n=${n}`,
    ...overrides,
  });
}

/** A cell of the other workloads: `tasks` tasks of `workload` at size n, against the sequential run of the same, ids as the suite's. */
export function workloadCell(
  scenarioId: string,
  workload: Workload,
  { n, tasks }: { n: number; tasks: number },
  walls: number[],
  overrides: Partial<CellResult> = {},
): CellResult {
  const idOf = (scenario: string) => `${scenario}/${workload}/n=${shortNumber(n)}/t=${tasks}`;
  return cpuCell(scenarioId, walls, {
    cellId: idOf(scenarioId),
    group: "workloads",
    params: { kind: "cpu", workload, tasks, n, workers: 2 },
    baseline: scenarioId === "cpu.sequential" ? null : idOf("cpu.sequential"),
    ...overrides,
  });
}

export function cpuCell(scenarioId: string, walls: number[], overrides: Partial<CellResult> = {}): CellResult {
  return {
    cellId: `${scenarioId}/n=1e8`,
    group: "headline",
    scenarioId,
    kind: "cpu",
    title: scenarioId,
    lessonAnalogue: "test",
    size: "default",
    params: { kind: "cpu", workload: "sum-of-squares", tasks: 4, n: 100_000_000, workers: 2 },
    parallelism: scenarioId === "cpu.worker-pool" ? 2 : 1,
    ideal: { speedup: scenarioId === "cpu.worker-pool" ? 2 : 1 },
    baseline: scenarioId === "cpu.sequential" ? null : "cpu.sequential/n=1e8",
    pairedWith: null,
    comparedAcrossRuntimes: true,
    status: "ok",
    implementation: "fixture",
    notes: [],
    warmup: [],
    samples: walls.map(sample),
    inProcess: null,
    ...overrides,
    // As the schema reads a file without one: the scenario's record's words, else the title.
    readingName: overrides.readingName ?? recordOf(scenarioId)?.readingName ?? (overrides.title ?? scenarioId).toLowerCase(),
  };
}

/** The headline I/O cell's parameters, through the given client. */
export const ioParams = (client: IoCellParams["client"]): CellResult["params"] => ({
  kind: "io",
  requests: 100,
  concurrency: 10,
  workers: 10,
  latencyMs: 50,
  requestTimeoutMs: 10_000,
  baseUrl: "(mock API)",
  client,
  target: "mock-api",
});

export function ioCell(scenarioId: string, walls: number[], overrides: Partial<CellResult> = {}): CellResult {
  return {
    ...cpuCell(scenarioId, walls),
    cellId: scenarioId,
    kind: "io",
    params: ioParams("default"),
    parallelism: 10,
    ideal: { wallMs: 500 },
    baseline: scenarioId === "io.sequential" ? null : "io.sequential",
    ...overrides,
  };
}

export function measured(name: RuntimeName, cells: CellResult[]): RuntimeRun {
  return {
    name,
    status: "measured",
    description: {
      runtime: {
        runtime: name,
        version: "1.0.0",
        engine: name === "bun" ? "JavaScriptCore" : "V8",
        engineVersion: "test",
        reportedParallelism: 2,
        execArgv: [],
        relevantEnv: {},
      },
      httpClients: { default: { name: `${name} fetch`, configuration: "default", settings: {} } },
      clock: { resolutionMs: 0.001, callOverheadNs: 50 },
    },
    cells,
  };
}

export const notSelected = (name: RuntimeName): RuntimeRun => ({
  name,
  status: "n/a",
  selected: false,
  reason: "not selected: --runtimes node,bun",
});

export function runResult(runtimes: RuntimeRun[]): RunResult {
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    machine: {
      cpuModel: "Test CPU",
      cores: 2,
      availableParallelism: 2,
      memoryBytes: 2 ** 34,
      os: "Test OS",
      kernel: "Linux test",
      arch: "x64",
      loadAverage: [0.1, 0.2, 0.3],
    },
    run: {
      profile: "full",
      startedAt: "2026-01-01T00:00:00.000Z",
      finishedAt: "2026-01-01T00:10:00.000Z",
      gitCommit: "abc123",
      order: { kind: "blocks", seed: 42, maxPairGapRuns: 17 },
      rounds: { warmup: 0, counted: 6 },
      precision: {
        confidence: 0.95,
        effectThreshold: 0.05,
        minRounds: 6,
        maxRounds: 20,
        budgetSeconds: 780,
        stoppedBy: "settled",
        measuringSeconds: 600,
        perRound: [0, 1, 2, 3, 4, 5].map((round) => ({ round, runs: 9, seconds: 100, open: 0, comparisons: 9 })),
      },
      mockApi: { latencyMs: 50, runtime: "node 26" },
      meter: { memoryPollMs: 50, memory: "PSS", cpu: "getrusage", cores: "main thread's core" },
      coreProbe: { start: { ms: [15, 15.2], cores: [0, 1] }, afterEachRound: [] },
      loadAverage: { start: [0.1, 0.2, 0.3], end: [0.1, 0.2, 0.3] },
    },
    runtimes,
  };
}

/** A cell of the I/O sweep as the suite expands it (N = 10 x C requests): its id, group, parameters and ideal time. */
/** A sweep cell's shape: N = 10 x C requests; a memory cell (`requests` given) holds N and has a group of its own. */
export function ioSweepShape(
  scenarioId: string,
  latencyMs: number,
  concurrency: number,
  workers = 1,
  heldRequests?: number,
): Partial<CellResult> {
  const requests = heldRequests ?? 10 * concurrency;
  return {
    cellId: `${scenarioId}/L=${latencyMs}ms/C=${concurrency}${scenarioId === "io.worker-threads" ? `/W=${workers}` : ""}/N=${requests}`,
    group: heldRequests === undefined ? "io-sweep" : "io-memory",
    params: {
      kind: "io",
      requests,
      concurrency,
      workers,
      latencyMs,
      requestTimeoutMs: 10_000,
      baseUrl: "(mock API)",
      client: "default",
      target: "mock-api",
    },
    ideal: { wallMs: Math.ceil(requests / concurrency) * latencyMs },
  };
}

/** Both files of a report as one text, for tests of what it says rather than of which file says it. */
export function reportText(result: RunResult): string {
  const { readme, details } = renderReport(result);
  return `${readme}\n${details}`;
}
