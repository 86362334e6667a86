/**
 * Files: F files of S bytes, each written and read back by one task. The same three models as the API calls: the
 * synchronous API on the main thread, one file after another; the runtime's async file API started together on the
 * main thread; and the files spread over worker threads, async in each.
 */
import type { FilesCellParams } from "../params.ts";
import type { CellShape, FilesScenarioRecord } from "./record.ts";

/** At best, the files in flight keep every core busy: the ideal speed-up over the blocking calls. */
const inFlightShape = (params: FilesCellParams, cores: number): CellShape => ({
  parallelism: Math.min(params.concurrency, params.files),
  ideal: { speedup: Math.min(params.concurrency, params.files, cores) },
});

export const filesSync: FilesScenarioRecord = {
  id: "files.sync",
  kind: "files",
  title: "Synchronous file API, main thread, one file after another",
  lessonAnalogue: "blocking file calls, one after another",
  readingName: "the synchronous file API",
  shape: () => ({ parallelism: 1, ideal: { speedup: 1 } }),
};

export const filesAsync: FilesScenarioRecord = {
  id: "files.async",
  kind: "files",
  title: "Async file API, main thread, files started together",
  lessonAnalogue: "asyncio (which hands file calls to threads)",
  readingName: "the async file API on the main thread",
  baseline: filesSync.id,
  shape: inFlightShape,
};

export const filesWorkers: FilesScenarioRecord = {
  id: "files.workers",
  kind: "files",
  title: "Files spread over worker threads, async API in each",
  lessonAnalogue: "a thread pool making file calls",
  readingName: "files spread over worker threads",
  // Against the blocking calls, like the async model, at the same number of files in flight: the two read side by side.
  baseline: filesSync.id,
  shape: inFlightShape,
};

export const filesRecords: readonly FilesScenarioRecord[] = [filesSync, filesAsync, filesWorkers];
