/**
 * The lesson's I/O-bound experiments: fetch N posts from the mock API one after another, as concurrent
 * async requests on the main thread, and spread over worker threads (the lesson's thread pool). The headline
 * cells use each runtime's default fetch, as its users would; a tuned client is a labelled variant beside them.
 */
import type { HttpClientKind, Task } from "@runtime-bench/workloads";
import { NotApplicableError } from "../errors.ts";
import { runConcurrentlyOnMainThread, runOnPool, runSequentially } from "../executors.ts";
import { createNativePool } from "../pool.ts";
import type { TaskReply } from "../protocol.ts";
import { cellOnPool, cellWithoutSetUp } from "./prepared-cell.ts";
import type { CellShape, IoCellParams, Scenario } from "./types.ts";

/** One task per request, post ids 1..N. */
const ioTasks = (params: IoCellParams, count = params.requests, client: HttpClientKind = "default"): Task[] =>
  Array.from({ length: count }, (_, index) => ({
    kind: "fetch-posts",
    baseUrl: params.baseUrl,
    ids: [index + 1],
    timeoutMs: params.requestTimeoutMs,
    client,
  }));

/** N requests, `inFlight` at a time, each taking the injected latency. */
const ioShape = (params: IoCellParams, inFlight: number): CellShape => ({
  parallelism: inFlight,
  ideal: { wallMs: Math.ceil(params.requests / inFlight) * params.latencyMs },
});

/** Bursts of requests made before timing: the same in every model and runtime. */
const WARM_UP_BURSTS = 3;

/**
 * Requests made before timing, so connections are open and the client's code is compiled by the JIT in
 * every model alike (the first burst in a fresh process ran up to twice as slow as the third here).
 */
async function warmConnections(
  run: (tasks: Task[]) => Promise<TaskReply[]>,
  params: IoCellParams,
  count: number,
  client: HttpClientKind = "default",
) {
  for (let burst = 0; burst < WARM_UP_BURSTS; burst++) {
    const replies = await run(ioTasks(params, Math.min(count, params.requests), client));
    const failures = replies.flatMap((reply) => (reply.ok ? [] : [reply.error]));
    if (failures.length > 0) {
      throw new Error(`warm-up: ${failures.length} of ${replies.length} requests failed: ${failures.slice(0, 3).join("; ")}`);
    }
  }
}

const SEQUENTIAL = "io.sequential";
const ASYNC = "io.async-fetch";

export const ioScenarios: Scenario<IoCellParams>[] = [
  {
    id: SEQUENTIAL,
    kind: "io",
    title: "Sequential requests",
    lessonAnalogue: "sequential API calls",
    readingName: "sequential requests",
    shape: (params) => ioShape(params, 1),
    async prepare({ primitives, params }) {
      await warmConnections((tasks) => runSequentially(tasks, primitives), params, 1);
      const tasks = ioTasks(params);
      return cellWithoutSetUp(tasks, primitives.httpClients.default.name, () => runSequentially(tasks, primitives));
    },
  },
  {
    id: ASYNC,
    kind: "io",
    title: "Concurrent async requests, main thread",
    lessonAnalogue: "asyncio",
    readingName: "concurrent async requests",
    baseline: SEQUENTIAL,
    shape: (params) => ioShape(params, Math.min(params.concurrency, params.requests)),
    async prepare({ primitives, params }) {
      const run = (tasks: Task[]) => runConcurrentlyOnMainThread(tasks, primitives, params.concurrency);
      await warmConnections(run, params, params.concurrency);
      const tasks = ioTasks(params);
      return cellWithoutSetUp(tasks, `${primitives.httpClients.default.name}, ${params.concurrency} in flight`, () => run(tasks));
    },
  },
  {
    id: "io.async-tuned-client",
    kind: "io",
    title: "Concurrent async requests, main thread, tuned client (variant)",
    lessonAnalogue: "asyncio, with a client tuned past the runtime's defaults",
    readingName: "a tuned client (a labelled variant, shown apart)",
    baseline: ASYNC,
    variant: true,
    shape: (params) => ioShape(params, Math.min(params.concurrency, params.requests)),
    async prepare({ primitives, params }) {
      const tuned = primitives.httpClients.tuned;
      if (!tuned) throw new NotApplicableError("no tuned HTTP client is set up for this runtime; its I/O cells use its default fetch");
      const run = (tasks: Task[]) => runConcurrentlyOnMainThread(tasks, primitives, params.concurrency);
      await warmConnections(run, params, params.concurrency, "tuned");
      const tasks = ioTasks(params, params.requests, "tuned");
      return cellWithoutSetUp(tasks, `${tuned.name}, ${params.concurrency} in flight`, () => run(tasks));
    },
  },
  {
    id: "io.worker-threads",
    kind: "io",
    title: "Requests spread over worker threads",
    lessonAnalogue: "a thread pool making blocking calls",
    readingName: "requests spread over worker threads",
    // The lesson's I/O question: threads against asyncio, at the same number of requests in flight.
    baseline: ASYNC,
    shape: (params) => ioShape(params, Math.min(params.workers, params.requests)),
    async prepare({ primitives, params }) {
      // Each worker makes one request at a time, as a thread blocked on a call would.
      const pool = await createNativePool(params.workers, () => primitives.startWorker());
      await warmConnections((tasks) => runOnPool(tasks, pool), params, params.workers);
      return cellOnPool(
        ioTasks(params),
        pool,
        `${params.workers} × ${primitives.labels.worker}, ${primitives.httpClients.default.name} in each`,
      );
    },
  },
];
