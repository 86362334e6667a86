/** A worker_threads worker: the shared task loop over Node's parentPort. */
import { parentPort } from "node:worker_threads";
import { serveTasks } from "@runtime-bench/in-runtime/protocol";
import { taskServices } from "./services.ts";

const port = parentPort!;
serveTasks(
  { onMessage: (handler) => port.on("message", handler), postMessage: (message, transfer) => port.postMessage(message, transfer ?? []) },
  taskServices,
);
