/**
 * Bun's native primitives: the Web Worker global, Bun.spawn with an IPC channel, native fetch, and
 * piscina where it runs (else a native pool).
 */
import { createPoolPreferringPiscina } from "@runtime-bench/harness/pool";
import { pickEnv, type RuntimePrimitives } from "@runtime-bench/harness/primitives";
import { createRequestTracker, type TaskPort } from "@runtime-bench/harness/protocol";
import { startWebWorker } from "@runtime-bench/harness/web-platform";
import { fetchJson, httpClient } from "./http.ts";

const workerFile = new URL("./worker.ts", import.meta.url).href;
const startWorker = () => startWebWorker(workerFile);
const childFile = new URL("./child.ts", import.meta.url).pathname;

function startChildProcess(): Promise<TaskPort> {
  // The default "advanced" IPC format only talks to Bun processes, which is what the child is.
  const tracker = createRequestTracker((request) => child.send(request));
  const child = Bun.spawn([process.execPath, childFile], {
    ipc: (message) => tracker.receive(message),
    stdio: ["ignore", "inherit", "inherit"],
  });
  void child.exited.then((code) => tracker.failAll(`child process exited (${code})`));
  return Promise.resolve({
    run: tracker.request,
    async close() {
      // Closing the IPC channel tells the child to leave; wait until it has (so its CPU time is counted).
      child.disconnect();
      await child.exited;
    },
  });
}

export const primitives: RuntimePrimitives = {
  describe: () => ({
    runtime: "bun",
    version: Bun.version,
    engine: "JavaScriptCore",
    engineVersion: process.versions.webkit ?? "unknown",
    reportedParallelism: navigator.hardwareConcurrency,
    execArgv: process.execArgv,
    relevantEnv: pickEnv(["BUN_CONFIG_MAX_HTTP_REQUESTS", "BUN_JSC_useJIT"]),
  }),
  labels: { worker: "Web Worker", childProcess: "Bun.spawn (ipc)" },
  startWorker,
  startChildProcess,
  createWorkerPool: (size) => createPoolPreferringPiscina(size, startWorker),
  fetchJson,
  httpClient,
};
