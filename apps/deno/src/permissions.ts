/**
 * The narrowest Deno permissions that work, in one place: imported by the launcher (on Node) for the
 * measurement process, and by the measurement process for its child processes.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ExtraAccess } from "@runtime-bench/launcher/measurement-process";

/** The repository root: modules (and node_modules) are read from there. */
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

type TaskAccess = NonNullable<ExtraAccess["task"]>;

/** The user's task this process runs (--task): set by the measurement process before it starts child processes. */
let runningTask: TaskAccess | null = null;
export const grantTask = (task: TaskAccess): void => {
  runningTask = task;
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
 * What a Deno process here may do, every permission said once: read the repo's modules and /proc, and the variables
 * above; with a file cell's scratch folder, read and write that folder and nothing else. A user's task (--task) may
 * also do what libraries ordinarily do as they load (read any environment variable, read its package: its folder and
 * the node_modules folders above it, where a workspace hoists them), and what its definition's `permissions` grant.
 */
function permissionFlags({ scratch, task, net, run }: { scratch: string | null; task: TaskAccess | null; net: string[]; run: string[] }) {
  const granted = task?.permissions ?? {};
  const readable = [
    repoRoot,
    "/proc",
    ...(task ? packageFolders(task.folder) : []),
    ...(granted.read ?? []),
    ...(granted.write ?? []),
    ...(scratch ? [scratch] : []),
  ];
  const writable = [...(scratch ? [scratch] : []), ...(granted.write ?? [])];
  const hosts = [...net, ...(granted.net ?? [])];
  const programs = [...run, ...(granted.run ?? [])];
  return [
    "--no-prompt",
    "--no-lock",
    `--allow-read=${readable.join(",")}`,
    ...(writable.length > 0 ? [`--allow-write=${writable.join(",")}`] : []),
    task ? "--allow-env" : `--allow-env=${readableEnv.join(",")}`,
    ...(hosts.length > 0 ? [`--allow-net=${hosts.join(",")}`] : []),
    ...(programs.length > 0 ? [`--allow-run=${programs.join(",")}`] : []),
  ];
}

/** A folder and every node_modules folder above it: where a package's own dependencies are found. */
function packageFolders(folder: string): string[] {
  const folders = [folder];
  for (let at = dirname(folder); ; at = dirname(at)) {
    folders.push(join(at, "node_modules"));
    if (dirname(at) === at) return folders;
  }
}

/** A child process's permissions: the cell's scratch folder, if any, and the task this process runs (grantTask). */
export const childPermissionFlags = (scratchFolder: string | null = null): string[] =>
  permissionFlags({ scratch: scratchFolder, task: runningTask, net: [], run: [] });

/**
 * The measurement process may also reach the mock API on loopback (any port: the OS picks it), and a real API's
 * host where --target names one, and start child processes of this same Deno binary. Workers inherit these
 * permissions; the measurement process passes a task's on to its children (grantTask).
 */
export const measurementPermissionFlags = (denoBinary: string, access: ExtraAccess = { folder: null, host: null }): string[] =>
  permissionFlags({
    scratch: access.folder,
    task: access.task ?? null,
    net: ["127.0.0.1", ...(access.host ? [access.host] : [])],
    run: [denoBinary],
  });
