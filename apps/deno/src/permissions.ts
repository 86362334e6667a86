/**
 * The narrowest Deno permissions that work, in one place: imported by the launcher (on Node) for the
 * measurement process, and by the measurement process for its child processes.
 */
import { fileURLToPath } from "node:url";
import type { ExtraAccess } from "@runtime-bench/launcher/measurement-process";

/** The repository root: modules (and node_modules) are read from there. */
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** Folders a user's task needs read (--task): set by the measurement process before it starts child processes. */
const taskFolders: string[] = [];
export const allowReadingTask = (folder: string): void => {
  if (!taskFolders.includes(folder)) taskFolders.push(folder);
};

/** A contender's runtime flags (a JSON list), which the measurement process hands on to its child processes. */
export const RUNTIME_FLAGS_VARIABLE = "RUNTIME_BENCH_DENO_FLAGS";

/** The runtime flags this process was started with (launch.ts), for its children. */
export const runtimeFlags = (): string[] => JSON.parse(Deno.env.get(RUNTIME_FLAGS_VARIABLE) ?? "[]") as string[];

/** Environment variables a Deno process reads: one it records, two piscina reads, the tests' fault hook, its flags. */
const readableEnv = [
  "DENO_V8_FLAGS",
  "PISCINA_DISABLE_ATOMICS",
  "PISCINA_ENABLE_ASYNC_ATOMICS",
  "RUNTIME_BENCH_INJECT_FAULT",
  RUNTIME_FLAGS_VARIABLE,
];

/**
 * What every Deno process here may do: read the repo's modules and /proc, and those variables; with a file cell's
 * scratch folder, read and write that folder and nothing else.
 */
export function childPermissionFlags(scratchFolder: string | null = null, alsoReadable: readonly string[] = taskFolders): string[] {
  const readable = [repoRoot, "/proc", ...alsoReadable, ...(scratchFolder ? [scratchFolder] : [])];
  return [
    "--no-prompt",
    "--no-lock",
    `--allow-read=${readable.join(",")}`,
    ...(scratchFolder ? [`--allow-write=${scratchFolder}`] : []),
    `--allow-env=${readableEnv.join(",")}`,
  ];
}

/**
 * The measurement process may also reach the mock API on loopback (any port: the OS picks it), and a real API's
 * host where --target names one, and start child processes of this same Deno binary. Workers inherit these permissions.
 */
export function measurementPermissionFlags(denoBinary: string, access: ExtraAccess = { folder: null, host: null }): string[] {
  const hosts = ["127.0.0.1", ...(access.host ? [access.host] : [])];
  // A user's task's folder (its package: its modules and dependencies) and no other; workers inherit it, the
  // measurement process passes it on to its children (allowReadingTask).
  return [
    ...childPermissionFlags(access.folder, access.readable ? [access.readable] : []),
    `--allow-net=${hosts.join(",")}`,
    `--allow-run=${denoBinary}`,
  ];
}
