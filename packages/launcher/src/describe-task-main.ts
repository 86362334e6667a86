/**
 * Prints what the launcher reads of a task module (its kind, name, sizes, permissions, whether it marks a transfer, and
 * an I/O task's target, units, levels and workers) as one JSON line, run by a runtime other than Node when Node cannot
 * load the module (a Bun or Deno global): the launcher needs them before anything is measured (user-task.ts).
 */
import { toMessage } from "@runtime-bench/model/errors";
import { loadUserTask } from "@runtime-bench/workloads";

const module = process.argv.at(-1)!;
try {
  const { kind, name, sizes, permissions, target, units, inFlight, workers, transfer } = await loadUserTask(module);
  console.log(
    JSON.stringify({ kind, name, sizes, permissions, target, units, inFlight, workers, transfers: typeof transfer === "function" }),
  );
} catch (error) {
  console.log(JSON.stringify({ error: toMessage(error) }));
}
