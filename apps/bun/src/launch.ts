/** How the bench starts a Bun measurement process: the pinned Bun binary running main.ts. */
import { fileURLToPath } from "node:url";
import type { RuntimeLaunch } from "@runtime-bench/launcher/process-backend";
import { runtimeBinary } from "@runtime-bench/launcher/runtime-binaries";
import { CONFIGURED_FETCH_ENV } from "./http.ts";

export const launch: RuntimeLaunch = {
  runtime: "bun",
  command: {
    argv: [runtimeBinary("bun"), fileURLToPath(new URL("./main.ts", import.meta.url))],
    // Bun reads its fetch's in-flight limit only at start-up: the configured client's cells start with it set.
    clientEnv: { "fetch-configured": CONFIGURED_FETCH_ENV },
  },
};
