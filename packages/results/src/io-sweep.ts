/**
 * The I/O sweep: per runtime, every point (model, requests in flight C, workers W, latency) with its efficiency
 * against the ideal ceil(N/C) x latency, requests per second and request latency percentiles; the memory each
 * in-flight request and each worker thread adds (slopes of the tree's peak PSS, round by round); and whether the
 * mock API could have been the bottleneck, by its own CPU use per cell and by its measured capacity.
 */
import type { RuntimeName } from "@runtime-bench/harness/runtimes";
import type { RunResult } from "@runtime-bench/harness/schema";
import { type CellTable, isMeasured, type MeasuredRow } from "./analyze.ts";
import { memorySlope } from "./scaling.ts";

/** A cell where the mock API used more than this many cores may have measured the server, not the client. */
export const SERVER_BUSY_FLAG_CORES = 0.5;
/** The server must serve this many times the highest rate any client reached, or the sweep is flagged. */
export const CAPACITY_HEADROOM = 5;

export interface IoSweepPoint {
  runtime: RuntimeName;
  scenarioId: string;
  latencyMs: number;
  concurrency: number;
  workers: number;
  requests: number;
  row: MeasuredRow;
  requestsPerSecond: number;
  /** The mock API used more than SERVER_BUSY_FLAG_CORES in this cell. */
  serverBusy: boolean;
  /** This point's rate was more than 1 / CAPACITY_HEADROOM of the server's measured capacity (false where unmeasured). */
  nearServerCapacity: boolean;
}

type Slope = { mib: number; ci95: [number, number] | null } | null;

export interface IoSweep {
  points: IoSweepPoint[];
  /** Cells of the sweep a runtime could not run, with the reason. */
  unavailable: Array<{ runtime: RuntimeName; cellId: string; reason: string }>;
  memory: Array<{
    runtime: RuntimeName;
    perInFlightRequest: Slope;
    perWorker: Slope;
    latencyMs: number;
    workersAtConcurrency: number | null;
  }>;
  /** The highest client rate of the run (any runtime, any I/O cell) against the server's measured capacity. */
  capacity: {
    serverRequestsPerSecond: number | null;
    tool: string | null;
    unavailable?: string;
    highest: { runtime: RuntimeName; cellId: string; requestsPerSecond: number } | null;
    /** Capacity over the highest rate: below CAPACITY_HEADROOM the run is flagged. */
    headroom: number | null;
  };
}

export function ioSweep(result: RunResult, tables: readonly CellTable[]): IoSweep | null {
  const sweep = tables.filter((table) => table.cell.group === "io-sweep" && table.cell.params.kind === "io");
  if (sweep.length === 0) return null;
  const capacity = capacityOf(result, tables);
  const points = sweep.flatMap((table) =>
    table.rows.filter(isMeasured).flatMap((row): IoSweepPoint[] => {
      const params = row.cell.params;
      if (params.kind !== "io") return [];
      const requestsPerSecond = params.requests / (row.wall.median / 1000);
      return [
        {
          runtime: row.runtime,
          scenarioId: row.cell.scenarioId,
          latencyMs: params.latencyMs,
          concurrency: params.concurrency,
          workers: params.workers,
          requests: params.requests,
          row,
          requestsPerSecond,
          serverBusy: row.serverBusyCores !== null && row.serverBusyCores > SERVER_BUSY_FLAG_CORES,
          nearServerCapacity:
            capacity.serverRequestsPerSecond !== null && requestsPerSecond * CAPACITY_HEADROOM > capacity.serverRequestsPerSecond,
        },
      ];
    }),
  );
  // Cells a measured runtime could not run; a runtime left out of the run (or unable to start) is said so elsewhere.
  const measuredRuntimes = new Set(result.runtimes.flatMap((runtime) => (runtime.status === "measured" ? [runtime.name] : [])));
  const unavailable = sweep.flatMap((table) =>
    table.rows.flatMap((row) =>
      isMeasured(row) || !measuredRuntimes.has(row.runtime) ? [] : [{ runtime: row.runtime, cellId: table.cellId, reason: row.reason }],
    ),
  );
  const runtimes = [...new Set(points.map((point) => point.runtime))];
  return { points, unavailable, memory: runtimes.map((runtime) => memoryOf(runtime, points)), capacity };
}

/**
 * Per in-flight request: async requests on the main thread over C, at the largest latency (where C requests are
 * really in flight at once). Per worker: the worker counts at the largest C that has two or more of them.
 */
function memoryOf(runtime: RuntimeName, points: readonly IoSweepPoint[]): IoSweep["memory"][number] {
  const own = points.filter((point) => point.runtime === runtime);
  const latencyMs = Math.max(...own.map((point) => point.latencyMs));
  const asyncPoints = own.filter((point) => point.scenarioId === "io.async-fetch" && point.latencyMs === latencyMs);
  const workerPoints = own.filter((point) => point.scenarioId === "io.worker-threads");
  const concurrencies = [...new Set(workerPoints.map((point) => point.concurrency))].sort((a, b) => b - a);
  const workersAt = concurrencies.find((c) => workerPoints.filter((point) => point.concurrency === c).length >= 2) ?? null;
  const series = (chosen: IoSweepPoint[], x: (point: IoSweepPoint) => number) =>
    memorySlope(chosen.map((point) => ({ x: x(point), samples: point.row.cell.samples })));
  return {
    runtime,
    latencyMs,
    workersAtConcurrency: workersAt,
    perInFlightRequest: series(asyncPoints, (point) => point.concurrency),
    perWorker:
      workersAt === null
        ? null
        : series(
            workerPoints.filter((point) => point.concurrency === workersAt),
            (point) => point.workers,
          ),
  };
}

function capacityOf(result: RunResult, tables: readonly CellTable[]): IoSweep["capacity"] {
  const rates = tables.flatMap((table) =>
    table.rows.filter(isMeasured).flatMap((row) => {
      const params = row.cell.params;
      return params.kind === "io"
        ? [{ runtime: row.runtime, cellId: table.cellId, requestsPerSecond: params.requests / (row.wall.median / 1000) }]
        : [];
    }),
  );
  const highest = rates.reduce<(typeof rates)[number] | null>(
    (best, rate) => (best === null || rate.requestsPerSecond > best.requestsPerSecond ? rate : best),
    null,
  );
  const measured = result.run.mockApi?.capacity;
  if (!measured || "unavailable" in measured) {
    return {
      serverRequestsPerSecond: null,
      tool: null,
      unavailable: measured ? measured.unavailable : "not measured in this run",
      highest,
      headroom: null,
    };
  }
  return {
    serverRequestsPerSecond: measured.requestsPerSecond,
    tool: measured.tool,
    highest,
    headroom: highest ? measured.requestsPerSecond / highest.requestsPerSecond : null,
  };
}
