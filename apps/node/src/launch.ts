/** How the bench starts a Node measurement process: the pinned Node binary running main.ts. */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RuntimeLaunch } from "@runtime-bench/launcher/process-backend";
import { runtimeBinary } from "@runtime-bench/launcher/runtime-binaries";

export const launch: RuntimeLaunch = {
  runtime: "node",
  command: {
    argv: [runtimeBinary("node"), fileURLToPath(new URL("./main.ts", import.meta.url))],
    // Node strips TypeScript types in every new worker and process (~100 ms each here); its compile cache
    // keeps the stripped code, as Deno's DENO_DIR does, so start-up costs what Node itself costs.
    env: { NODE_COMPILE_CACHE: join(tmpdir(), "runtime-bench", "node-compile-cache") },
  },
};
