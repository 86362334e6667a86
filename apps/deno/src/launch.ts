/** How the bench starts a Deno measurement process: `deno run` with the narrowest permissions, on main.ts. */
import { fileURLToPath } from "node:url";
import type { LaunchWith } from "@runtime-bench/launcher/contender-launches";
import type { RuntimeLaunch } from "@runtime-bench/launcher/process-backend";
import { runtimeBinary } from "@runtime-bench/launcher/runtime-binaries";
import { measurementPermissionFlags, RUNTIME_FLAGS_VARIABLE } from "./permissions.ts";

const mainFile = fileURLToPath(new URL("./main.ts", import.meta.url));

/**
 * Runtime flags go after `run`, before the permissions; Deno does not say which flags it was started with, so they
 * travel in RUNTIME_FLAGS_VARIABLE to primitives.ts, which starts every child with them (workers share the process's V8).
 */
export const launchWith: LaunchWith = (deno, flags) => ({
  runtime: "deno",
  command: {
    argv: [deno, "run", ...flags, ...measurementPermissionFlags(deno), mainFile],
    // A file cell's scratch folder, readable and writable (no other folder is); a real API's host (--target).
    argvWithAccess: (access) => [deno, "run", ...flags, ...measurementPermissionFlags(deno, access), mainFile],
    ...(flags.length > 0 ? { env: { [RUNTIME_FLAGS_VARIABLE]: JSON.stringify(flags) } } : {}),
  },
});

export const launch: RuntimeLaunch = launchWith(runtimeBinary("deno"), []);
