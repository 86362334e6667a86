/**
 * Executor-side endpoints shared by more than one runtime. Node's worker_threads endpoint lives in
 * apps/node, the only runtime that uses it.
 */
import { createInterface } from "node:readline";
import type { Endpoint, ExecutorMessage } from "./protocol.ts";

/** Inside a Web Worker (Bun, Deno): the worker's global scope is the channel. */
export function webWorkerEndpoint(): Endpoint {
  // A worker's global functions; Node's types (which type-check this file) do not know them.
  const scope: object = globalThis;
  const postMessage: (message: unknown, transfer: ArrayBuffer[]) => void = Reflect.get(scope, "postMessage").bind(globalThis);
  const addEventListener: (type: "message", listener: (event: { data: unknown }) => void) => void = Reflect.get(
    scope,
    "addEventListener",
  ).bind(globalThis);
  return {
    onMessage: (handler) => addEventListener("message", (event) => handler(event.data)),
    postMessage: (message, transfer) => postMessage(message, transfer ?? []),
  };
}

/** Inside a child process started with an IPC channel (Node fork, Bun.spawn with ipc). */
export function ipcChildEndpoint(): Endpoint {
  if (!process.send) throw new Error("this process was started without an IPC channel");
  // The parent closing the channel is the signal to leave.
  process.on("disconnect", () => process.exit(0));
  return {
    onMessage: (handler) => process.on("message", handler),
    postMessage: (message: ExecutorMessage) => void process.send!(message),
  };
}

/**
 * Inside a child process that talks over standard input and output, one JSON message per line (Deno's
 * Deno.Command has no IPC channel). Standard input closing is the signal to leave.
 */
export function stdioChildEndpoint(): Endpoint {
  const lines = createInterface({ input: process.stdin });
  lines.on("close", () => process.exit(0));
  return {
    onMessage: (handler) => lines.on("line", (line) => handler(JSON.parse(line))),
    postMessage: (message) => void process.stdout.write(`${JSON.stringify(message)}\n`),
  };
}
