/** `pnpm bench` for Node: the shared launcher, measuring fresh `node main.ts` processes. */
import { fileURLToPath } from "node:url";
import { benchMain } from "@runtime-bench/harness/launcher/bench-main";
import { runtimeBinary } from "@runtime-bench/harness/launcher/runtime-binaries";

const mainFile = fileURLToPath(new URL("./main.ts", import.meta.url));
process.exitCode = await benchMain("node", { argv: [runtimeBinary("node"), mainFile] }, process.argv.slice(2));
