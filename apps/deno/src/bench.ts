/** `pnpm bench` for Deno: the shared launcher (on Node), measuring fresh `deno run main.ts` processes. */
import { fileURLToPath } from "node:url";
import { benchMain } from "@runtime-bench/harness/launcher/bench-main";
import { runtimeBinary } from "@runtime-bench/harness/launcher/runtime-binaries";
import { measurementPermissionFlags } from "./permissions.ts";

const deno = runtimeBinary("deno");
const mainFile = fileURLToPath(new URL("./main.ts", import.meta.url));
process.exitCode = await benchMain("deno", { argv: [deno, "run", ...measurementPermissionFlags(deno), mainFile] }, process.argv.slice(2));
