/**
 * The lesson's CPU-bound experiments: the same 4 sum-of-squares tasks run sequentially, as async tasks on
 * one thread, one worker per task, on a warmed pool and one child process per task (their records, in
 * records/cpu.ts, say what each is and what it is compared with; here is how a runtime runs it).
 */

import {
  cpuAsyncMain,
  cpuProcessPerTask,
  cpuProcessPool,
  cpuSequential,
  cpuWorkerPerTask,
  cpuWorkerPool,
} from "@runtime-bench/model/scenarios/records/cpu";
import { CHUNK_ITERATIONS, runTask, type Task } from "@runtime-bench/workloads";
import { ExecutorLog, runConcurrentlyOnMainThread, runEachOnFreshExecutor, runSequentially } from "../executors.ts";
import { createNativePool } from "../pool.ts";
import type { TaskPort } from "../protocol.ts";
import { cellOnPool, cellWithoutSetUp } from "./prepared-cell.ts";
import { type CpuCellParams, implement, type PreparedCell, type Scenario } from "./types.ts";

const cpuTasks = (params: CpuCellParams): Task[] => Array.from({ length: params.tasks }, () => ({ kind: params.workload, n: params.n }));

/** A fresh executor of `kind` per task: start-up is on the clock, teardown is timed apart. */
function freshExecutorPerTask(
  tasks: Task[],
  kind: "worker" | "process",
  implementation: string,
  start: () => Promise<TaskPort>,
): PreparedCell {
  const log = new ExecutorLog();
  return {
    ...cellWithoutSetUp(tasks, implementation, () => runEachOnFreshExecutor(tasks, kind, start, log)),
    executors: () => log.settled(),
  };
}

export const cpuScenarios: Scenario<CpuCellParams>[] = [
  implement(cpuSequential, async ({ primitives, params }) => {
    const tasks = cpuTasks(params);
    return {
      ...cellWithoutSetUp(tasks, "for loop", () => runSequentially(tasks, primitives)),
      inProcess: { label: "one task", call: () => runTask(tasks[0]!, primitives), isAsync: false },
    };
  }),
  implement(cpuAsyncMain, async ({ primitives, params }) => {
    const tasks = cpuTasks(params);
    const run = () => runConcurrentlyOnMainThread(tasks, primitives, tasks.length);
    return {
      ...cellWithoutSetUp(tasks, `Promise.all, yielding every ${CHUNK_ITERATIONS} iterations`, run),
      inProcess: { label: "the whole cell", call: run, isAsync: true },
    };
  }),
  implement(cpuWorkerPerTask, async ({ primitives, params }) =>
    freshExecutorPerTask(cpuTasks(params), "worker", `${primitives.labels.worker} per task`, () => primitives.startWorker()),
  ),
  implement(cpuWorkerPool, async ({ primitives, params }) => {
    const pool = await primitives.createWorkerPool(params.workers);
    return cellOnPool(cpuTasks(params), pool, `${pool.implementation}, ${params.workers} workers`);
  }),
  implement(cpuProcessPool, async ({ primitives, params }) => {
    // Each child process of the runtime's own API answers one task at a time, as a pool's worker does.
    const pool = await createNativePool(params.workers, () => primitives.startChildProcess());
    return cellOnPool(cpuTasks(params), pool, `${params.workers} × ${primitives.labels.childProcess}, warmed`);
  }),
  implement(cpuProcessPerTask, async ({ primitives, params }) =>
    freshExecutorPerTask(cpuTasks(params), "process", `${primitives.labels.childProcess} per task`, () => primitives.startChildProcess()),
  ),
];
