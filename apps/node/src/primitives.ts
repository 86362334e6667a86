/**
 * Node's native primitives: worker_threads, child_process.fork, piscina, and its global fetch (with an explicit
 * Agent, undici's request API and node:http as labelled variants).
 */
import { fork } from "node:child_process";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { createPiscinaPool } from "@runtime-bench/in-runtime/pool";
import { pickEnv, type RuntimePrimitives } from "@runtime-bench/in-runtime/primitives";
import { createExecutorChannel, type TaskPort } from "@runtime-bench/in-runtime/protocol";
import { OutputTail } from "@runtime-bench/model/output-tail";
import { RUNTIMES } from "@runtime-bench/model/runtimes";
import { httpClients } from "./http.ts";
import { taskServices } from "./services.ts";

const workerFile = new URL("./worker.ts", import.meta.url);
const childFile = new URL("./child.ts", import.meta.url);

async function startWorker(): Promise<TaskPort> {
  const worker = new Worker(workerFile);
  const channel = createExecutorChannel((request, transfer) => worker.postMessage(request, transfer));
  worker.on("message", channel.receive);
  worker.on("error", (error: Error) => channel.failAll(`worker error: ${error.message}`));
  worker.on("exit", (code) => channel.failAll(`worker exited with code ${code}`));
  await channel.ready;
  return {
    run: channel.request,
    echo: channel.echo,
    async close() {
      await worker.terminate(); // resolves once the thread has exited
      return { exitSeen: true };
    },
  };
}

async function startChildProcess(): Promise<TaskPort> {
  // The V8 serializer ("advanced") is Node's fastest IPC format; both ends are Node here.
  const child = fork(childFile, [], { serialization: "advanced", stdio: ["ignore", "inherit", "pipe", "ipc"] });
  const channel = createExecutorChannel((request) => child.send(request));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stderr = new OutputTail();
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => stderr.push(chunk));
  child.on("message", channel.receive);
  child.on("error", (error) => channel.failAll(`child process error: ${error.message}`));
  // "close" comes after its stderr has been read to the end, so the reason can quote it.
  child.on("close", (code, signal) => channel.failAll(stderr.explain(`child process exited (${signal ?? code})`)));
  await channel.ready;
  return {
    run: channel.request,
    echo: channel.echo,
    async close() {
      // Closing the IPC channel tells the child to leave; it is gone once it has exited (and been reaped).
      if (child.connected) child.disconnect();
      await exited;
      return { exitSeen: true };
    },
  };
}

export const primitives: RuntimePrimitives = {
  describe: () => ({
    runtime: "node",
    version: process.versions.node,
    engine: RUNTIMES.node.engine,
    engineVersion: process.versions.v8,
    reportedParallelism: availableParallelism(),
    execArgv: process.execArgv,
    relevantEnv: {
      ...pickEnv(["UV_THREADPOOL_SIZE"]),
      // Its value is a machine-specific path; whether it is on is what matters.
      ...(process.env.NODE_COMPILE_CACHE ? { NODE_COMPILE_CACHE: "enabled" } : {}),
    },
  }),
  labels: {
    worker: "worker_threads.Worker",
    childProcess: "child_process.fork",
    nativeOffload: "crypto.pbkdf2 on libuv's thread pool (4 threads unless UV_THREADPOOL_SIZE says otherwise)",
    files: { async: "fs.promises (libuv's thread pool)", sync: "fs.writeFileSync / fs.readFileSync" },
  },
  startWorker,
  startChildProcess,
  createWorkerPool: createPiscinaPool,
  ...taskServices,
  httpClients,
};
