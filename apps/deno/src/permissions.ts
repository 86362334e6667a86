/**
 * The narrowest Deno permissions that work, in one place: imported by the launcher (on Node) for the
 * measurement process, and by the measurement process for its child processes.
 */
import { fileURLToPath } from "node:url";

/** The repository root: modules (and node_modules) are read from there. */
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** Environment variables a Deno process reads: one it records, two piscina reads, the tests' fault hook. */
const readableEnv = ["DENO_V8_FLAGS", "PISCINA_DISABLE_ATOMICS", "PISCINA_ENABLE_ASYNC_ATOMICS", "RUNTIME_BENCH_INJECT_FAULT"];

/** What every Deno process here may do: read the repo's modules and /proc, and those variables. */
export function childPermissionFlags(): string[] {
  return ["--no-prompt", "--no-lock", `--allow-read=${repoRoot},/proc`, `--allow-env=${readableEnv.join(",")}`];
}

/**
 * The measurement process may also reach the mock API on loopback (any port: the OS picks it) and start
 * child processes of this same Deno binary. Workers inherit these permissions.
 */
export function measurementPermissionFlags(denoBinary: string): string[] {
  return [...childPermissionFlags(), "--allow-net=127.0.0.1", `--allow-run=${denoBinary}`];
}
