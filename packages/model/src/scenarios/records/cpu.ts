/**
 * The lesson's CPU-bound experiments: the same tasks run sequentially, as async tasks on one thread, one worker per
 * task, on warmed pools and one child process per task. Each is compared, run by run, with the sequential cell of
 * its size.
 */
import { runsOffThread } from "../params.ts";
import type { CellShape, CpuScenarioRecord } from "./record.ts";

const onMainThread: CellShape = { parallelism: 1, ideal: { speedup: 1 } };
const parallelShape = (parallelism: number, cores: number): CellShape => ({
  parallelism,
  ideal: { speedup: Math.min(parallelism, cores) },
});

export const cpuSequential: CpuScenarioRecord = {
  id: "cpu.sequential",
  kind: "cpu",
  title: "Sequential, main thread",
  lessonAnalogue: "sequential CPU-bound run",
  readingName: "the sequential run",
  shape: () => onMainThread,
};

const SEQUENTIAL = cpuSequential.id;

export const cpuAsyncMain: CpuScenarioRecord = {
  id: "cpu.async-main",
  kind: "cpu",
  title: "Concurrent async tasks, main thread",
  lessonAnalogue: "threads under the GIL (concurrency without parallelism)",
  readingName: "concurrent async tasks on one thread",
  baseline: SEQUENTIAL,
  // Concurrency on one thread, no parallelism: unless the work is native and asynchronous (key derivation), which
  // the runtime may run on a thread pool while the thread goes on.
  shape: (params, cores) => (runsOffThread(params.workload) ? parallelShape(params.tasks, cores) : onMainThread),
};

export const cpuWorkerPerTask: CpuScenarioRecord = {
  id: "cpu.worker-per-task",
  kind: "cpu",
  title: "One worker thread per task",
  lessonAnalogue: "threads, if there were no GIL (start-up included)",
  readingName: "a fresh worker thread per task",
  baseline: SEQUENTIAL,
  freshExecutor: true,
  handsOff: "worker",
  shape: (params, cores) => parallelShape(params.tasks, cores),
};

export const cpuWorkerPool: CpuScenarioRecord = {
  id: "cpu.worker-pool",
  kind: "cpu",
  title: "Warmed worker pool, one worker per core",
  lessonAnalogue: "a process pool, but with threads (start-up excluded)",
  readingName: "a warmed worker pool",
  baseline: SEQUENTIAL,
  handsOff: "worker",
  shape: (params, cores) => parallelShape(Math.min(params.tasks, params.workers), cores),
};

export const cpuProcessPool: CpuScenarioRecord = {
  id: "cpu.process-pool",
  kind: "cpu",
  title: "Warmed process pool, one child process per core",
  lessonAnalogue: "multiprocessing.Pool: processes started and warmed once, tasks handed out over IPC (start-up excluded)",
  readingName: "a warmed process pool (the lesson's multiprocessing.Pool)",
  baseline: SEQUENTIAL,
  handsOff: "process",
  shape: (params, cores) => parallelShape(Math.min(params.tasks, params.workers), cores),
};

export const cpuProcessPerTask: CpuScenarioRecord = {
  id: "cpu.process-per-task",
  kind: "cpu",
  title: "One child process per task",
  lessonAnalogue: "multiprocessing (true parallelism, start-up included)",
  readingName: "a fresh child process per task (the multiprocessing analogue)",
  baseline: SEQUENTIAL,
  freshExecutor: true,
  handsOff: "process",
  shape: (params, cores) => parallelShape(params.tasks, cores),
};

export const cpuRecords: readonly CpuScenarioRecord[] = [
  cpuSequential,
  cpuAsyncMain,
  cpuWorkerPerTask,
  cpuWorkerPool,
  cpuProcessPool,
  cpuProcessPerTask,
];
