/** A measured headline CPU cell with one run per round (round i took walls[i] ms), for tests of comparisons and rounds. */
import type { CellResult } from "../src/schema.ts";

export function cellWithRuns(cellId: string, walls: readonly number[], overrides: Partial<CellResult> = {}): CellResult {
  return {
    cellId,
    group: "headline",
    scenarioId: cellId.split("/")[0]!,
    kind: "cpu",
    title: cellId,
    readingName: cellId,
    lessonAnalogue: "test",
    size: "default",
    params: { kind: "cpu", workload: "sum-of-squares", tasks: 4, n: 1000, workers: 2 },
    parallelism: 1,
    ideal: { speedup: 1 },
    baseline: null,
    pairedWith: null,
    comparedAcrossRuntimes: true,
    status: "ok",
    implementation: "test",
    notes: [],
    warmup: [],
    samples: walls.map((wallMs, round) => ({
      round,
      slot: 0,
      block: "test",
      startedAtMs: round * 100_000,
      endedAtMs: round * 100_000 + wallMs,
      mainThreadCores: [0],
      wallMs,
      cpuMs: null,
      busyCores: null,
      otherLoadCores: null,
      peakPssKiB: null,
      memoryPolls: 2,
      executors: [],
    })),
    inProcess: null,
    ...overrides,
  };
}
