/**
 * An I/O-bound task (packages/task's IoTaskDefinition, `kind: "io"`): its target, units, in-flight levels and worker
 * counts checked before anything runs (bad input: exit 2), and the profile that runs it: the suite's three I/O models
 * (sequential, async on the main thread, over worker threads) at the task's levels, nothing else.
 */
import { MAX_REQUEST_LATENCY_MS } from "@runtime-bench/mock-api";
import { UsageError } from "@runtime-bench/model/cli/flags";
import { sweepRoleOf } from "@runtime-bench/model/scenarios/records";
import type { Profile } from "@runtime-bench/model/suite";
import type { UserTaskDefinition } from "@runtime-bench/workloads";

export interface IoTaskShape {
  /** Units per run (N), the same in every cell. */
  units: number;
  /** In-flight levels C by label, smallest first. */
  inFlight: Array<[label: string, inFlight: number]>;
  /** Worker counts W for the workers model. */
  workers: number[];
  /** The mock API at the task's latency, or the task's own service (its latency if stated, else null). */
  target: { kind: "mock-api"; latencyMs: number } | { kind: "service"; url: string; latencyMs: number | null };
}

export const DEFAULT_UNITS = 100;
export const DEFAULT_IN_FLIGHT: Readonly<Record<string, number>> = { "10 in flight": 10, "50 in flight": 50 };
export const DEFAULT_WORKERS: readonly number[] = [1, 2, 4];

const isWhole = (value: unknown, low: number, high: number): value is number =>
  Number.isInteger(value) && (value as number) >= low && (value as number) <= high;
const isLatency = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= MAX_REQUEST_LATENCY_MS;

type IoDefinition = Pick<UserTaskDefinition, "target" | "units" | "inFlight" | "workers">;

/** The definition's I/O settings, checked, defaults filled in; a UsageError naming the setting and its form otherwise. */
export function ioTaskShape(name: string, definition: IoDefinition): IoTaskShape {
  const bad = (what: string) => new UsageError(`task ${name}: ${what}`);
  const units = definition.units ?? DEFAULT_UNITS;
  if (!isWhole(units, 1, 100_000)) throw bad(`units must be a whole number from 1 to 100000, got ${String(units)}`);
  const target = targetOf(name, definition.target);
  const levels = definition.inFlight ?? defaultLevels(units);
  if (typeof levels !== "object" || levels === null || Object.keys(levels).length === 0)
    throw bad(`inFlight must name at least one level, e.g. { "10 at once": 10 }`);
  const inFlight = Object.entries(levels as Record<string, unknown>).map(([label, c]): [string, number] => {
    if (!isWhole(c, 1, units)) throw bad(`inFlight "${label}" must be a whole number from 1 to units (${units}), got ${String(c)}`);
    return [label, c];
  });
  const workers = definition.workers ?? DEFAULT_WORKERS;
  if (!Array.isArray(workers) || workers.length === 0 || !workers.every((w) => isWhole(w, 1, 256)))
    throw bad(`workers must be a list of whole numbers from 1 to 256, e.g. [1, 2, 4]`);
  return {
    units,
    inFlight: inFlight.sort((a, b) => a[1] - b[1]),
    workers: [...new Set(workers as number[])].sort((a, b) => a - b),
    target,
  };
}

/** The default levels that fit N units, or all N at once where none does. */
function defaultLevels(units: number): Record<string, number> {
  const fitting = Object.entries(DEFAULT_IN_FLIGHT).filter(([, c]) => c <= units);
  return fitting.length > 0 ? Object.fromEntries(fitting) : { [`${units} in flight`]: units };
}

const TARGET_FORM = 'target must be { mockApi: { latencyMs: 20 } } or { url: "http://localhost:8080", latencyMs?: 5 }';

function targetOf(name: string, target: unknown): IoTaskShape["target"] {
  const given = (target ?? {}) as { mockApi?: { latencyMs?: unknown }; url?: unknown; latencyMs?: unknown };
  if (given.mockApi !== undefined) {
    const latencyMs = given.mockApi?.latencyMs;
    if (!isLatency(latencyMs))
      throw new UsageError(`task ${name}: the mock API's latencyMs must be 0 to ${MAX_REQUEST_LATENCY_MS} ms; ${TARGET_FORM}`);
    return { kind: "mock-api", latencyMs };
  }
  if (typeof given.url === "string" && given.url.trim() !== "") {
    if (given.latencyMs !== undefined && !isLatency(given.latencyMs))
      throw new UsageError(`task ${name}: target.latencyMs must be 0 to ${MAX_REQUEST_LATENCY_MS} ms; ${TARGET_FORM}`);
    return { kind: "service", url: given.url.trim(), latencyMs: given.latencyMs ?? null };
  }
  throw new UsageError(`task ${name}: ${TARGET_FORM}`);
}

/**
 * The profile an I/O task runs with: the suite profile's rounds, budget and timeouts; its I/O models at the task's
 * levels with the task's N; the mock API at the task's latency (its capacity measured as the suite's is), or the
 * task's own service with the latency it states (0: none, so no ideal).
 */
export function ioTaskProfile(
  profile: Profile,
  task: Omit<NonNullable<Profile["task"]>, "io" | "sendInput" | "transfer" | "computeOnly">,
  io: IoTaskShape,
  cpu: Pick<Profile["cpu"], "tasks" | "workers">,
): Profile {
  const onMockApi = io.target.kind === "mock-api";
  return {
    ...profile,
    task: {
      ...task,
      io: {
        units: io.units,
        inFlight: Object.fromEntries(io.inFlight),
        workers: io.workers,
        ...(io.target.kind === "service" ? { target: io.target.url } : {}),
      },
    },
    scenarios: profile.scenarios.filter((id) => sweepRoleOf(id) !== undefined),
    cpu: { ...cpu, sizes: {} },
    io: {
      ...profile.io,
      requests: io.units,
      latencyMs: io.target.latencyMs ?? 0,
      sweep: undefined,
      capacity: onMockApi ? profile.io.capacity : undefined,
    },
    files: undefined,
  };
}
