/** How the bench starts a Bun measurement process: a Bun binary (the pinned one unless a contender says) running main.ts. */
import { fileURLToPath } from "node:url";
import type { LaunchWith } from "@runtime-bench/launcher/contender-launches";
import type { RuntimeLaunch } from "@runtime-bench/launcher/process-backend";
import { runtimeBinary } from "@runtime-bench/launcher/runtime-binaries";
import { CONFIGURED_FETCH_ENV } from "./http.ts";

/** Runtime flags go before the entry file; primitives.ts hands them (process.execArgv) to its children and workers. */
export const launchWith: LaunchWith = (binary, flags) => ({
  runtime: "bun",
  command: {
    argv: [binary, ...flags, fileURLToPath(new URL("./main.ts", import.meta.url))],
    // Bun reads its fetch's in-flight limit only at start-up: the configured client's cells start with it set.
    clientEnv: { "fetch-configured": CONFIGURED_FETCH_ENV },
  },
});

export const launch: RuntimeLaunch = launchWith(runtimeBinary("bun"), []);
