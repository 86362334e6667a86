/**
 * The lesson's I/O-bound experiments: fetch N posts from the mock API one after another, as concurrent
 * async requests on the main thread, and spread over worker threads (the lesson's thread pool). The headline
 * cells use each runtime's default fetch, as its users would; other clients are labelled variants beside them.
 */

import { NotApplicableError } from "@runtime-bench/model/errors";
import { ioAsyncClient, ioAsyncFetch, ioSequential, ioWorkerThreads } from "@runtime-bench/model/scenarios/records/io";
import { buildUnitInputs, type HttpClientId, mockApiTarget, type Task } from "@runtime-bench/workloads";
import { runConcurrentlyOnMainThread, runOnPool, runSequentially } from "../executors.ts";
import { createNativePool } from "../pool.ts";
import type { HttpClientDescription, RuntimePrimitives } from "../primitives.ts";
import type { TaskReply } from "../protocol.ts";
import { cellOnPool, cellWithoutSetUp, throwIfWarmUpFailed } from "./prepared-cell.ts";
import { type IoCellParams, implement, type PreparedCell, type Scenario, type ScenarioContext } from "./types.ts";

/**
 * One task per request, post ids 1..N (1..100 over and over for a warm-up), through the cell's client; for a user's
 * I/O task (params.task), one task per unit, its input built here (the main thread, before the clock starts) and
 * copied to the worker that runs it where the model has workers, as an application's inputs would be.
 */
async function ioTasks(params: IoCellParams, count = params.requests, cycle = false): Promise<Task[]> {
  if (params.task) return unitTasks(params, params.task.module, count);
  return Array.from({ length: count }, (_, index) => ({
    kind: "fetch-posts",
    baseUrl: params.baseUrl,
    ids: [cycle ? (index % 100) + 1 : index + 1],
    timeoutMs: params.requestTimeoutMs,
    client: params.client,
    // A real API is asked for nothing beyond the post: its own latency is what is measured.
    ...(params.target === "mock-api" ? { latencyMs: params.latencyMs } : {}),
  }));
}

/** A user's units 0..N-1 (over and over for a warm-up), each given the target: the mock API at the cell's latency, or theirs. */
async function unitTasks(params: IoCellParams, module: string, count: number): Promise<Task[]> {
  const inputs = await buildUnitInputs(module, Math.min(count, params.requests));
  const target = params.target === "mock-api" ? mockApiTarget(params.baseUrl, params.latencyMs) : params.baseUrl;
  return Array.from({ length: count }, (_, index) => ({ kind: "user-io-task", module, input: inputs[index % inputs.length], target }));
}

/** Warm-up requests where a file predates the setting (and a run does not set it). */
const DEFAULT_WARM_UP_REQUESTS = 1000;

/**
 * Requests made before timing, through the cell's own model and at least C at once, so its connections are open and
 * its client's code is compiled by the JIT, in every model and runtime alike. They ask for no latency, so they cost
 * CPU time only (Node's fetch ran 1000 requests at C = 100 in 453 ms after 300 warm-up requests, in 168 ms after
 * 3000). A real API (--target) gets no more warm-up requests than the cell itself makes.
 */
async function warmConnections(run: (tasks: Task[]) => Promise<TaskReply[]>, params: IoCellParams) {
  const wanted = Math.max(params.warmUpRequests ?? DEFAULT_WARM_UP_REQUESTS, params.concurrency);
  const count = params.target === "real" ? Math.min(wanted, params.requests) : wanted;
  throwIfWarmUpFailed(await run(await ioTasks({ ...params, latencyMs: 0 }, count, true)), params.task ? "units" : "requests");
}

/** Why a runtime may lack a client: what the n/a says. */
const CLIENT_GAPS: Record<HttpClientId, string> = {
  default: "every runtime has its fetch",
  "fetch-configured": "its fetch takes no connection settings here",
  "undici-request": "undici's request API is measured on Node, where it is fetch's engine",
  "node-http": "node:http is measured on Node, where it is native; elsewhere it is a compatibility layer",
};

/** The cell's client as the runtime names it; n/a where the runtime does not have it. A user's units bring their own. */
function clientOf(primitives: RuntimePrimitives, params: IoCellParams): Pick<HttpClientDescription, "name"> {
  if (params.task) return { name: `${params.task.name}'s own calls` };
  const client = primitives.httpClients[params.client];
  if (!client) throw new NotApplicableError(`no ${params.client} client is set up for this runtime (${CLIENT_GAPS[params.client]})`);
  return client;
}

/** Every request started as an async call on the main thread, at most C in flight (asyncio's model). */
async function prepareAsyncOnMainThread({ primitives, params }: ScenarioContext<IoCellParams>): Promise<PreparedCell> {
  const client = clientOf(primitives, params);
  const run = (tasks: Task[]) => runConcurrentlyOnMainThread(tasks, primitives, params.concurrency);
  await warmConnections(run, params);
  const tasks = await ioTasks(params);
  return cellWithoutSetUp(tasks, `${client.name}, ${params.concurrency} in flight`, () => run(tasks));
}

export const ioScenarios: Scenario<IoCellParams>[] = [
  implement(ioSequential, async ({ primitives, params }) => {
    const client = clientOf(primitives, params);
    await warmConnections((tasks) => runSequentially(tasks, primitives), params);
    const tasks = await ioTasks(params);
    return cellWithoutSetUp(tasks, client.name, () => runSequentially(tasks, primitives));
  }),
  implement(ioAsyncFetch, prepareAsyncOnMainThread),
  implement(ioAsyncClient, prepareAsyncOnMainThread),
  implement(ioWorkerThreads, async ({ primitives, params }) => {
    const client = clientOf(primitives, params);
    // The requests in flight spread over the workers: with as many workers as requests in flight, each makes one
    // request at a time, as a thread blocked on a call would; with fewer, each is async with its share in flight.
    const pool = await createNativePool(params.workers, () => primitives.startWorker(), params.concurrency);
    await warmConnections((tasks) => runOnPool(tasks, pool), params);
    const perWorker = params.concurrency / params.workers;
    const share = perWorker === 1 ? "" : `, ${Number.isInteger(perWorker) ? perWorker : `~${perWorker.toFixed(1)}`} in flight in each`;
    return cellOnPool(await ioTasks(params), pool, `${params.workers} × ${primitives.labels.worker}, ${client.name} in each${share}`);
  }),
];
