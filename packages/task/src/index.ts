/**
 * Measure your own task the way the suite measures the sum of squares: through every CPU model (sequential, async
 * tasks on one thread, a fresh worker per task, a warmed worker pool, a warmed process pool, a fresh process per
 * task) on Node, Bun and Deno, at each of your sizes, in interleaved rounds, with intervals and verdicts.
 *
 * A task module exports one definition, as its default export (or as `task`):
 *
 * ```ts
 * import type { TaskDefinition } from "@runtime-bench/task"; // types only: erased before any runtime runs it
 *
 * const task: TaskDefinition<number[], number> = {
 *   name: "sort-numbers",
 *   sizes: { small: 10_000, large: 1_000_000 },
 *   input: (size) => Array.from({ length: size }, (_, i) => (i * 7919) % size),
 *   run: (numbers) => numbers.toSorted((a, b) => a - b).length,
 *   check: (length, size) => length === size || `sorted ${length} numbers, expected ${size}`,
 * };
 * export default task;
 * ```
 *
 * Rules a task module follows, because it is loaded as it is by three runtimes and their workers and child
 * processes, with no build step:
 * - TypeScript that every runtime runs by erasing types (Node strips them; it does not compile `enum`,
 *   `namespace` or parameter properties), or plain JavaScript.
 * - From runtime-bench it imports types only (`import type`), so it never loads the harness; its own npm
 *   dependencies are resolved from its own folder, in every executor.
 * - `input`, `run` and `check` must not depend on state shared between calls: each executor (a worker, a child
 *   process, the main thread) loads the module itself; the input it runs on comes from the main thread.
 */
export interface TaskDefinition<Input = unknown, Output = unknown> {
  /** CPU-bound work (the default); `"io"` is the other kind of task: IoTaskDefinition. */
  kind?: "cpu";
  /** Names the task in progress lines, errors and the report; also the default output folder's name. */
  name: string;
  /**
   * The sizes to measure, by label: each a positive integer handed to `input` (a count of items, a length in
   * bytes, ...). The report answers "from what size does a model pay off" in this order, smallest first.
   */
  sizes: Record<string, number>;
  /**
   * Builds the input for a size, as your application would hold it: once per cell, on the main thread, before the
   * clock starts, so no model is charged for building it. A model that hands tasks to a worker or a child process is
   * charged for sending it there (the copy through the runtime's channel, on the clock), as an application is; so the
   * input must survive that channel (structured clone to workers; the runtime's serialisation to child processes).
   */
  input(size: number): Input | Promise<Input>;
  /**
   * The buffers of an input that can be moved to a worker thread instead of copied (e.g. `[input.buffer]` for a
   * Uint8Array the main thread no longer needs). With it, the worker models are also measured with the input moved,
   * beside the copy, so the report shows what a zero-copy hand-off gains; each task then gets an input of its own,
   * built before the clock starts. Shared memory (a SharedArrayBuffer) is never copied and needs no mark.
   */
  transfer?(input: Input): ArrayBuffer[];
  /** The work, measured: one call per task, on the input `input` built. Synchronous, as CPU-bound work is. */
  run(input: Input): Output;
  /**
   * The same work in a form that yields to the event loop now and then (for the model "concurrent async tasks on
   * one thread"). Without it that model is n/a for the task, with this reason.
   */
  runAsync?(input: Input): Promise<Output>;
  /**
   * Whether a run's output is right for its size: `true`, or `false` or a sentence saying what is wrong. A run that
   * fails its check fails its cell. It runs after every run, on the clock in every model alike: keep it cheap, and
   * work out an expected answer in `input` (off the clock) where the check needs one.
   */
  check(output: Output, size: number, input: Input): boolean | string;
  /**
   * What the task needs beyond what libraries ordinarily do when they load. Every runtime lets a task read environment
   * variables and the files of its own package (its folder and the node_modules above it); where Deno asks, grant the
   * rest here: `read` and `write` (paths, absolute or from the task module's folder), `net` (hosts, "host:port"),
   * `run` (programs). Deno is given exactly these, and the report lists them; Node and Bun need no telling.
   */
  permissions?: { read?: string[]; write?: string[]; net?: string[]; run?: string[] };
}

/**
 * One unit of I/O-bound work, measured the way the suite measures its API calls: N units one after another (the
 * baseline), concurrently on the main thread with C in flight, and spread over W worker threads with C in flight in
 * all, at each of your in-flight levels, on Node, Bun and Deno, in interleaved rounds, with intervals and verdicts.
 *
 * ```ts
 * import type { IoTaskDefinition } from "@runtime-bench/task";
 *
 * const task: IoTaskDefinition<number, { id: number }> = {
 *   kind: "io",
 *   name: "fetch-posts",
 *   target: { mockApi: { latencyMs: 20 } }, // or { url: "postgres://localhost:5432/db", latencyMs: 1 }
 *   inFlight: { "10 at once": 10, "50 at once": 50 },
 *   input: (index) => index + 1,
 *   run: async (id, target) => (await fetch(`${target}/posts/${id}`)).json(),
 *   check: (post, id) => post.id === id || `asked for post ${id}, got ${post.id}`,
 * };
 * export default task;
 * ```
 *
 * The same rules as a CPU task's module apply (types erased, `import type` only from runtime-bench). A client your
 * unit needs (a connection pool, a driver) is made once per executor, e.g. on first use at module level: every model
 * runs warm-up units before the clock starts, so connections are open and code is compiled when it is timed.
 */
export interface IoTaskDefinition<Input = unknown, Output = unknown> {
  kind: "io";
  /** Names the task in progress lines, errors and the report; also the default output folder's name. */
  name: string;
  /**
   * What the units talk to. `mockApi`: the harness's mock API, answering each request after `latencyMs` (a JSON post
   * at `${target}/posts/<id>`, id from 1). `url`: a service of yours (a URL or connection string, handed to `run` as
   * it is; you start it); `latencyMs`, if you know it, lets the report say how close each model came to the ideal.
   */
  target: { mockApi: { latencyMs: number } } | { url: string; latencyMs?: number };
  /** Units per run (N), the same at every level so the models are compared on the same work (default 100). */
  units?: number;
  /**
   * The in-flight levels C to measure, by label (default: 10 and 50 in flight), each at most `units`. The report
   * answers "which model pays off at which level" in this order, smallest first.
   */
  inFlight?: Record<string, number>;
  /** Worker thread counts W for the model that spreads the units over workers (default 1, 2 and 4; each at most C). */
  workers?: number[];
  /**
   * The input of unit `index` (0 to N - 1): built on the main thread before the clock starts, and sent to the worker
   * that runs the unit where the model uses workers (so it must be structured-cloneable: plain data).
   */
  input(index: number): Input;
  /** The unit, measured: an async call that waits (a request, a query, a file read) on `target` (see `target`). */
  run(input: Input, target: string): Promise<Output>;
  /** Whether a unit's output is right: `true`, or `false` or a sentence saying what is wrong. Runs on the clock. */
  check(output: Output, input: Input): boolean | string;
  /** As a CPU task's `permissions`; reaching the target needs no grant. */
  permissions?: { read?: string[]; write?: string[]; net?: string[]; run?: string[] };
}
