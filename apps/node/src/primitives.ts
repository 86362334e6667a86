/**
 * Node's native primitives: worker_threads, child_process.fork, piscina and undici.
 */
import { fork } from "node:child_process";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { createPiscinaPool } from "@runtime-bench/harness/pool";
import { pickEnv, type RuntimePrimitives } from "@runtime-bench/harness/primitives";
import { createRequestTracker, type TaskPort } from "@runtime-bench/harness/protocol";
import { fetchJson, httpClient } from "./http.ts";

const workerFile = new URL("./worker.ts", import.meta.url);
const childFile = new URL("./child.ts", import.meta.url);

function startWorker(): Promise<TaskPort> {
  const worker = new Worker(workerFile);
  const tracker = createRequestTracker((request) => worker.postMessage(request));
  worker.on("message", tracker.receive);
  worker.on("error", (error: Error) => tracker.failAll(`worker error: ${error.message}`));
  worker.on("exit", (code) => tracker.failAll(`worker exited with code ${code}`));
  return Promise.resolve({
    run: tracker.request,
    close: async () => void (await worker.terminate()),
  });
}

function startChildProcess(): Promise<TaskPort> {
  // The V8 serializer ("advanced") is Node's fastest IPC format; both ends are Node here.
  const child = fork(childFile, [], { serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const tracker = createRequestTracker((request) => child.send(request));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.on("message", tracker.receive);
  child.on("error", (error) => tracker.failAll(`child process error: ${error.message}`));
  child.on("exit", (code, signal) => tracker.failAll(`child process exited (${signal ?? code})`));
  return Promise.resolve({
    run: tracker.request,
    async close() {
      // Closing the IPC channel tells the child to leave; wait until it has (so its CPU time is counted).
      if (child.connected) child.disconnect();
      await exited;
    },
  });
}

export const primitives: RuntimePrimitives = {
  describe: () => ({
    runtime: "node",
    version: process.versions.node,
    engine: "V8",
    engineVersion: process.versions.v8,
    reportedParallelism: availableParallelism(),
    execArgv: process.execArgv,
    relevantEnv: {
      ...pickEnv(["UV_THREADPOOL_SIZE", "NODE_OPTIONS"]),
      // Its value is a machine-specific path; whether it is on is what matters.
      ...(process.env.NODE_COMPILE_CACHE ? { NODE_COMPILE_CACHE: "enabled" } : {}),
    },
  }),
  labels: { worker: "worker_threads.Worker", childProcess: "child_process.fork" },
  startWorker,
  startChildProcess,
  createWorkerPool: createPiscinaPool,
  fetchJson,
  httpClient,
};
