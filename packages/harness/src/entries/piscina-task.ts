/** piscina's task file: warmed like every other executor, runs one task per call, and obeys the tests' fault hook. */
import { runTask, type Task, warmUp } from "@runtime-bench/workloads";
import { injectedFault, runWithFault } from "../fault-injection.ts";
import { pbkdf2ViaNodeCrypto } from "../node-crypto.ts";
import { fetchJsonWithGlobalFetch } from "../web-platform.ts";

warmUp();

const services = { fetchJson: fetchJsonWithGlobalFetch, pbkdf2: pbkdf2ViaNodeCrypto };
const fault = injectedFault();

export default function run(task: Task): number | Promise<number> {
  return fault ? runWithFault(fault, () => runTask(task, services)) : runTask(task, services);
}
