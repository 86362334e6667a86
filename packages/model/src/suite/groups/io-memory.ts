/**
 * The memory cells: the sweep's async scenarios at each C with the number of requests held at N, at a latency of
 * their own. A group of their own: the sweep's tables and chart read N = 10 x C, which these cells do not have.
 */
import type { Profile } from "../schema.ts";
import type { ExpandContext, UnresolvedCell } from "./cell.ts";
import { sweepCell, sweepScenariosOf } from "./io-sweep.ts";

export function ioMemoryCells(profile: Profile, context: ExpandContext): UnresolvedCell[] {
  const sweep = profile.io.sweep;
  const memory = sweep?.memory;
  if (!sweep || !memory || context.target !== "mock-api") return [];
  return memory.concurrency.flatMap((inFlight) =>
    sweepScenariosOf(sweep, "async").map((scenarioId) =>
      sweepCell(profile, context, "io-memory", scenarioId, {
        latencyMs: memory.latencyMs,
        inFlight,
        requests: memory.requests,
        workers: 1,
        suffix: `/C=${inFlight}`,
      }),
    ),
  );
}
