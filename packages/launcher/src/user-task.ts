/**
 * A user's task (--task): its module loaded once in the launcher to read its name and sizes and check its shape,
 * before anything is measured (bad input: exit 2), and the profile that runs it: the profile's CPU models at the
 * task's sizes, nothing else. Each measured process loads the module again itself (packages/workloads/user-task.ts).
 */
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { UsageError } from "@runtime-bench/model/cli/flags";
import { repoRoot } from "@runtime-bench/model/cli/repo";
import { toMessage } from "@runtime-bench/model/errors";
import type { RuntimeName } from "@runtime-bench/model/runtimes";
import type { TaskPermissions } from "@runtime-bench/model/scenarios/params";
import { recordOf } from "@runtime-bench/model/scenarios/records";
import type { Profile } from "@runtime-bench/model/suite";
import { loadUserTask, type UserTaskDefinition, WORKLOAD_SIZE_LIMITS } from "@runtime-bench/workloads";
import { type IoTaskShape, ioTaskProfile, ioTaskShape } from "./io-task.ts";
import { runtimeBinary } from "./runtime-binaries.ts";

/** The largest size a task may ask for: the user-task workload's limit in the workloads registry. */
const MAX_TASK_SIZE = (WORKLOAD_SIZE_LIMITS["user-task"] as { max: number }).max;

export interface LoadedTask {
  /** The module's file URL, as every executor imports it. */
  module: string;
  name: string;
  /** The folder Deno may read: the task's package (its nearest package.json, where its dependencies are), else its own folder. */
  folder: string;
  /** Label and size, smallest first. */
  sizes: Array<[label: string, size: number]>;
  /** What it asks for beyond reading its package and the environment (its definition's `permissions`), paths made absolute. */
  permissions: TaskPermissions;
  /** An I/O-bound task's units, levels, worker counts and target (io-task.ts); absent for a CPU task. */
  io?: IoTaskShape;
  /** The task marks what of its input can be moved to a worker rather than copied (its `transfer`). */
  transfer: boolean;
}

/** The folder holding the nearest package.json above the file, or the file's own folder. */
function packageFolderOf(file: string): string {
  for (let folder = dirname(file); ; folder = dirname(folder)) {
    if (existsSync(join(folder, "package.json"))) return folder;
    if (dirname(folder) === folder) return dirname(file);
  }
}

const describeMain = fileURLToPath(new URL("./describe-task-main.ts", import.meta.url));

/** What the launcher reads of a definition. */
type Described = Pick<UserTaskDefinition, "kind" | "name" | "sizes" | "permissions" | "target" | "units" | "inFlight" | "workers"> & {
  /** Whether the definition has a `transfer` function (a function does not cross as JSON from another runtime). */
  transfers?: boolean;
};

/** The task's definition as Bun or Deno read it (the first that loads it), or null if neither can. */
function describeElsewhere(module: string, folder: string): Described | null {
  const commands: Array<[RuntimeName, string[]]> = [
    ["bun", ["run", describeMain, module]],
    ["deno", ["run", "--no-prompt", "--no-lock", `--allow-read=${repoRoot},${folder}`, describeMain, module]],
  ];
  for (const [runtime, args] of commands) {
    const run = spawnSync(runtimeBinary(runtime), args, { encoding: "utf8", timeout: 30_000 });
    const line = run.stdout?.trim().split("\n").at(-1) ?? "";
    try {
      const answer = JSON.parse(line) as Described & { error?: string };
      if (answer.error === undefined && answer.name !== undefined) return answer;
    } catch {
      // not loadable there either (or the runtime is missing): try the next
    }
  }
  return null;
}

export async function loadTask(file: string): Promise<LoadedTask> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`--task: no task module at ${file}`);
  const module = pathToFileURL(file).href;
  const folder = packageFolderOf(file);
  let definition: Described;
  try {
    const loaded = await loadUserTask(module);
    definition = { ...loaded, transfers: typeof loaded.transfer === "function" };
  } catch (error) {
    // A module only another runtime can load is still a task: that runtime reads it, Node's cells are n/a.
    const elsewhere = describeElsewhere(module, folder);
    if (!elsewhere) throw new UsageError(`--task ${file}: ${toMessage(error)}`);
    definition = elsewhere;
  }
  const name = typeof definition.name === "string" ? definition.name.trim() : "";
  if (name === "") throw new UsageError(`--task ${file}: the task definition needs a name (a non-empty string)`);
  if (definition.kind !== undefined && definition.kind !== "cpu" && definition.kind !== "io")
    throw new UsageError(`task ${name}: kind must be "cpu" (the default) or "io", got ${JSON.stringify(definition.kind)}`);
  const permissions = permissionsOf(name, definition.permissions, dirname(file));
  if (definition.kind === "io") return { module, name, folder, sizes: [], permissions, io: ioTaskShape(name, definition), transfer: false };
  const sizes = Object.entries(definition.sizes ?? {});
  if (sizes.length === 0) throw new UsageError(`task ${name}: sizes must name at least one size, e.g. { small: 1000 }`);
  for (const [label, size] of sizes)
    if (!Number.isInteger(size) || size < 1 || size > MAX_TASK_SIZE)
      throw new UsageError(`task ${name}: size "${label}" must be a whole number from 1 to ${MAX_TASK_SIZE}, got ${String(size)}`);
  return { module, name, folder, sizes: sizes.sort((a, b) => a[1] - b[1]), permissions, transfer: definition.transfers === true };
}

const PERMISSION_KINDS = ["read", "write", "net", "run"] as const;

/** A definition's `permissions`, checked: each kind a list of strings; paths to read or write made absolute from the module's folder. */
function permissionsOf(name: string, given: unknown, moduleFolder: string): TaskPermissions {
  if (given === undefined) return {};
  const shape = `permissions must be an object of lists of strings: { ${PERMISSION_KINDS.map((kind) => `${kind}?: string[]`).join("; ")} }`;
  if (typeof given !== "object" || given === null) throw new UsageError(`task ${name}: ${shape}`);
  const unknown = Object.keys(given).filter((key) => !(PERMISSION_KINDS as readonly string[]).includes(key));
  if (unknown.length > 0) throw new UsageError(`task ${name}: permissions has no "${unknown[0]}"; ${shape}`);
  const permissions: TaskPermissions = {};
  for (const kind of PERMISSION_KINDS) {
    const list = (given as Record<string, unknown>)[kind];
    if (list === undefined) continue;
    if (!Array.isArray(list) || !list.every((item) => typeof item === "string" && item !== ""))
      throw new UsageError(`task ${name}: permissions.${kind} must be a list of non-empty strings`);
    permissions[kind] = kind === "read" || kind === "write" ? list.map((path: string) => resolve(moduleFolder, path)) : [...list];
  }
  return permissions;
}

/** The profile a task runs with: its rounds and budget; a CPU task's CPU models at its sizes, or an I/O task's I/O models. */
export function taskProfile(profile: Profile, task: LoadedTask, computeOnly: boolean): Profile {
  const own = {
    module: task.module,
    name: task.name,
    folder: task.folder,
    ...(Object.keys(task.permissions).length > 0 ? { permissions: task.permissions } : {}),
  };
  const cpuOnly = { tasks: profile.cpu.tasks, workers: profile.cpu.workers };
  if (task.io) return ioTaskProfile(profile, own, task.io, cpuOnly);
  return {
    ...profile,
    task: { ...own, ...(task.transfer ? { transfer: true } : {}), ...(computeOnly ? { computeOnly } : {}) },
    scenarios: profile.scenarios.filter((id) => recordOf(id)?.kind === "cpu"),
    cpu: { ...cpuOnly, sizes: Object.fromEntries(task.sizes) },
    io: { ...profile.io, sweep: undefined, capacity: undefined },
    files: undefined,
  };
}
