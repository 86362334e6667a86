/** piscina's task file: warmed like every other executor, runs one task per call, and obeys the tests' fault hook. */

import { injectedFault } from "@runtime-bench/model/fault-injection";
import { prepareTask, type Task, warmUp } from "@runtime-bench/workloads";
import { pbkdf2ViaNodeCrypto } from "../node-crypto.ts";
import { nodeFileServices } from "../node-files.ts";
import { runTaskWithHook } from "../protocol.ts";
import { fetchJsonWithGlobalFetch } from "../web-platform.ts";

warmUp();

// piscina runs CPU work here; a request would go through the global fetch whatever client it names.
const services = {
  fetchJson: (url: string, timeoutMs: number) => fetchJsonWithGlobalFetch(url, timeoutMs),
  pbkdf2: pbkdf2ViaNodeCrypto,
  files: nodeFileServices,
};
const fault = injectedFault();

/** A user's task is prepared (module loaded, input built) on this worker's first call: the pool's warm-up call. */
export default function run(task: Task): number | Promise<number> {
  const preparing = prepareTask(task);
  if (preparing) return preparing.then(() => execute(task));
  return execute(task);
}

const execute = (task: Task) => runTaskWithHook(task, services, fault);
