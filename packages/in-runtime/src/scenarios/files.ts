/**
 * Files: F files of S bytes, each written and read back (and checked) by one task, in the cell's own scratch
 * folder. The same three models as the API calls: the synchronous API on the main thread, one file after
 * another (it blocks the thread while the OS works); the runtime's async file API started together on the main
 * thread (the runtime hands the work to its own threads); and the files spread over worker threads, async in each.
 */
import { join } from "node:path";
import { filesAsync, filesSync, filesWorkers } from "@runtime-bench/model/scenarios/records/files";
import type { FileApi, Task } from "@runtime-bench/workloads";
import { runConcurrentlyOnMainThread, runOnPool, runSequentially } from "../executors.ts";
import { createNativePool } from "../pool.ts";
import type { TaskReply } from "../protocol.ts";
import { cellOnPool, cellWithoutSetUp, throwIfWarmUpFailed } from "./prepared-cell.ts";
import { type FilesCellParams, implement, type Scenario, type ScenarioContext } from "./types.ts";

/** One task per file, each to a path of its own under `folder`; `prefix` keeps a warm-up's files apart. */
const fileTasks = (params: FilesCellParams, folder: string, api: FileApi, prefix: string): Task[] =>
  Array.from({ length: params.files }, (_, index) => ({
    kind: "file-round-trip",
    path: join(folder, `${prefix}-${index}`),
    bytes: params.bytes,
    api,
  }));

function scratchOf({ scratchDir }: ScenarioContext<FilesCellParams>): string {
  // The launcher makes a folder for every file cell (and removes it, whatever happens); without one, nothing is written.
  if (scratchDir === null) throw new Error("a file cell needs the scratch folder the launcher creates for it");
  return scratchDir;
}

/**
 * Every file written and read once before timing, by the same model, to files of their own: the content is made,
 * the code compiled and the pool warm before the clock starts; the timed run then creates new files like the first.
 */
async function warmUp(run: (tasks: Task[]) => Promise<TaskReply[]>, tasks: Task[]): Promise<void> {
  throwIfWarmUpFailed(await run(tasks), "file round trips");
}

export const fileScenarios: Scenario<FilesCellParams>[] = [
  implement(filesSync, async (context) => {
    const { primitives, params } = context;
    const folder = scratchOf(context);
    const run = (tasks: Task[]) => runSequentially(tasks, primitives);
    await warmUp(run, fileTasks(params, folder, "sync", "warm"));
    const tasks = fileTasks(params, folder, "sync", "file");
    return cellWithoutSetUp(tasks, primitives.labels.files.sync, () => run(tasks));
  }),
  implement(filesAsync, async (context) => {
    const { primitives, params } = context;
    const folder = scratchOf(context);
    const run = (tasks: Task[]) => runConcurrentlyOnMainThread(tasks, primitives, params.concurrency);
    await warmUp(run, fileTasks(params, folder, "async", "warm"));
    const tasks = fileTasks(params, folder, "async", "file");
    return cellWithoutSetUp(tasks, `${primitives.labels.files.async}, ${params.concurrency} in flight`, () => run(tasks));
  }),
  implement(filesWorkers, async (context) => {
    const { primitives, params } = context;
    const folder = scratchOf(context);
    const pool = await createNativePool(params.workers, () => primitives.startWorker(), params.concurrency);
    await warmUp((tasks) => runOnPool(tasks, pool), fileTasks(params, folder, "async", "warm"));
    return cellOnPool(
      fileTasks(params, folder, "async", "file"),
      pool,
      `${params.workers} × ${primitives.labels.worker}, ${primitives.labels.files.async} in each, ${params.concurrency} in flight`,
    );
  }),
];
