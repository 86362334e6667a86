/** A Bun Web Worker: the shared task loop over the worker's global scope. */
import { webWorkerEndpoint } from "@runtime-bench/in-runtime/endpoints";
import { serveTasks } from "@runtime-bench/in-runtime/protocol";
import { taskServices } from "./services.ts";

serveTasks(webWorkerEndpoint(), taskServices);
