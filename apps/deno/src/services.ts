/** What Deno's tasks use wherever they run (main thread, worker, child process): its HTTP clients, key derivation and files. */
import { pbkdf2ViaWebCrypto } from "@runtime-bench/in-runtime/web-platform";
import type { TaskServices } from "@runtime-bench/workloads";
import { fetchJson } from "./http.ts";

const files: TaskServices["files"] = {
  write: (path, data) => Deno.writeFile(path, data),
  read: (path) => Deno.readFile(path),
  writeSync: (path, data) => Deno.writeFileSync(path, data),
  readSync: (path) => Deno.readFileSync(path),
};

export const taskServices: TaskServices = { fetchJson, pbkdf2: pbkdf2ViaWebCrypto, files };
