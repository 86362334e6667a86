/** How the bench starts a Bun measurement process: the pinned Bun binary running main.ts. */
import { fileURLToPath } from "node:url";
import type { RuntimeLaunch } from "@runtime-bench/harness/launcher/process-backend";
import { runtimeBinary } from "@runtime-bench/harness/launcher/runtime-binaries";

export const launch: RuntimeLaunch = {
  runtime: "bun",
  command: { argv: [runtimeBinary("bun"), fileURLToPath(new URL("./main.ts", import.meta.url))] },
};
