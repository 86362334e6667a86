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
 *   process, the main thread) loads the module and builds its own input.
 */
export interface TaskDefinition<Input = unknown, Output = unknown> {
  /** Names the task in progress lines, errors and the report; also the default output folder's name. */
  name: string;
  /**
   * The sizes to measure, by label: each a positive integer handed to `input` (a count of items, a length in
   * bytes, ...). The report answers "from what size does a model pay off" in this order, smallest first.
   */
  sizes: Record<string, number>;
  /**
   * Builds the input for a size. Called inside each executor before the clock starts, the same in every model, so
   * no model is charged for building or copying it.
   */
  input(size: number): Input | Promise<Input>;
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
