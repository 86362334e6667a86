/** A child process started by child_process.fork: the shared task loop over its IPC channel. */
import { ipcChildEndpoint } from "@runtime-bench/harness/endpoints";
import { serveTasks } from "@runtime-bench/harness/protocol";
import { taskServices } from "./services.ts";

serveTasks(ipcChildEndpoint(), taskServices);
