/**
 * One entry per kind of task: how it runs, the value a correct run returns, and how a message names it; for the CPU
 * workloads also the report's title, the sizes a suite may give it and how it relates to the others. `runTask`,
 * `expectedValue` and the suite's size checks read these entries, so a new workload is one entry here.
 */
import { answerHandOffs } from "./atomics-hand-off.ts";
import { expectedFileChecksum, fileRoundTrip, fileRoundTripSync } from "./file-round-trip.ts";
import { expectedJsonRoundTrip, jsonRoundTrip } from "./json-round-trip.ts";
import { expectedKeyChecksum, keyChecksum, PBKDF2_KEY_BYTES, PBKDF2_PASSWORD, PBKDF2_SALT, pbkdf2Sha256 } from "./pbkdf2.ts";
import { fetchPosts, postIdChecksum } from "./posts.ts";
import { countPrimesBelow, KNOWN_PRIME_COUNTS } from "./prime-sieve.ts";
import { expectedSumOfSquares, MAX_TASK_SIZE, sumOfSquares, sumOfSquaresInterleaved } from "./sum-of-squares.ts";
import type { AtomicsHandOffTask, CpuTask, CpuWorkload, FetchPostsTask, FileTask, Task, TaskServices } from "./task.ts";
import {
  prepareUserIoTask,
  prepareUserTask,
  runUserIoTask,
  runUserTask,
  runUserTaskAsync,
  type UserIoTask,
  type UserTask,
} from "./user-task.ts";

export interface TaskKind<T extends Task> {
  /** What the executor does before the clock starts (see prepareTask): undefined when there is nothing (more) to do. */
  prepare?(task: T): Promise<void> | undefined;
  /** Runs the task: CPU work synchronously (see runTask), I/O as a promise. */
  run(task: T, services: TaskServices): number | Promise<number>;
  /** The same work sharing the thread with other tasks (yielding between chunks), where it has chunks to yield between. */
  interleaved?(task: T): Promise<number>;
  /** The value a correct run returns. */
  expected(task: T): number;
  /** How a message names the task. */
  describe(task: T): string;
}

/** The sizes a suite may give a workload: up to a most, or only those listed (e.g. those with a published answer). */
export type SizeLimit = { max: number } | { oneOf: readonly number[]; description: string };

export interface CpuWorkloadEntry extends TaskKind<CpuTask> {
  /** How the report names it. */
  title: string;
  size: SizeLimit;
  /** The runtime can run its work off the calling thread (its native async API, on a thread pool). */
  runsOffThread?: true;
  /** A native workload's plain-JavaScript equivalent: the same work, computed on the calling thread. */
  javascriptEquivalent?: CpuWorkload;
  /** A user's own task (`--task`): never named in a suite, its module comes with each task. */
  fromModule?: true;
}

function asUserTask(task: CpuTask): UserTask {
  if (!task.module) throw new Error(`a user-task needs its module (n=${task.n})`);
  return { kind: "user-task", module: task.module, n: task.n, ...(task.sent ? { sent: task.sent } : {}) };
}

const describeCpuTask = (task: CpuTask) => `${task.kind}(n=${task.n})`;
/** Sizes most workloads accept: past ten million a task takes minutes, which is a mistake in the suite. */
const TEN_MILLION = { max: 10_000_000 };

function expectedPrimeCount(n: number): number {
  const known = KNOWN_PRIME_COUNTS.get(n);
  if (known === undefined)
    throw new RangeError(`no published prime count below ${n}; use one of ${[...KNOWN_PRIME_COUNTS.keys()].join(", ")}`);
  return known;
}

/**
 * The CPU work a task can do, each verified exactly: a tight integer loop, an allocation-heavy and a memory-bound
 * task, and key derivation, either by the runtime's native asynchronous API (which may run on a thread pool: the
 * lesson's "C code that releases the lock") or in plain JavaScript on the thread that runs it.
 */
export const CPU_WORKLOAD_REGISTRY: { readonly [W in CpuWorkload]: CpuWorkloadEntry } = {
  "sum-of-squares": {
    title: "sum of squares (a tight integer loop)",
    size: { max: MAX_TASK_SIZE },
    run: (task) => sumOfSquares(task.n),
    interleaved: (task) => sumOfSquaresInterleaved(task.n),
    expected: (task) => expectedSumOfSquares(task.n),
    describe: describeCpuTask,
  },
  "json-round-trip": {
    title: "JSON round trip (allocation-heavy)",
    size: TEN_MILLION,
    run: (task) => jsonRoundTrip(task.n),
    expected: (task) => expectedJsonRoundTrip(task.n),
    describe: describeCpuTask,
  },
  "prime-sieve": {
    title: "prime sieve (memory-bound)",
    size: { oneOf: [...KNOWN_PRIME_COUNTS.keys()], description: "a size with a published prime count" },
    run: (task) => countPrimesBelow(task.n),
    expected: (task) => expectedPrimeCount(task.n),
    describe: describeCpuTask,
  },
  "pbkdf2-native": {
    title: "PBKDF2-SHA-256 key derivation by the runtime's native async API",
    size: TEN_MILLION,
    runsOffThread: true,
    javascriptEquivalent: "pbkdf2-javascript",
    run: (task, services) => services.pbkdf2(PBKDF2_PASSWORD, PBKDF2_SALT, task.n, PBKDF2_KEY_BYTES).then(keyChecksum),
    expected: (task) => expectedKeyChecksum(task.n),
    describe: describeCpuTask,
  },
  "pbkdf2-javascript": {
    title: "PBKDF2-SHA-256 key derivation in plain JavaScript",
    size: TEN_MILLION,
    run: (task) => keyChecksum(pbkdf2Sha256(PBKDF2_PASSWORD, PBKDF2_SALT, task.n)),
    expected: (task) => expectedKeyChecksum(task.n),
    describe: describeCpuTask,
  },
  "user-task": {
    title: "your task",
    size: { max: 2 ** 31 - 1 },
    fromModule: true,
    prepare: (task) => prepareUserTask(asUserTask(task)),
    run: (task) => runUserTask(asUserTask(task)),
    interleaved: (task) => runUserTaskAsync(asUserTask(task)),
    expected: () => 1,
    describe: (task) => `${task.module?.split("/").pop() ?? "a task module"}(n=${task.n})`,
  },
};

type TaskOfKind<K extends Task["kind"]> = K extends CpuWorkload ? CpuTask : Extract<Task, { kind: K }>;

/** Every kind of task: the CPU workloads, the I/O task, the file task, the primitive costs' hand-off and a user's I/O unit. */
export const TASK_REGISTRY: { readonly [K in Task["kind"]]: TaskKind<TaskOfKind<K>> } = {
  ...CPU_WORKLOAD_REGISTRY,
  "fetch-posts": {
    run: fetchPosts,
    expected: (task: FetchPostsTask) => postIdChecksum(task.ids),
    describe: (task: FetchPostsTask) => `fetch-posts(${task.ids.length} posts)`,
  },
  "file-round-trip": {
    run: (task: FileTask, services) =>
      task.api === "sync" ? fileRoundTripSync(task, services.files) : fileRoundTrip(task, services.files),
    expected: (task: FileTask) => expectedFileChecksum(task.bytes),
    describe: (task: FileTask) => `file-round-trip(${task.bytes} bytes, ${task.api} API)`,
  },
  "atomics-hand-off": {
    run: (task: AtomicsHandOffTask) => answerHandOffs(task.buffer, task.rounds),
    expected: (task: AtomicsHandOffTask) => task.rounds,
    describe: (task: AtomicsHandOffTask) => `atomics-hand-off(${task.rounds} rounds)`,
  },
  "user-io-task": {
    prepare: prepareUserIoTask,
    run: runUserIoTask,
    expected: () => 1,
    describe: (task: UserIoTask) => `${task.module.split("/").pop() ?? "a task module"}(unit ${JSON.stringify(task.input)?.slice(0, 40)})`,
  },
};

const workloads = Object.entries(CPU_WORKLOAD_REGISTRY) as Array<[CpuWorkload, CpuWorkloadEntry]>;
const byWorkload = <V>(pick: (entry: CpuWorkloadEntry) => V | undefined): Partial<Record<CpuWorkload, V>> =>
  Object.fromEntries(workloads.flatMap(([workload, entry]) => (pick(entry) === undefined ? [] : [[workload, pick(entry)]])));

/** How the report names each workload. */
export const WORKLOAD_TITLES = byWorkload((entry) => entry.title) as Readonly<Record<CpuWorkload, string>>;
/** The sizes a suite may give each workload. */
export const WORKLOAD_SIZE_LIMITS = byWorkload((entry) => entry.size) as Readonly<Record<CpuWorkload, SizeLimit>>;
/** The plain-JavaScript equivalent of a native workload: the same work, computed on the calling thread. */
export const JAVASCRIPT_EQUIVALENT: Readonly<Partial<Record<CpuWorkload, CpuWorkload>>> = byWorkload((entry) => entry.javascriptEquivalent);
/** Workloads whose work the runtime can run off the calling thread (its native async API, on a thread pool). */
export const runsOffThread = (workload: CpuWorkload): boolean => CPU_WORKLOAD_REGISTRY[workload].runsOffThread === true;
