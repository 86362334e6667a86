/**
 * The ways a list of tasks can be run: the concurrency models themselves. Each returns one reply per task
 * in task order, and keeps its timed path to the model alone (no set-up inside).
 */

import { toMessage } from "@runtime-bench/model/errors";
import type { ExecutorRecord } from "@runtime-bench/model/schema";
import { runTask, runTaskInterleaved, type Task, type TaskServices } from "@runtime-bench/workloads";
import type { WorkerPool } from "./primitives.ts";
import type { TaskPort, TaskReply } from "./protocol.ts";

async function settle(id: number, work: () => number | Promise<number>): Promise<TaskReply> {
  const start = performance.now();
  try {
    return { id, ok: true, value: await work(), ms: performance.now() - start };
  } catch (error) {
    return { id, ok: false, error: toMessage(error) };
  }
}

/** One task after another on the main thread. */
export async function runSequentially(tasks: Task[], services: TaskServices): Promise<TaskReply[]> {
  const replies: TaskReply[] = [];
  for (const [id, task] of tasks.entries()) replies.push(await settle(id, () => runTask(task, services)));
  return replies;
}

/**
 * All tasks at once as async functions on the main thread, at most `limit` in flight. CPU tasks yield
 * between chunks so they truly interleave: concurrency on one thread, no parallelism.
 */
export async function runConcurrentlyOnMainThread(tasks: Task[], services: TaskServices, limit: number): Promise<TaskReply[]> {
  const replies = new Array<TaskReply>(tasks.length);
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const id = next++;
      replies[id] = await settle(id, () => runTaskInterleaved(tasks[id]!, services));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
  return replies;
}

/**
 * Start-up and teardown of every fresh executor a timed run starts. Teardown runs off the clock in every
 * runtime alike: an executor is asked to stop as soon as its task has answered, nothing on the timed path
 * waits for it, and `settled` (awaited after the clock stops) times each stop until the runtime reports
 * the executor gone, where it can.
 */
export class ExecutorLog {
  private readonly records: Array<Promise<ExecutorRecord>> = [];

  add(record: Promise<ExecutorRecord>): void {
    this.records.push(record);
  }

  settled(): Promise<ExecutorRecord[]> {
    return Promise.all(this.records);
  }
}

/** Every task on an executor of its own, started for it (start-up is timed) and stopped after it. */
export function runEachOnFreshExecutor(
  tasks: Task[],
  kind: ExecutorRecord["kind"],
  start: () => Promise<TaskPort>,
  log: ExecutorLog,
): Promise<TaskReply[]> {
  return Promise.all(
    tasks.map(async (task, id): Promise<TaskReply> => {
      const askedAt = performance.now();
      let port: TaskPort;
      try {
        port = await start();
      } catch (error) {
        return { id, ok: false, error: toMessage(error) };
      }
      const readyMs = performance.now() - askedAt;
      try {
        return { ...(await port.run(task)), id };
      } finally {
        log.add(stopAndTime(port, kind, readyMs));
      }
    }),
  );
}

async function stopAndTime(port: TaskPort, kind: ExecutorRecord["kind"], readyMs: number): Promise<ExecutorRecord> {
  const stoppingAt = performance.now();
  const outcome = await port.close();
  return outcome.exitSeen
    ? { kind, readyMs, teardownMs: performance.now() - stoppingAt }
    : { kind, readyMs, teardownMs: null, teardownUnseen: outcome.why };
}

/** All tasks handed to an already warmed pool at once. */
export function runOnPool(tasks: Task[], pool: WorkerPool): Promise<TaskReply[]> {
  return Promise.all(tasks.map(async (task, id) => ({ ...(await pool.run(task)), id })));
}
