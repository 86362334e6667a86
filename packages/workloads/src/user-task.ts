/**
 * A task a user wrote (packages/task's TaskDefinition), run like the built-in workloads. Each executor loads the
 * module itself and builds its own input before the clock starts (`prepareUserTask`), so no model is charged for
 * building or copying the input; `runUserTask` then runs the task and its check.
 */

/** The parts of a TaskDefinition the executors call (the full, documented type is in packages/task). */
export interface UserTaskDefinition {
  /** "io" for an I/O-bound task (packages/task's IoTaskDefinition), whose `input`, `run` and `check` take a unit's input. */
  kind?: "cpu" | "io";
  name: string;
  sizes?: Record<string, number>;
  input(size: number): unknown;
  run(input: unknown, target?: string): unknown;
  runAsync?(input: unknown): Promise<unknown>;
  check(output: unknown, size: unknown, input?: unknown): boolean | string;
  transfer?(input: unknown): ArrayBuffer[];
  permissions?: { read?: string[]; write?: string[]; net?: string[]; run?: string[] };
  /** An I/O task's target, units, in-flight levels and worker counts (IoTaskDefinition). */
  target?: unknown;
  units?: unknown;
  inFlight?: unknown;
  workers?: unknown;
}

/**
 * One task of a user's module: `module` is the module's file URL, `n` the size handed to its `input`. With `sent`, the
 * input came with the task (built by the sender before the clock started, and copied to this executor, or moved:
 * `transfer` lists its buffers); without it, the executor builds its own (the compute-only view).
 */
export type UserTask = { kind: "user-task"; module: string; n: number; sent?: SentInput };
export type SentInput = { input: unknown; transfer?: ArrayBuffer[] };

/**
 * One unit of a user's I/O-bound task: its input, built on the main thread before the clock starts (and copied to
 * the worker that runs it, where the model uses workers), and the target the unit talks to.
 */
export type UserIoTask = { kind: "user-io-task"; module: string; input: unknown; target: string };

const loading = new Map<string, Promise<UserTaskDefinition>>();
/** Definitions once loaded: the run is synchronous, and a promise cannot be read synchronously. */
const loaded = new Map<string, UserTaskDefinition>();
const inputs = new Map<string, unknown>();
const inputKey = (task: UserTask) => `${task.module}#${task.n}`;

/** The module's definition (its default export, or its export named `task`), loaded once per executor. */
export function loadUserTask(module: string): Promise<UserTaskDefinition> {
  let definition = loading.get(module);
  if (!definition) {
    definition = import(module).then((exports: { default?: unknown; task?: unknown }) => {
      const candidate = (exports.default ?? exports.task) as Partial<UserTaskDefinition> | undefined;
      const missing = (["input", "run", "check"] as const).filter((key) => typeof candidate?.[key] !== "function");
      if (!candidate || missing.length > 0)
        throw new Error(`${module} exports no task definition (a default export or \`task\` lacking ${missing.join(", ")})`);
      loaded.set(module, candidate as UserTaskDefinition);
      return candidate as UserTaskDefinition;
    });
    loading.set(module, definition);
  }
  return definition;
}

/**
 * Loads the module and builds the input for the task's size, once per executor and size; undefined once both are
 * there, so a warmed executor's timed task waits on no promise (prepareTask).
 */
export function prepareUserTask(task: UserTask): Promise<void> | undefined {
  const ready = loaded.has(task.module) && (task.sent !== undefined || inputs.has(inputKey(task)));
  return ready ? undefined : buildInputIfNeeded(task);
}

async function buildInputIfNeeded(task: UserTask): Promise<void> {
  const definition = await loadUserTask(task.module);
  if (!task.sent && !inputs.has(inputKey(task))) inputs.set(inputKey(task), await definition.input(task.n));
}

/**
 * Inputs to send with `count` tasks, built here: one input shared by every task (each send copies it), or, where they
 * are to be moved (`transfer`), one of its own per task with the buffers the task's `transfer` names.
 */
export async function buildSentInputs(module: string, size: number, count: number, transfer: boolean): Promise<SentInput[]> {
  const definition = await loadUserTask(module);
  if (!transfer) {
    const input = await definition.input(size);
    return Array.from({ length: count }, () => ({ input }));
  }
  if (!definition.transfer) throw new Error(`${definition.name} marks nothing to transfer (no transfer function)`);
  const sent: SentInput[] = [];
  for (let index = 0; index < count; index++) {
    const input = await definition.input(size);
    sent.push({ input, transfer: definition.transfer(input) });
  }
  return sent;
}

function prepared(task: UserTask): { definition: UserTaskDefinition; input: unknown } {
  const definition = loaded.get(task.module);
  if (!definition || (!task.sent && !inputs.has(inputKey(task))))
    throw new Error(`${task.module} at size ${task.n} was not prepared before the run`);
  return { definition, input: task.sent ? task.sent.input : inputs.get(inputKey(task)) };
}

/** 1 when the output passes the task's check; otherwise throws with what the check said. */
function checked(definition: UserTaskDefinition, output: unknown, size: number, input: unknown): number {
  return passed(definition, definition.check(output, size, input), ` at size ${size}`);
}

/** 1 for a check's `true`; otherwise throws with what the check said (`where`: " at size 3", or nothing for a unit). */
function passed(definition: UserTaskDefinition, verdict: boolean | string, where: string): number {
  if (verdict === true) return 1;
  throw new Error(`${definition.name}: the check failed${where}${typeof verdict === "string" ? `: ${verdict}` : ""}`);
}

/** The run and its check, synchronous as every CPU task is (after `prepareUserTask`). */
export function runUserTask(task: UserTask): number {
  const { definition, input } = prepared(task);
  try {
    return checked(definition, definition.run(input), task.n, input);
  } catch (error) {
    throw withPermissionHint(error);
  }
}

/** The task's form that yields to the event loop (its `runAsync`), for async tasks sharing one thread. */
export async function runUserTaskAsync(task: UserTask): Promise<number> {
  const { definition, input } = prepared(task);
  if (!definition.runAsync) throw new Error(`${definition.name} has no runAsync: it offers no form that yields`);
  try {
    return checked(definition, await definition.runAsync(input), task.n, input);
  } catch (error) {
    throw withPermissionHint(error);
  }
}

/** Loads the module where it is not yet loaded (an executor's first unit: warm-up, before the clock starts). */
export const prepareUserIoTask = (task: UserIoTask): Promise<void> | undefined =>
  loaded.has(task.module) ? undefined : loadUserTask(task.module).then(() => undefined);

/** Builds the inputs of units 0 to count - 1 (main thread, set-up). */
export async function buildUnitInputs(module: string, count: number): Promise<unknown[]> {
  const definition = await loadUserTask(module);
  return Array.from({ length: count }, (_, index) => definition.input(index));
}

/** One I/O unit and its check: 1 when the output passes, otherwise it throws with what the check said. */
export async function runUserIoTask(task: UserIoTask): Promise<number> {
  const definition = loaded.get(task.module);
  if (!definition) throw new Error(`${task.module} was not loaded before its unit ran`);
  try {
    const output = await definition.run(task.input, task.target);
    return passed(definition, definition.check(output, task.input), "");
  } catch (error) {
    throw withPermissionHint(withCause(error));
  }
}

/**
 * An error with its cause's words where it has one: Node's fetch says only "fetch failed", its cause says why
 * ("connect ECONNREFUSED 127.0.0.1:4810"), which is what a user needs to read in a failed cell.
 */
function withCause(error: unknown): unknown {
  if (!(error instanceof Error) || !(error.cause instanceof Error) || error.message.includes(error.cause.message)) return error;
  return Object.assign(new Error(`${error.message} (${error.cause.message})`), { name: error.name });
}

const GRANTABLE = ["read", "write", "net", "run"] as const;

/**
 * A permission Deno refused, said with how to grant it: 'Requires write access to "/tmp/out"' becomes that, then
 * "grant it in the task's definition: permissions: { write: ["/tmp/out"] }". Any other error is returned as it is.
 */
export function withPermissionHint(error: unknown): unknown {
  if (!(error instanceof Error) || (error.name !== "NotCapable" && error.name !== "PermissionDenied")) return error;
  const [, kind, target] = /Requires (\w+) access(?: to "([^"]*)")?/.exec(error.message) ?? [];
  const grantable = (GRANTABLE as readonly string[]).includes(kind ?? "");
  const how = grantable
    ? `grant it in the task's definition: permissions: { ${kind}: [${JSON.stringify(target ?? "...")}] }`
    : `runtime-bench grants no ${kind ?? "such"} access to a task`;
  // Deno's own advice (a flag to run it again with) is not how a task is run here: the definition's permissions are.
  const said = error.message.replace(/, run again with the --allow-\w+ flag/, "");
  return Object.assign(new Error(`the task needs a permission Deno was not given (${said}); ${how}`), { name: error.name });
}
