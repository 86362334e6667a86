/**
 * Bun's native primitives: the Web Worker global, Bun.spawn with an IPC channel, native fetch, and
 * piscina where it runs (else a native pool).
 */

import { fileURLToPath } from "node:url";
import { createPoolPreferringPiscina } from "@runtime-bench/in-runtime/pool";
import { pickEnv, type RuntimePrimitives } from "@runtime-bench/in-runtime/primitives";
import { createExecutorChannel, type TaskPort } from "@runtime-bench/in-runtime/protocol";
import { startWebWorker } from "@runtime-bench/in-runtime/web-platform";
import { collectInto } from "@runtime-bench/in-runtime/web-streams";
import { OutputTail } from "@runtime-bench/model/output-tail";
import { RUNTIMES } from "@runtime-bench/model/runtimes";
import { httpClients } from "./http.ts";
import { taskServices } from "./services.ts";

const workerFile = new URL("./worker.ts", import.meta.url).href;
// Bun reports a terminated worker gone with a "close" event, so its teardown is timed. A contender started with
// --smol (launch.ts) runs its workers small too: Bun does not hand the flag on to a worker by itself.
const smol = process.execArgv.includes("--smol");
const startWorker = () => startWebWorker(workerFile, { exit: { event: "close" }, smol });
const childFile = fileURLToPath(new URL("./child.ts", import.meta.url));

async function startChildProcess(): Promise<TaskPort> {
  // The default "advanced" IPC format only talks to Bun processes, which is what the child is.
  const channel = createExecutorChannel((request) => child.send(request));
  // The runtime flags this process was started with (a contender's, e.g. --smol) hold for its children too.
  const child = Bun.spawn([process.execPath, ...process.execArgv, childFile], {
    ipc: (message) => channel.receive(message),
    stdio: ["ignore", "inherit", "pipe"],
  });
  const stderr = new OutputTail();
  const stderrRead = collectInto(stderr, child.stderr);
  void child.exited.then(async (code) => {
    await stderrRead;
    channel.failAll(stderr.explain(`child process exited (${child.signalCode ?? code})`));
  });
  await channel.ready;
  return {
    run: channel.request,
    echo: channel.echo,
    async close() {
      // Closing the IPC channel tells the child to leave; it is gone once it has exited (and been reaped).
      child.disconnect();
      await child.exited;
      return { exitSeen: true };
    },
  };
}

export const primitives: RuntimePrimitives = {
  describe: () => ({
    runtime: "bun",
    version: Bun.version,
    engine: RUNTIMES.bun.engine,
    engineVersion: process.versions.webkit ?? "unknown",
    reportedParallelism: navigator.hardwareConcurrency,
    execArgv: process.execArgv,
    relevantEnv: pickEnv(["BUN_CONFIG_MAX_HTTP_REQUESTS"]),
  }),
  labels: {
    worker: "Web Worker",
    childProcess: "Bun.spawn (ipc)",
    nativeOffload: "crypto.pbkdf2 on Bun's native thread pool",
    files: { async: "Bun.write / Bun.file().bytes()", sync: "fs.writeFileSync / fs.readFileSync (node:fs in Bun)" },
  },
  startWorker,
  startChildProcess,
  createWorkerPool: (size) => createPoolPreferringPiscina(size, startWorker),
  ...taskServices,
  httpClients,
};
