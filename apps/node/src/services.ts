/** What Node's tasks use wherever they run (main thread, worker, child process): its HTTP clients, key derivation and node:fs. */
import { pbkdf2ViaNodeCrypto } from "@runtime-bench/in-runtime/node-crypto";
import { nodeFileServices } from "@runtime-bench/in-runtime/node-files";
import type { TaskServices } from "@runtime-bench/workloads";
import { fetchJson } from "./http.ts";

export const taskServices: TaskServices = { fetchJson, pbkdf2: pbkdf2ViaNodeCrypto, files: nodeFileServices };
