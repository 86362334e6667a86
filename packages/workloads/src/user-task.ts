/**
 * A task a user wrote (packages/task's TaskDefinition), run like the built-in workloads. Each executor loads the
 * module itself and builds its own input before the clock starts (`prepareUserTask`), so no model is charged for
 * building or copying the input; `runUserTask` then runs the task and its check.
 */

/** The parts of a TaskDefinition the executors call (the full, documented type is in packages/task). */
export interface UserTaskDefinition {
  name: string;
  sizes: Record<string, number>;
  input(size: number): unknown;
  run(input: unknown): unknown;
  runAsync?(input: unknown): Promise<unknown>;
  check(output: unknown, size: number, input: unknown): boolean | string;
  permissions?: { read?: string[]; write?: string[]; net?: string[]; run?: string[] };
}

/**
 * One task of a user's module: `module` is the module's file URL, `n` the size handed to its `input`. With `sent`,
 * the input came with the task (built once by the sender and copied to this executor: --send-input).
 */
export type UserTask = { kind: "user-task"; module: string; n: number; sent?: { input: unknown } };

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

/** The input for a task's size, built here, to send with every task (--send-input). */
export async function buildUserTaskInput(module: string, size: number): Promise<unknown> {
  return (await loadUserTask(module)).input(size);
}

function prepared(task: UserTask): { definition: UserTaskDefinition; input: unknown } {
  const definition = loaded.get(task.module);
  if (!definition || (!task.sent && !inputs.has(inputKey(task))))
    throw new Error(`${task.module} at size ${task.n} was not prepared before the run`);
  return { definition, input: task.sent ? task.sent.input : inputs.get(inputKey(task)) };
}

/** 1 when the output passes the task's check; otherwise throws with what the check said. */
function checked(definition: UserTaskDefinition, output: unknown, size: number, input: unknown): number {
  const verdict = definition.check(output, size, input);
  if (verdict === true) return 1;
  throw new Error(`${definition.name}: the check failed at size ${size}${typeof verdict === "string" ? `: ${verdict}` : ""}`);
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
