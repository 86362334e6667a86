/** piscina's task file: warmed like every other executor, runs one task per call. */
import { runTask, warmUp, type Task } from "@runtime-bench/workloads";

warmUp();

const services = { fetchJson: async (url: string) => (await fetch(url)).json() };

export default function run(task: Task): Promise<number> {
  return runTask(task, services);
}
