/**
 * The lesson's CPU-bound experiments: the same 4 sum-of-squares tasks run sequentially, as async tasks on
 * one thread, one worker per task, on a warmed pool and one child process per task. Each is compared, run
 * by run, with the sequential cell of its size.
 */
import { CHUNK_ITERATIONS, runsOffThread, runTask, type Task } from "@runtime-bench/workloads";
import { ExecutorLog, runConcurrentlyOnMainThread, runEachOnFreshExecutor, runSequentially } from "../executors.ts";
import { createNativePool } from "../pool.ts";
import type { TaskPort } from "../protocol.ts";
import { cellOnPool, cellWithoutSetUp } from "./prepared-cell.ts";
import type { CellShape, CpuCellParams, PreparedCell, Scenario } from "./types.ts";

const cpuTasks = (params: CpuCellParams): Task[] => Array.from({ length: params.tasks }, () => ({ kind: params.workload, n: params.n }));

const onMainThread: CellShape["ideal"] = { speedup: 1 };
const parallelShape = (parallelism: number, cores: number): CellShape => ({
  parallelism,
  ideal: { speedup: Math.min(parallelism, cores) },
});

const SEQUENTIAL = "cpu.sequential";

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
  {
    id: SEQUENTIAL,
    kind: "cpu",
    title: "Sequential, main thread",
    lessonAnalogue: "sequential CPU-bound run",
    readingName: "the sequential run",
    shape: () => ({ parallelism: 1, ideal: onMainThread }),
    async prepare({ primitives, params }) {
      const tasks = cpuTasks(params);
      return {
        ...cellWithoutSetUp(tasks, "for loop", () => runSequentially(tasks, primitives)),
        inProcess: { label: "one task", call: () => runTask(tasks[0]!, primitives), isAsync: false },
      };
    },
  },
  {
    id: "cpu.async-main",
    kind: "cpu",
    title: "Concurrent async tasks, main thread",
    lessonAnalogue: "threads under the GIL (concurrency without parallelism)",
    readingName: "concurrent async tasks on one thread",
    baseline: SEQUENTIAL,
    // Concurrency on one thread, no parallelism: unless the work is native and asynchronous (key derivation), which
    // the runtime may run on a thread pool while the thread goes on.
    shape: (params, cores) =>
      runsOffThread(params.workload) ? parallelShape(params.tasks, cores) : { parallelism: 1, ideal: onMainThread },
    async prepare({ primitives, params }) {
      const tasks = cpuTasks(params);
      const run = () => runConcurrentlyOnMainThread(tasks, primitives, tasks.length);
      return {
        ...cellWithoutSetUp(tasks, `Promise.all, yielding every ${CHUNK_ITERATIONS} iterations`, run),
        inProcess: { label: "the whole cell", call: run, isAsync: true },
      };
    },
  },
  {
    id: "cpu.worker-per-task",
    kind: "cpu",
    title: "One worker thread per task",
    lessonAnalogue: "threads, if there were no GIL (start-up included)",
    readingName: "a fresh worker thread per task",
    baseline: SEQUENTIAL,
    shape: (params, cores) => parallelShape(params.tasks, cores),
    async prepare({ primitives, params }) {
      return freshExecutorPerTask(cpuTasks(params), "worker", `${primitives.labels.worker} per task`, () => primitives.startWorker());
    },
  },
  {
    id: "cpu.worker-pool",
    kind: "cpu",
    title: "Warmed worker pool, one worker per core",
    lessonAnalogue: "a process pool, but with threads (start-up excluded)",
    readingName: "a warmed worker pool",
    baseline: SEQUENTIAL,
    shape: (params, cores) => parallelShape(Math.min(params.tasks, params.workers), cores),
    async prepare({ primitives, params }) {
      const pool = await primitives.createWorkerPool(params.workers);
      return cellOnPool(cpuTasks(params), pool, `${pool.implementation}, ${params.workers} workers`);
    },
  },
  {
    id: "cpu.process-pool",
    kind: "cpu",
    title: "Warmed process pool, one child process per core",
    lessonAnalogue: "multiprocessing.Pool: processes started and warmed once, tasks handed out over IPC (start-up excluded)",
    readingName: "a warmed process pool (the lesson's multiprocessing.Pool)",
    baseline: SEQUENTIAL,
    shape: (params, cores) => parallelShape(Math.min(params.tasks, params.workers), cores),
    async prepare({ primitives, params }) {
      // Each child process of the runtime's own API answers one task at a time, as a pool's worker does.
      const pool = await createNativePool(params.workers, () => primitives.startChildProcess());
      return cellOnPool(cpuTasks(params), pool, `${params.workers} × ${primitives.labels.childProcess}, warmed`);
    },
  },
  {
    id: "cpu.process-per-task",
    kind: "cpu",
    title: "One child process per task",
    lessonAnalogue: "multiprocessing (true parallelism, start-up included)",
    readingName: "a fresh child process per task (the multiprocessing analogue)",
    baseline: SEQUENTIAL,
    shape: (params, cores) => parallelShape(params.tasks, cores),
    async prepare({ primitives, params }) {
      return freshExecutorPerTask(cpuTasks(params), "process", `${primitives.labels.childProcess} per task`, () =>
        primitives.startChildProcess(),
      );
    },
  },
];
