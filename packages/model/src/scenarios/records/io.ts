/**
 * The lesson's I/O-bound experiments: fetch N posts from the mock API one after another, as concurrent async
 * requests on the main thread, and spread over worker threads (the lesson's thread pool). The headline cells use
 * each runtime's default fetch, as its users would; other clients are labelled variants beside them.
 */
import type { IoCellParams } from "../params.ts";
import type { CellShape, IoScenarioRecord } from "./record.ts";

/**
 * N requests, `inFlight` at a time, each taking the injected latency; a real API's latency is unknown (0: no ideal)
 * unless a user's task states it.
 */
const ioShape = (params: IoCellParams, inFlight: number): CellShape => ({
  parallelism: inFlight,
  ideal: { wallMs: Math.ceil(params.requests / inFlight) * params.latencyMs },
});
const concurrentShape = (params: IoCellParams) => ioShape(params, Math.min(params.concurrency, params.requests));

export const ioSequential: IoScenarioRecord = {
  id: "io.sequential",
  kind: "io",
  title: "Sequential requests",
  lessonAnalogue: "sequential API calls",
  readingName: "sequential requests",
  sweepRole: "sequential",
  shape: (params) => ioShape(params, 1),
};

export const ioAsyncFetch: IoScenarioRecord = {
  id: "io.async-fetch",
  kind: "io",
  title: "Concurrent async requests, main thread",
  lessonAnalogue: "asyncio",
  readingName: "concurrent async requests",
  baseline: ioSequential.id,
  sweepRole: "async",
  shape: concurrentShape,
};

export const ioAsyncClient: IoScenarioRecord = {
  id: "io.async-client",
  kind: "io",
  title: "Concurrent async requests, main thread, another HTTP client (variant)",
  lessonAnalogue: "asyncio, with another client, or the runtime's client set past its defaults",
  readingName: "another HTTP client (a labelled variant, shown apart)",
  baseline: ioAsyncFetch.id,
  variant: true,
  clientVariant: true,
  shape: concurrentShape,
};

export const ioWorkerThreads: IoScenarioRecord = {
  id: "io.worker-threads",
  kind: "io",
  title: "Requests spread over worker threads",
  lessonAnalogue: "a thread pool making blocking calls",
  readingName: "requests spread over worker threads",
  // The lesson's I/O question: threads against asyncio, at the same number of requests in flight.
  baseline: ioAsyncFetch.id,
  sweepRole: "workers",
  shape: concurrentShape,
};

export const ioRecords: readonly IoScenarioRecord[] = [ioSequential, ioAsyncFetch, ioAsyncClient, ioWorkerThreads];
