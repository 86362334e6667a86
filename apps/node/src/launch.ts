/** How the bench starts a Node measurement process: a Node binary (the pinned one unless a contender says) running main.ts. */
import { fileURLToPath } from "node:url";
import type { LaunchWith } from "@runtime-bench/launcher/contender-launches";
import type { RuntimeLaunch } from "@runtime-bench/launcher/process-backend";
import { runtimeBinary } from "@runtime-bench/launcher/runtime-binaries";
import { NODE_COMPILE_CACHE_DIR } from "@runtime-bench/model/cli/compile-cache";

/**
 * Runtime flags go before the entry file; Node hands them on by itself (process.execArgv) to every worker_threads
 * Worker and every fork()ed child, and V8's flags hold for the whole process.
 */
export const launchWith: LaunchWith = (binary, flags) => ({
  runtime: "node",
  command: {
    argv: [binary, ...flags, fileURLToPath(new URL("./main.ts", import.meta.url))],
    // Node strips TypeScript types in every new worker and process (~100 ms each here); its compile cache
    // keeps the stripped code, as Deno's DENO_DIR does, so start-up costs what Node itself costs. Contenders of
    // Node share the folder without reading each other's entries.
    env: { NODE_COMPILE_CACHE: NODE_COMPILE_CACHE_DIR },
  },
});

export const launch: RuntimeLaunch = launchWith(runtimeBinary("node"), []);
