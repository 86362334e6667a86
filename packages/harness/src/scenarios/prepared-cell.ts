import type { Task } from "@runtime-bench/workloads";
import type { TaskReply } from "../protocol.ts";
import type { PreparedCell } from "./types.ts";

/** A cell whose model needs no set-up and nothing to release: it runs straight on the main thread. */
export function cellWithoutSetUp(tasks: Task[], implementation: string, run: () => Promise<TaskReply[]>): PreparedCell {
  return { tasks, run, dispose: async () => {}, notes: [], implementation };
}
