/** How the bench starts a Deno measurement process: `deno run` with the narrowest permissions, on main.ts. */
import { fileURLToPath } from "node:url";
import type { RuntimeLaunch } from "@runtime-bench/harness/launcher/process-backend";
import { runtimeBinary } from "@runtime-bench/harness/launcher/runtime-binaries";
import { measurementPermissionFlags } from "./permissions.ts";

const deno = runtimeBinary("deno");

export const launch: RuntimeLaunch = {
  runtime: "deno",
  command: { argv: [deno, "run", ...measurementPermissionFlags(deno), fileURLToPath(new URL("./main.ts", import.meta.url))] },
};
