import type { Task } from "@runtime-bench/workloads";
import { runOnPool } from "../executors.ts";
import type { WorkerPool } from "../primitives.ts";
import type { TaskReply } from "../protocol.ts";
import type { PreparedCell } from "./types.ts";

/** Fails a cell's set-up when any warm-up task failed, counting them: "warm-up: 3 of 20 requests failed: ...". */
export function throwIfWarmUpFailed(replies: readonly TaskReply[], what: string): void {
  const failures = replies.flatMap((reply) => (reply.ok ? [] : [reply.error]));
  if (failures.length > 0)
    throw new Error(`warm-up: ${failures.length} of ${replies.length} ${what} failed: ${failures.slice(0, 3).join("; ")}`);
}

/** A cell whose model needs no set-up and nothing to release: it runs straight on the main thread. */
export function cellWithoutSetUp(tasks: Task[], implementation: string, run: () => Promise<TaskReply[]>): PreparedCell {
  return { tasks, run, dispose: async () => {}, notes: [], implementation };
}

/** A cell whose tasks go to a pool started and warmed in set-up (off the clock), and closed after. */
export function cellOnPool(tasks: Task[], pool: WorkerPool, implementation: string): PreparedCell {
  return { tasks, run: () => runOnPool(tasks, pool), dispose: () => pool.close(), notes: pool.notes, implementation };
}
