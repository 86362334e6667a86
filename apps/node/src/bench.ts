/** `pnpm bench` for Node: the shared launcher, measuring fresh `node main.ts` processes. */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchMain } from "@runtime-bench/harness/launcher/bench-main";
import { runtimeBinary } from "@runtime-bench/harness/launcher/runtime-binaries";

const mainFile = fileURLToPath(new URL("./main.ts", import.meta.url));
// Node strips TypeScript types in every new worker and process (~100 ms each here); its compile cache
// keeps the stripped code, as Deno's DENO_DIR does, so start-up costs what Node itself costs.
const env = { NODE_COMPILE_CACHE: join(tmpdir(), "runtime-bench", "node-compile-cache") };
process.exitCode = await benchMain("node", { argv: [runtimeBinary("node"), mainFile], env }, process.argv.slice(2));
