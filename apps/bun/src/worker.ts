/** A Bun Web Worker: the shared task loop over the worker's global scope. */
import { webWorkerEndpoint } from "@runtime-bench/harness/endpoints";
import { serveTasks } from "@runtime-bench/harness/protocol";
import { taskServices } from "./services.ts";

serveTasks(webWorkerEndpoint(), taskServices);
