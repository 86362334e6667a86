/** `pnpm bench` for Bun: the shared launcher (on Node), measuring fresh `bun main.ts` processes. */
import { fileURLToPath } from "node:url";
import { benchMain } from "@runtime-bench/harness/launcher/bench-main";
import { runtimeBinary } from "@runtime-bench/harness/launcher/runtime-binaries";

const mainFile = fileURLToPath(new URL("./main.ts", import.meta.url));
process.exitCode = await benchMain("bun", { argv: [runtimeBinary("bun"), mainFile] }, process.argv.slice(2));
