/** Fixed result files for the report and schema tests: small, hand-set numbers with known answers. */
import { RESULT_SCHEMA_VERSION, type CellResult, type CellSample, type RunResult } from "@runtime-bench/harness/schema";
import type { RuntimeName } from "@runtime-bench/harness/primitives";

/** The i-th sample of a cell is from round i + 1 (round 0 being the warm-up round). */
const sample = (wallMs: number, index: number): CellSample => ({
  wallMs,
  cpuMs: { user: wallMs, system: 1 },
  coreBusy: [1, 0.5],
  peakRssKiB: 51_200,
  round: index + 1,
});

/** Samples scattered ±2% around a median, so intervals are narrow but not empty. */
export const around = (medianMs: number): number[] => [0.98, 0.99, 1, 1, 1.01, 1.02].map((factor) => medianMs * factor);

export function cpuCell(scenarioId: string, walls: number[], overrides: Partial<CellResult> = {}): CellResult {
  return {
    cellId: `${scenarioId}/n=1e8`,
    scenarioId,
    kind: "cpu",
    title: scenarioId,
    lessonAnalogue: "test",
    size: "default",
    params: { kind: "cpu", tasks: 4, n: 100_000_000, workers: 2 },
    parallelism: scenarioId === "cpu.worker-pool" ? 2 : 1,
    ideal: { speedup: scenarioId === "cpu.worker-pool" ? 2 : 1 },
    status: "ok",
    implementation: "fixture",
    notes: [],
    warmup: [],
    samples: walls.map(sample),
    inProcess: null,
    ...overrides,
  };
}

export function ioCell(walls: number[]): CellResult {
  return {
    ...cpuCell("io.async-fetch", walls),
    cellId: "io.async-fetch",
    kind: "io",
    params: { kind: "io", requests: 100, concurrency: 10, workers: 10, latencyMs: 50, requestTimeoutMs: 10_000, baseUrl: "(mock API)" },
    parallelism: 100,
    ideal: { wallMs: 50 },
  };
}

export function runResult(runtime: RuntimeName, cells: CellResult[]): RunResult {
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    runtime: {
      runtime,
      version: "1.0.0",
      engine: runtime === "bun" ? "JavaScriptCore" : "V8",
      engineVersion: "test",
      reportedParallelism: 2,
      execArgv: [],
      relevantEnv: {},
    },
    httpClient: { name: `${runtime} fetch`, configuration: "default", settings: {} },
    clock: { resolutionMs: 0.001, callOverheadNs: 50 },
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
      runs: 6,
      warmupRuns: 1,
      order: "round-robin",
      startedAt: "2026-01-01T00:00:00.000Z",
      finishedAt: "2026-01-01T00:01:00.000Z",
      gitCommit: "abc123",
      mockApi: { latencyMs: 50, runtime: "node 26" },
      speedProbe: { startMs: 30, endMs: 30.3, drift: 0.01 },
      loadAverageAtStart: [0.1, 0.2, 0.3],
    },
    cells,
  };
}
