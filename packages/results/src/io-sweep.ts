/**
 * The I/O sweep: per runtime, every point (model, requests in flight C, workers W, latency) with its efficiency
 * against the ideal ceil(N/C) x latency, requests per second and request latency percentiles; the memory each
 * in-flight request and each worker thread adds (slopes of the tree's peak PSS, round by round); and whether the
 * mock API could have been the bottleneck, by its own CPU use per cell and by its measured capacity.
 */
import { type IoSweepRole, sweepRoleOf } from "@runtime-bench/model/scenarios/records";
import type { RunResult } from "@runtime-bench/model/schema";
import { type Analysis, type CellTable, isMeasured, type MeasuredRow, type UnavailableRow } from "./analyze.ts";
import { ofGroup } from "./cells.ts";
import type { Column } from "./column.ts";
import { type MemorySeries, memorySlope } from "./scaling.ts";

/** A cell where the mock API used more than this many cores may have measured the server, not the client. */
export const SERVER_BUSY_FLAG_CORES = 0.5;

/** The mock API used more than SERVER_BUSY_FLAG_CORES during the row's cell: the one test, for the sweep and the flags. */
export const isServerBusy = (row: MeasuredRow): row is MeasuredRow & { serverBusyCores: number } =>
  row.serverBusyCores !== null && row.serverBusyCores > SERVER_BUSY_FLAG_CORES;
/** The server must serve this many times the highest rate any client reached, or the sweep is flagged. */
export const CAPACITY_HEADROOM = 5;

export interface IoSweepPoint {
  column: Column;
  /** The scenario's part in the sweep (its record's sweepRole); undefined for a scenario no record describes. */
  role: IoSweepRole | undefined;
  latencyMs: number;
  concurrency: number;
  workers: number;
  requests: number;
  row: MeasuredRow;
  requestsPerSecond: number;
  /** This point's rate was more than 1 / CAPACITY_HEADROOM of the server's measured capacity (false where unmeasured). */
  nearServerCapacity: boolean;
}

type Slope = { mib: number; ci95: [number, number] | null } | null;

export interface IoSweep {
  points: IoSweepPoint[];
  /** Cells of the sweep a runtime could not run, with the reason. */
  unavailable: Array<{ cellId: string; row: UnavailableRow }>;
  memory: Array<{
    column: Column;
    /** Memory per request in flight, from the series `inFlight` describes; null where no series holds N constant. */
    perInFlightRequest: Slope;
    /** The points behind it: their latency and N, the C used (at most `cap`, the client's own in-flight limit). */
    inFlight: { latencyMs: number; requests: number; concurrency: number[]; cap: number | null } | null;
    perWorker: Slope;
    workersAtConcurrency: number | null;
  }>;
  /** The highest client rate of the run (any runtime, any I/O cell) against the server's measured capacity. */
  capacity: {
    serverRequestsPerSecond: number | null;
    tool: string | null;
    unavailable?: string;
    highest: { column: Column; cellId: string; requestsPerSecond: number } | null;
    /** Capacity over the highest rate: below CAPACITY_HEADROOM the run is flagged. */
    headroom: number | null;
  };
}

export function ioSweep(result: RunResult, { runs, tables }: Analysis): IoSweep | null {
  const ioOf = (group: "io-sweep" | "io-memory") => ofGroup(tables, group).filter((table) => table.cell.params.kind === "io");
  const sweep = ioOf("io-sweep");
  if (sweep.length === 0) return null;
  const capacity = capacityOf(result, tables);
  const pointsOf = (own: readonly CellTable[]) =>
    own.flatMap((table) =>
      table.rows.filter(isMeasured).flatMap((row): IoSweepPoint[] => {
        const params = row.cell.params;
        if (params.kind !== "io") return [];
        const requestsPerSecond = params.requests / (row.wall.median / 1000);
        return [
          {
            column: row.column,
            role: sweepRoleOf(row.cell.scenarioId),
            latencyMs: params.latencyMs,
            concurrency: params.concurrency,
            workers: params.workers,
            requests: params.requests,
            row,
            requestsPerSecond,
            nearServerCapacity:
              capacity.serverRequestsPerSecond !== null && requestsPerSecond * CAPACITY_HEADROOM > capacity.serverRequestsPerSecond,
          },
        ];
      }),
    );
  // Files written before the memory cells had a group of their own (be7b249 to 06c42b5) kept them in io-sweep: there
  // they are the cells at a latency without sequential requests, which every latency of the sweep proper has.
  const latencyOf = (table: CellTable) => (table.cell.params.kind === "io" ? table.cell.params.latencyMs : -1);
  const swept = new Set(sweep.filter((table) => sweepRoleOf(table.cell.scenarioId) === "sequential").map(latencyOf));
  const isSwept = (table: CellTable) => swept.size === 0 || swept.has(latencyOf(table));
  const points = pointsOf(sweep.filter(isSwept));
  const memoryPoints = pointsOf([...ioOf("io-memory"), ...sweep.filter((table) => !isSwept(table))]);
  // Cells a measured column could not run; a column left out of the run (or unable to start) is said so elsewhere.
  const measured = new Set(runs.flatMap(({ column, run }) => (run.status === "measured" ? [column.label] : [])));
  const unavailable = sweep.flatMap((table) =>
    table.rows.flatMap((row) => (isMeasured(row) || !measured.has(row.column.label) ? [] : [{ cellId: table.cellId, row }])),
  );
  const columns = [...new Set(points.map((point) => point.column))];
  const capOf = (column: Column) => {
    const run = runs.find((one) => one.column === column)?.run;
    const cap = run?.status === "measured" ? run.description.httpClients.default.settings.maxRequestsInFlight : undefined;
    return typeof cap === "number" ? cap : null;
  };
  return { points, unavailable, memory: columns.map((column) => memoryOf(column, points, memoryPoints, capOf(column))), capacity };
}

/**
 * Per in-flight request: the slope of memory over C from the memory cells (async requests on the main thread with the
 * number of requests N held constant while C varies), so per-request bookkeeping (each answer kept, each request's
 * record) does not leak into it; and only from the C the runtime's client really holds in flight (at most its cap,
 * where it has one). Per worker: concurrencyMemory's.
 */
function memoryOf(
  column: Column,
  points: readonly IoSweepPoint[],
  memoryPoints: readonly IoSweepPoint[],
  cap: number | null,
): IoSweep["memory"][number] {
  const held = memoryPoints.filter((point) => point.column === column && (cap === null || point.concurrency <= cap));
  const chosen = new Set(held.map((point) => point.concurrency)).size >= 2 ? held : null;
  const workerPoints = points.filter((point) => point.column === column && point.role === "workers");
  const asSeries = (point: IoSweepPoint): ConcurrencyPoint => ({ ...point, samples: point.row.cell.samples });
  const memory = concurrencyMemory((chosen ?? []).map(asSeries), workerPoints.map(asSeries));
  return {
    column,
    perInFlightRequest: memory.perInFlight,
    inFlight: chosen
      ? {
          latencyMs: chosen[0]!.latencyMs,
          requests: chosen[0]!.requests,
          concurrency: chosen.map((point) => point.concurrency).sort((a, b) => a - b),
          cap,
        }
      : null,
    workersAtConcurrency: memory.workersAt,
    perWorker: memory.perWorker,
  };
}

/** A point of one column for the memory slopes: its C, its W and its runs. */
export type ConcurrencyPoint = { concurrency: number; workers: number; samples: MemorySeries["samples"] };

/**
 * What each unit of concurrency adds to peak memory, from one column's points: per unit in flight, the slope over C of
 * `held` (points with the number of units held constant; none with fewer than two values of C); per worker, the slope
 * over W of `workers` at the largest C that has two or more worker counts. The sweep and a user's I/O task read both.
 */
export function concurrencyMemory(
  held: readonly ConcurrencyPoint[],
  workers: readonly ConcurrencyPoint[],
): { perInFlight: Slope; perWorker: Slope; workersAt: number | null } {
  const slopeOver = (picked: readonly ConcurrencyPoint[], x: (point: ConcurrencyPoint) => number) =>
    memorySlope(picked.map((point) => ({ x: x(point), samples: point.samples })));
  const atConcurrency = (c: number) => workers.filter((point) => point.concurrency === c);
  const workersAt =
    [...new Set(workers.map((point) => point.concurrency))].sort((a, b) => b - a).find((c) => atConcurrency(c).length >= 2) ?? null;
  return {
    perInFlight: new Set(held.map((point) => point.concurrency)).size >= 2 ? slopeOver(held, (point) => point.concurrency) : null,
    perWorker: workersAt === null ? null : slopeOver(atConcurrency(workersAt), (point) => point.workers),
    workersAt,
  };
}

function capacityOf(result: RunResult, tables: readonly CellTable[]): IoSweep["capacity"] {
  const rates = tables.flatMap((table) =>
    table.rows.filter(isMeasured).flatMap((row) => {
      const params = row.cell.params;
      return params.kind === "io"
        ? [{ column: row.column, cellId: table.cellId, requestsPerSecond: params.requests / (row.wall.median / 1000) }]
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
