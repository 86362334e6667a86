/** What Bun's tasks use wherever they run (main thread, worker, child process): its HTTP clients, key derivation and files. */
import { pbkdf2ViaNodeCrypto } from "@runtime-bench/in-runtime/node-crypto";
import { nodeFsSync } from "@runtime-bench/in-runtime/node-files";
import type { TaskServices } from "@runtime-bench/workloads";
import { fetchJson } from "./http.ts";

/** Bun's own file API for the async model; it has no synchronous one of its own, so node:fs's, which Bun implements natively. */
const files: TaskServices["files"] = {
  write: async (path, data) => void (await Bun.write(path, data)),
  read: (path) => Bun.file(path).bytes(),
  ...nodeFsSync,
};

export const taskServices: TaskServices = { fetchJson, pbkdf2: pbkdf2ViaNodeCrypto, files };
