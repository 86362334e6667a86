/** What Deno's tasks use wherever they run (main thread, worker, child process): its HTTP clients and its key derivation. */
import { pbkdf2ViaWebCrypto } from "@runtime-bench/harness/web-platform";
import type { TaskServices } from "@runtime-bench/workloads";
import { fetchJson } from "./http.ts";

export const taskServices: TaskServices = { fetchJson, pbkdf2: pbkdf2ViaWebCrypto };
