/** piscina's task file: warmed like every other executor, runs one task per call. */
import { runTask, warmUp, type Task } from "@runtime-bench/workloads";

warmUp();

const services = { fetchJson: async (url: string, timeoutMs: number) => (await fetch(url, { signal: AbortSignal.timeout(timeoutMs) })).json() };

export default function run(task: Task): Promise<number> {
  return runTask(task, services);
}
