/** The report's I/O sweep section: efficiency, rate and latency per point, memory per unit, server headroom. */
import { IO_SWEEP_ROLES } from "@runtime-bench/model/scenarios/records";
import type { RunResult } from "@runtime-bench/model/schema";
import type { Analysis } from "./analyze.ts";
import { judgedSpeedup, kibSlope, mibSlope, ms, percent } from "./format.ts";
import { CAPACITY_HEADROOM, type IoSweep, type IoSweepPoint, ioSweep, isServerBusy, SERVER_BUSY_FLAG_CORES } from "./io-sweep.ts";
import { flagged, flagMark, serverBusy } from "./noise.ts";
import { labelledTable, table } from "./table.ts";
import { reasonOf } from "./text.ts";

export function ioSweepSection(result: RunResult, analysis: Analysis): string[] {
  const sweep = ioSweep(result, analysis);
  if (!sweep) return [];
  const latencies = [...new Set(sweep.points.map((point) => point.latencyMs))].sort((a, b) => a - b);
  const columns = [...new Set(sweep.points.map((point) => point.column))];
  return [
    "N = 10 x C requests, C in flight at once: on the main thread (async), or spread over W worker threads (C/W in",
    "flight in each), with the mock API answering each after the injected latency. Efficiency is the ideal",
    "ceil(N/C) x latency over the median time (none at 0 ms, where requests per second tell the models apart);",
    "p50/p99 are each request's latency as its client saw it (medians over rounds); client CPU / request is the client's",
    "process tree's CPU time over N: where it approaches the latency over C, the client, not the latency, sets the pace.",
    "Workers are compared with async requests at the same C, run by run.",
    "",
    ...capacityLines(sweep),
    ...capLines(analysis, sweep),
    ...memoryLines(sweep),
    ...latencies.flatMap((latencyMs) => [
      `### ${latencyMs} ms latency`,
      "",
      ...table(
        POINT_HEADER,
        columns.flatMap((column) =>
          sweep.points
            .filter((point) => point.column === column && point.latencyMs === latencyMs)
            .sort((a, b) => a.concurrency - b.concurrency || modelOrder(a) - modelOrder(b) || a.workers - b.workers)
            .map((point) => pointRow(point).map(String)),
        ),
        POINT_HEADER.map((_, column) => (column < 2 ? "left" : "right")),
      ),
      "",
    ]),
    ...(sweep.unavailable.length > 0
      ? ["Not measured:", "", ...sweep.unavailable.map(({ cellId, row }) => `- ${row.column.label} ${cellId}: ${reasonOf(row)}`), ""]
      : []),
  ];
}

/** Sequential requests, then async on the main thread, then worker threads: the lesson's order (IO_SWEEP_ROLES). */
const modelOrder = (point: IoSweepPoint) => (point.role === undefined ? -1 : IO_SWEEP_ROLES.indexOf(point.role));

const POINT_HEADER = [
  "runtime",
  "model",
  "C",
  "W",
  "N",
  "median",
  "ideal",
  "efficiency",
  "requests/s",
  "p50",
  "p99",
  "client CPU / request",
  "against its baseline",
  "server cores",
];

function pointRow(point: IoSweepPoint): Array<string | number> {
  const { row } = point;
  const ideal = "wallMs" in row.cell.ideal ? row.cell.ideal.wallMs : null;
  const versus = row.versusBaseline ? judgedSpeedup(row.versusBaseline) : "—";
  const server = row.serverBusyCores === null ? "n/a" : `${row.serverBusyCores.toFixed(2)}${flagMark(serverBusy(row, row.cell.cellId))}`;
  const nearCapacity = point.nearServerCapacity
    ? {
        kind: "near-server-capacity" as const,
        column: point.column.label,
        cellId: row.cell.cellId,
        requestsPerSecond: point.requestsPerSecond,
      }
    : null;
  return [
    point.column.label,
    row.cell.readingName,
    point.concurrency,
    point.role === "workers" ? point.workers : "—",
    point.requests,
    `${ms(row.wall.median)} ms`,
    ideal === null || ideal === 0 ? "—" : `${ms(ideal)} ms`,
    row.efficiency === null ? "—" : percent(row.efficiency),
    `${point.requestsPerSecond.toFixed(0)}${flagMark(nearCapacity)}`,
    row.requestLatency ? `${ms(row.requestLatency.p50Ms)} ms` : "n/a",
    row.requestLatency ? `${ms(row.requestLatency.p99Ms)} ms` : "n/a",
    row.cpuMs === null ? "n/a" : `${ms((row.cpuMs * 1000) / point.requests)} µs`,
    versus,
    server,
  ];
}

function capacityLines({ capacity, points }: IoSweep): string[] {
  const busy = points.filter((point) => isServerBusy(point.row));
  const near = points.filter((point) => point.nearServerCapacity);
  const highest = capacity.highest
    ? `${capacity.highest.requestsPerSecond.toFixed(0)} requests/s (${capacity.highest.column.label}, ${capacity.highest.cellId})`
    : "none measured";
  const verdict =
    capacity.headroom === null
      ? `n/a (${capacity.unavailable ?? "no client rate"}): whether the server was the bottleneck is unknown`
      : capacity.headroom >= CAPACITY_HEADROOM
        ? `${capacity.headroom.toFixed(1)}x the highest client rate (at least ${CAPACITY_HEADROOM}x needed): the server was not the limit`
        : flagged({ kind: "short-server-capacity", headroom: capacity.headroom, points: near.length });
  return [
    `- Mock API capacity: ${capacity.serverRequestsPerSecond === null ? "not measured" : `${capacity.serverRequestsPerSecond.toFixed(0)} requests/s to ${capacity.tool} at 0 ms latency`}; highest client rate ${highest}; ${verdict}.`,
    `- Server CPU per cell: ${busy.length === 0 ? `no cell had the mock API busy more than ${SERVER_BUSY_FLAG_CORES} cores` : flagged({ kind: "busy-server-cells", cells: busy.length })}.`,
    "",
  ];
}

/** Where a runtime's default client holds fewer requests in flight than a point asks for, that point is capped by it. */
function capLines({ runs }: Analysis, sweep: IoSweep): string[] {
  const largest = Math.max(...sweep.points.map((point) => point.concurrency));
  const caps = runs.flatMap(({ column, run }) => {
    if (run.status !== "measured") return [];
    const cap = run.description.httpClients.default.settings.maxRequestsInFlight;
    return typeof cap === "number" && cap < largest
      ? [
          `- ${column.label}: its fetch keeps at most ${cap} requests in flight (${run.description.httpClients.default.name}'s default), so its points above C = ${cap} are capped by the runtime, not the model.`,
        ]
      : [];
  });
  return caps.length > 0 ? [...caps, ""] : [];
}

function memoryLines({ memory }: IoSweep): string[] {
  const perRequest = (one: IoSweep["memory"][number]) => {
    if (!one.perInFlightRequest || !one.inFlight) return "n/a (no series holding the number of requests constant, or too few rounds)";
    const { latencyMs, requests, concurrency, cap } = one.inFlight;
    const capped = cap === null ? "" : `, up to its client's cap of ${cap}`;
    return `${kibSlope(one.perInFlightRequest)} (C = ${concurrency.join(", ")}${capped}; N = ${requests}, ${latencyMs} ms)`;
  };
  return [
    "Memory per unit of concurrency: the slope of the tree's peak PSS, round by round, with its interval. Per in-flight",
    "async request: over C with the number of requests N held constant (the memory cells), and only at the C each",
    "runtime's client really holds in flight, so what each answer or request record keeps does not leak into it. Per",
    "worker thread: over W at the largest C. PSS is the memory mapped at the peak, garbage not yet collected included: a",
    "slope is what each unit held, live or not yet freed.",
    "",
    ...labelledTable(
      ["runtime", "per in-flight async request", "per worker thread"],
      memory.map((one) => [
        one.column.label,
        perRequest(one),
        one.perWorker ? `${mibSlope(one.perWorker)} (C = ${one.workersAtConcurrency})` : "n/a (too few points or rounds)",
      ]),
    ),
    "",
  ];
}
