/**
 * Prints a task module's name, sizes and permissions as one JSON line, run by a runtime other than Node when Node cannot load
 * the module (a Bun or Deno global): the launcher needs them before anything is measured (user-task.ts).
 */
import { toMessage } from "@runtime-bench/model/errors";
import { loadUserTask } from "@runtime-bench/workloads";

const module = process.argv.at(-1)!;
try {
  const { name, sizes, permissions } = await loadUserTask(module);
  console.log(JSON.stringify({ name, sizes, permissions }));
} catch (error) {
  console.log(JSON.stringify({ error: toMessage(error) }));
}
