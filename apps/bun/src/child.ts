/** A child process started by Bun.spawn with ipc: the shared task loop over its IPC channel. */
import { ipcChildEndpoint } from "@runtime-bench/in-runtime/endpoints";
import { serveTasks } from "@runtime-bench/in-runtime/protocol";
import { taskServices } from "./services.ts";

serveTasks(ipcChildEndpoint(), taskServices);
