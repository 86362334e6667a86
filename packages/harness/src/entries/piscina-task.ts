/** piscina's task file: warmed like every other executor, runs one task per call. */
import { runTask, warmUp, type Task } from "@runtime-bench/workloads";
import { fetchJsonWithGlobalFetch } from "../web-platform.ts";

warmUp();

const services = { fetchJson: fetchJsonWithGlobalFetch };

export default function run(task: Task): number | Promise<number> {
  return runTask(task, services);
}
