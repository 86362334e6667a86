/**
 * The lesson's CPU-bound experiments: the same 4 sum-of-squares tasks run sequentially, as async tasks on
 * one thread, one worker per task, on a warmed pool and one child process per task (their records, in
 * records/cpu.ts, say what each is and what it is compared with; here is how a runtime runs it).
 */

import { NotApplicableError } from "@runtime-bench/model/errors";
import {
  cpuAsyncMain,
  cpuProcessPerTask,
  cpuProcessPool,
  cpuSequential,
  cpuWorkerPerTask,
  cpuWorkerPool,
} from "@runtime-bench/model/scenarios/records/cpu";
import {
  buildSentInputs,
  CHUNK_ITERATIONS,
  loadUserTask,
  prepareTask,
  runTask,
  runTaskInterleaved,
  type Task,
} from "@runtime-bench/workloads";
import { ExecutorLog, runConcurrentlyOnMainThread, runEachOnFreshExecutor, runOnPool, runSequentially } from "../executors.ts";
import { createNativePool } from "../pool.ts";
import type { RuntimePrimitives, WorkerPool } from "../primitives.ts";
import type { TaskPort } from "../protocol.ts";
import { cellOnPool, cellWithoutSetUp, throwIfWarmUpFailed } from "./prepared-cell.ts";
import { type CpuCellParams, type InputView, implement, type PreparedCell, type Scenario } from "./types.ts";

/**
 * The cell's tasks (`count` of them: a pool's warm-up needs its own where inputs are moved). A user's task names its
 * module and, unless each executor is to build its own (the view "in-place"), carries its input, built here in set-up:
 * a model that hands tasks to another thread or process then pays for receiving it, on the clock.
 */
async function cpuTasks(params: CpuCellParams, count = params.tasks): Promise<Task[]> {
  const { task } = params;
  const view = task ? viewOf(task) : "in-place";
  const sent = task && view !== "in-place" ? await buildSentInputs(task.module, params.n, count, view === "transferred") : [];
  return Array.from({ length: count }, (_, index) => ({
    kind: params.workload,
    n: params.n,
    ...(task ? { module: task.module } : {}),
    ...(sent[index] ? { sent: sent[index] } : {}),
  }));
}

/**
 * The tasks, where a child process can take them: a runtime whose child processes read JSON (Deno's stdio lines) cannot
 * send them an input that is not plain data (a typed array, a Map), so the model is n/a there, saying why.
 */
function forChildProcesses(tasks: Task[], primitives: RuntimePrimitives, params: CpuCellParams): Task[] {
  const sent = tasks[0] && "sent" in tasks[0] ? tasks[0].sent : undefined;
  if (sent && primitives.childMessages === "json" && !isPlainData(sent.input))
    throw new NotApplicableError(
      `${primitives.labels.childProcess} carries messages as JSON here: ${params.task?.name}'s input is not plain data and would not arrive intact`,
    );
  return tasks;
}

/** Whether a value survives JSON unchanged: strings, finite numbers, booleans, null, and arrays and plain objects of them. */
function isPlainData(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isPlainData);
  if (typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(isPlainData);
}

/** How the cell's task gets its input: the view its cell names; none named, each executor builds its own. */
const viewOf = (task: NonNullable<CpuCellParams["task"]>): InputView => task.input ?? "in-place";

/**
 * Main-thread models prepare their tasks (a user's task: load it, build its input) in set-up, off the clock, and run
 * a user's task once there the way the model will (`warm`), as a warmed pool's executors do in their set-up: the JIT
 * has then seen the task's code on every executor it is timed on, not only in the pools.
 */
async function preparedOnMainThread(params: CpuCellParams, warm: (task: Task) => unknown): Promise<Task[]> {
  // The main thread holds the input, built once before the clock starts, as an application's would be.
  const tasks = await cpuTasks(params.task ? { ...params, task: { ...params.task, input: "copied" } } : params);
  // Every task of a cell is the same module at the same size: preparing one prepares them all.
  if (tasks[0]) await prepareTask(tasks[0]);
  if (params.task && tasks[0]) await warm(tasks[0]);
  return tasks;
}

/**
 * A pool whose executors prepare their tasks on first use (a user's task) runs one task on each of them in set-up,
 * so that every worker has its module loaded and its input built before the clock starts.
 */
async function warmedForTasks(pool: WorkerPool, params: CpuCellParams): Promise<WorkerPool> {
  if (params.task) throwIfWarmUpFailed(await runOnPool(await cpuTasks(params, params.workers), pool), "tasks");
  return pool;
}

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
    const tasks = await preparedOnMainThread(params, (task) => runTask(task, primitives));
    return {
      ...cellWithoutSetUp(tasks, "for loop", () => runSequentially(tasks, primitives)),
      inProcess: { label: "one task", call: () => runTask(tasks[0]!, primitives), isAsync: false },
    };
  }),
  implement(cpuAsyncMain, async ({ primitives, params }) => {
    if (params.task && !(await loadUserTask(params.task.module)).runAsync)
      throw new NotApplicableError(`${params.task.name} offers no form that yields to the event loop (no runAsync)`);
    const tasks = await preparedOnMainThread(params, (task) => runTaskInterleaved(task, primitives));
    const run = () => runConcurrentlyOnMainThread(tasks, primitives, tasks.length);
    return {
      ...cellWithoutSetUp(tasks, `Promise.all, yielding every ${CHUNK_ITERATIONS} iterations`, run),
      inProcess: { label: "the whole cell", call: run, isAsync: true },
    };
  }),
  implement(cpuWorkerPerTask, async ({ primitives, params }) =>
    freshExecutorPerTask(await cpuTasks(params), "worker", `${primitives.labels.worker} per task`, () => primitives.startWorker()),
  ),
  implement(cpuWorkerPool, async ({ primitives, params }) => {
    const pool = await warmedForTasks(await primitives.createWorkerPool(params.workers), params);
    const tasks = await cpuTasks(params);
    return cellOnPool(tasks, pool, `${pool.implementation}, ${params.workers} workers`);
  }),
  implement(cpuProcessPool, async ({ primitives, params }) => {
    // Each child process of the runtime's own API answers one task at a time, as a pool's worker does.
    const tasks = forChildProcesses(await cpuTasks(params), primitives, params);
    const pool = await warmedForTasks(await createNativePool(params.workers, () => primitives.startChildProcess()), params);
    return cellOnPool(tasks, pool, `${params.workers} × ${primitives.labels.childProcess}, warmed`);
  }),
  implement(cpuProcessPerTask, async ({ primitives, params }) =>
    freshExecutorPerTask(
      forChildProcesses(await cpuTasks(params), primitives, params),
      "process",
      `${primitives.labels.childProcess} per task`,
      () => primitives.startChildProcess(),
    ),
  ),
];
