/**
 * A full-profile run for the chart tests: headline cells, the scaling sweep, the crossover ladder and the I/O
 * sweep, for node and bun, with deno left out (n/a), on hand-set numbers with known answers.
 */
import type { CellResult, RunResult } from "@runtime-bench/model/schema";
import { around, cpuCell, ioCell, ioSweepShape, measured, notSelected, runResult } from "./fixtures.ts";

/** Every run of the cell read this much peak PSS: a memory slope over such cells is exact. */
const withPss = (cell: CellResult, pssMiB: number): CellResult => ({
  ...cell,
  samples: cell.samples.map((sample) => ({ ...sample, peakPssKiB: pssMiB * 1024 })),
});

/** 8 tasks on a 2-core machine: the ideal is min(8, workers, 2). 5 MiB per added worker, 10 MiB per added process. */
function scalingCells(sequentialMs: number): CellResult[] {
  const cell = (scenarioId: string, workers: number | null, wallMs: number, pssMiB: number) =>
    withPss(
      cpuCell(scenarioId, around(wallMs), {
        cellId: `${scenarioId}/n=1e8/t=8${workers === null ? "" : `/w=${workers}`}`,
        group: "scaling",
        params: { kind: "cpu", workload: "sum-of-squares", tasks: 8, n: 100_000_000, workers: workers ?? 2 },
        ideal: { speedup: workers === null ? 1 : Math.min(8, workers, 2) },
        baseline: workers === null ? null : "cpu.sequential/n=1e8/t=8",
      }),
      pssMiB,
    );
  return [
    cell("cpu.sequential", null, sequentialMs, 40),
    ...[1, 2, 4].flatMap((workers) => [
      cell("cpu.worker-pool", workers, sequentialMs / Math.min(workers, 2), 40 + 5 * workers),
      cell("cpu.process-pool", workers, (sequentialMs * 1.1) / Math.min(workers, 2), 40 + 10 * workers),
    ]),
  ];
}

/** The ladder: the pool loses at 0.1 ms per task and wins at 10 ms. */
function crossoverCells(scale: number): CellResult[] {
  const cell = (scenarioId: string, n: number, wallMs: number) =>
    cpuCell(scenarioId, around(wallMs * scale), {
      cellId: `${scenarioId}/n=${n}/t=2`,
      group: "crossover",
      params: { kind: "cpu", workload: "sum-of-squares", tasks: 2, n, workers: 2 },
      ideal: { speedup: scenarioId === "cpu.sequential" ? 1 : 2 },
      baseline: scenarioId === "cpu.sequential" ? null : `cpu.sequential/n=${n}/t=2`,
    });
  return [
    cell("cpu.sequential", 100_000, 0.2),
    cell("cpu.worker-pool", 100_000, 0.8),
    cell("cpu.sequential", 10_000_000, 20),
    cell("cpu.worker-pool", 10_000_000, 11),
  ];
}

/** One point of the I/O sweep: N = 10 x C requests, the ideal ceil(N/C) x latency. */
export function sweepPoint(
  scenarioId: string,
  latencyMs: number,
  concurrency: number,
  wallMs: number,
  extra: { workers?: number; pssMiB?: number; baseline?: string | null; requests?: number } = {},
): CellResult {
  const workers = extra.workers ?? 1;
  return withPss(
    ioCell(scenarioId, around(wallMs), {
      ...ioSweepShape(scenarioId, latencyMs, concurrency, workers, extra.requests),
      baseline: extra.baseline ?? null,
    }),
    extra.pssMiB ?? 40,
  );
}

/**
 * The memory cells (N = 500 held at 100 ms): 2 MiB more at C = 100 than at C = 10, 90 more requests in flight; 10 MiB
 * per added worker thread.
 */
function ioSweepCells(): CellResult[] {
  const asyncAt100 = "io.async-fetch/L=50ms/C=100/N=1000";
  return [
    sweepPoint("io.async-fetch", 0, 10, 20),
    sweepPoint("io.async-fetch", 50, 10, 520, { pssMiB: 40 }),
    sweepPoint("io.async-fetch", 50, 100, 550, { pssMiB: 42 }),
    sweepPoint("io.async-fetch", 100, 10, 5000, { pssMiB: 40, requests: 500 }),
    sweepPoint("io.async-fetch", 100, 100, 500, { pssMiB: 42, requests: 500 }),
    sweepPoint("io.worker-threads", 50, 100, 605, { workers: 1, pssMiB: 60, baseline: asyncAt100 }),
    sweepPoint("io.worker-threads", 50, 100, 605, { workers: 2, pssMiB: 70, baseline: asyncAt100 }),
  ];
}

/** The headline cells: the worker pool 2.00x (node) and 1.90x (bun) over sequential, async requests 10x. */
export function headlineCells(sequentialMs: number, poolMs: number): CellResult[] {
  return [
    cpuCell("cpu.sequential", around(sequentialMs)),
    cpuCell("cpu.worker-pool", around(poolMs)),
    ioCell("io.sequential", around(5000)),
    ioCell("io.async-fetch", around(500)),
  ];
}

export function fullRun(): RunResult {
  return runResult([
    measured("node", [...headlineCells(400, 200), ...scalingCells(800), ...crossoverCells(1), ...ioSweepCells()]),
    measured("bun", [...headlineCells(380, 200), ...scalingCells(600), ...crossoverCells(0.8), ...ioSweepCells()]),
    notSelected("deno"),
  ]);
}
