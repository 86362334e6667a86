/** How the bench starts a Deno measurement process: `deno run` with the narrowest permissions, on main.ts. */
import { fileURLToPath } from "node:url";
import type { RuntimeLaunch } from "@runtime-bench/launcher/process-backend";
import { runtimeBinary } from "@runtime-bench/launcher/runtime-binaries";
import { measurementPermissionFlags } from "./permissions.ts";

const deno = runtimeBinary("deno");
const mainFile = fileURLToPath(new URL("./main.ts", import.meta.url));

export const launch: RuntimeLaunch = {
  runtime: "deno",
  command: {
    argv: [deno, "run", ...measurementPermissionFlags(deno), mainFile],
    // A file cell's scratch folder, readable and writable (no other folder is); a real API's host (--target).
    argvWithAccess: (access) => [deno, "run", ...measurementPermissionFlags(deno, access), mainFile],
  },
};
