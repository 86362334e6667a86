/**
 * The ways a list of tasks can be run: the concurrency models themselves. Each returns one reply per task
 * in task order, and keeps its timed path to the model alone (no set-up inside).
 */
import { runTask, runTaskInterleaved, type Task, type TaskServices } from "@runtime-bench/workloads";
import type { TaskPort, TaskReply } from "./protocol.ts";
import type { WorkerPool } from "./primitives.ts";

async function settle(id: number, work: () => Promise<number>): Promise<TaskReply> {
  try {
    return { id, ok: true, value: await work() };
  } catch (error) {
    return { id, ok: false, error: error instanceof Error ? error.message : String(error) };
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

/** Every task on an executor of its own, started for it and stopped after it (start-up is timed). */
export function runEachOnFreshExecutor(tasks: Task[], start: () => Promise<TaskPort>): Promise<TaskReply[]> {
  return Promise.all(
    tasks.map(async (task, id) => {
      let port: TaskPort | undefined;
      try {
        port = await start();
        return { ...(await port.run(task)), id };
      } catch (error) {
        return { id, ok: false as const, error: error instanceof Error ? error.message : String(error) };
      } finally {
        await port?.close();
      }
    }),
  );
}

/** All tasks handed to an already warmed pool at once. */
export function runOnPool(tasks: Task[], pool: WorkerPool): Promise<TaskReply[]> {
  return Promise.all(tasks.map(async (task, id) => ({ ...(await pool.run(task)), id })));
}
