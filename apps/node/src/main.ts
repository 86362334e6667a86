/** Entry point of one Node measurement process (started by the launcher). */
import { runCellProcess } from "@runtime-bench/in-runtime/cell-process";
import { primitives } from "./primitives.ts";

await runCellProcess(primitives, process.argv.slice(2));
