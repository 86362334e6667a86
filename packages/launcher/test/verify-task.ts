/** Loads a task module in whichever runtime runs this file, runs it once at its smallest size and prints its check. */
import { loadUserTask } from "@runtime-bench/workloads";

const module = process.argv.at(-1)!;
const task = await loadUserTask(module);
const [label, size] = Object.entries(task.sizes ?? {}).sort((a, b) => a[1] - b[1])[0]!;
const input = await task.input(size);
console.log(JSON.stringify({ name: task.name, label, verdict: task.check(task.run(input), size, input) }));
