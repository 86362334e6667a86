/**
 * Deno's native primitives: module Web Workers, Deno.Command (talking over stdin/stdout, as it has no
 * IPC channel), native fetch, and piscina where it runs (else a native pool).
 */

import { fileURLToPath } from "node:url";
import { createPoolPreferringPiscina } from "@runtime-bench/in-runtime/pool";
import { pickEnv, type RuntimePrimitives } from "@runtime-bench/in-runtime/primitives";
import { createExecutorChannel, type TaskPort } from "@runtime-bench/in-runtime/protocol";
import { startWebWorker } from "@runtime-bench/in-runtime/web-platform";
import { collectInto, readLines } from "@runtime-bench/in-runtime/web-streams";
import { OutputTail } from "@runtime-bench/model/output-tail";
import { RUNTIMES } from "@runtime-bench/model/runtimes";
import { httpClients } from "./http.ts";
import { childPermissionFlags, grantTask, runtimeFlags } from "./permissions.ts";
import { taskServices } from "./services.ts";

const workerFile = new URL("./worker.ts", import.meta.url).href;
// Deno only has module workers; they inherit this process's permissions. Like the Web standard, Deno fires
// no event when a terminated worker is gone, so its teardown cannot be timed.
const startWorker = () =>
  startWebWorker(workerFile, { type: "module", exit: { unseen: "Deno's Web Worker reports no exit (no close event; whatwg/html#5869)" } });
const childFile = fileURLToPath(new URL("./child.ts", import.meta.url));

async function startChildProcess(): Promise<TaskPort> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", ...runtimeFlags(), ...childPermissionFlags(), childFile],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const stderr = new OutputTail();
  const stderrRead = collectInto(stderr, child.stderr);
  const input = child.stdin.getWriter();
  const encoder = new TextEncoder();
  const channel = createExecutorChannel((request) => input.write(encoder.encode(`${JSON.stringify(request)}\n`)));
  void readLines(child.stdout, (line) => channel.receive(JSON.parse(line)));
  void child.status.then(async (status) => {
    await stderrRead;
    channel.failAll(stderr.explain(`child process exited (${status.signal ?? status.code})`));
  });
  await channel.ready;
  return {
    run: channel.request,
    echo: channel.echo,
    async close() {
      // End of standard input tells the child to leave; it is gone once it has exited (and been reaped).
      await input.close().catch(() => {});
      await child.status;
      return { exitSeen: true };
    },
  };
}

export const primitives: RuntimePrimitives = {
  describe: () => ({
    runtime: "deno",
    version: Deno.version.deno,
    engine: RUNTIMES.deno.engine,
    engineVersion: Deno.version.v8,
    reportedParallelism: navigator.hardwareConcurrency,
    // Deno's process.execArgv is empty whatever it was started with: the flags it was given (launch.ts).
    execArgv: runtimeFlags(),
    relevantEnv: pickEnv(["DENO_V8_FLAGS"]),
  }),
  childMessages: "json",
  labels: {
    worker: "Web Worker (module)",
    childProcess: "Deno.Command (stdio)",
    nativeOffload: "crypto.subtle.deriveBits (WebCrypto) as a blocking task off the JavaScript thread",
    files: { async: "Deno.writeFile / Deno.readFile", sync: "Deno.writeFileSync / Deno.readFileSync" },
  },
  startWorker,
  startChildProcess,
  createWorkerPool: (size) => createPoolPreferringPiscina(size, startWorker),
  ...taskServices,
  httpClients,
  grantTask,
};
