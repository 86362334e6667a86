/**
 * A task is a plain, serialisable description of one unit of work, so the same value can be run on the
 * main thread, posted to a worker or sent to a child process, and checked the same way wherever it ran.
 */

import { TASK_REGISTRY, type TaskKind } from "./registry.ts";
import type { SentInput, UserIoTask } from "./user-task.ts";

/**
 * The CPU work a task can do, each verified exactly: a tight integer loop, an allocation-heavy and a memory-bound
 * task, and key derivation, either by the runtime's native asynchronous API (which may run on a thread pool: the
 * lesson's "C code that releases the lock") or in plain JavaScript on the thread that runs it.
 */
export const CPU_WORKLOADS = [
  "sum-of-squares",
  "json-round-trip",
  "prime-sieve",
  "pbkdf2-native",
  "pbkdf2-javascript",
  "user-task",
] as const;
export type CpuWorkload = (typeof CPU_WORKLOADS)[number];

/**
 * CPU work of size n: sum-of-squares.ts, json-round-trip.ts, prime-sieve.ts, pbkdf2.ts (n = iterations), user-task.ts.
 * `module`: for a user's task (workload "user-task"), the file URL of its module; `sent`: its input, when it is sent
 * with the task rather than built by the executor (user-task.ts).
 */
export type CpuTask = { kind: CpuWorkload; n: number; module?: string; sent?: SentInput };

/** The buffers a task's message moves to its executor rather than copies (a user's input marked for transfer). */
export const taskTransferList = (task: Task): ArrayBuffer[] => ("sent" in task && task.sent?.transfer) || [];

export type Task =
  | CpuTask
  /**
   * The I/O-bound task: fetch these posts one after another and validate each; returns the id checksum. With
   * `latencyMs`, each request asks the mock API to answer after that long (a real API is asked nothing).
   */
  | FetchPostsTask
  /**
   * The file task: write `bytes` bytes to `path` and read them back, with the runtime's asynchronous file API or
   * its synchronous one (which blocks the thread that calls it). Returns the checksum of what was read.
   */
  | FileTask
  /**
   * The other side of a SharedArrayBuffer + Atomics hand-off (a primitive cost, not a workload): `rounds` times,
   * wait for the parent's odd number in the buffer's first slot, answer with the next even one. Returns the rounds.
   */
  | AtomicsHandOffTask
  /** One unit of a user's I/O-bound task (--task with an IoTaskDefinition): user-task.ts. */
  | UserIoTask;

export type FetchPostsTask = {
  kind: "fetch-posts";
  baseUrl: string;
  ids: number[];
  timeoutMs: number;
  client: HttpClientId;
  latencyMs?: number;
};
export type FileTask = { kind: "file-round-trip"; path: string; bytes: number; api: FileApi };
export type AtomicsHandOffTask = { kind: "atomics-hand-off"; buffer: SharedArrayBuffer; rounds: number };

/**
 * Which HTTP client a request goes through: the runtime's fetch with its defaults, as its users call it (every
 * headline and sweep cell); its fetch with explicit settings; undici's request API; or the node:http module.
 * A runtime that has no such client here answers n/a with the reason.
 */
export const HTTP_CLIENTS = ["default", "fetch-configured", "undici-request", "node-http"] as const;
export type HttpClientId = (typeof HTTP_CLIENTS)[number];

export type FileApi = "async" | "sync";

/** The runtime's own file API: asynchronous (a promise) and synchronous (blocks the calling thread). */
export interface FileServices {
  write(path: string, data: Uint8Array): Promise<void>;
  read(path: string): Promise<Uint8Array>;
  writeSync(path: string, data: Uint8Array): void;
  readSync(path: string): Uint8Array;
}

/** What a task needs from the runtime it runs on. */
export interface TaskServices {
  files: FileServices;
  /** GET a URL and parse its JSON body with one of the runtime's native HTTP clients; fail after `timeoutMs`. */
  fetchJson(url: string, timeoutMs: number, client: HttpClientId): Promise<unknown>;
  /** PBKDF2-HMAC-SHA-256 by the runtime's native asynchronous API: the first `keyBytes` bytes of the key. */
  pbkdf2(password: Uint8Array, salt: Uint8Array, iterations: number, keyBytes: number): Promise<Uint8Array>;
}

/** The registry's entry for a task's kind (one lookup: the registry is typed kind by kind, a task is any kind). */
const entryOf = (task: Task) => TASK_REGISTRY[task.kind] as TaskKind<Task>;

/**
 * What a task needs before the clock starts, in the executor that will run it: a user's task loads its module and
 * builds its input (once per executor and size). Nothing for the built-in workloads.
 */
export function prepareTask(task: Task): Promise<void> | undefined {
  // undefined, not a resolved promise, where there is nothing (more) to do: awaiting nothing would still cost a tick.
  return entryOf(task).prepare?.(task);
}

/**
 * Runs a task to completion. CPU work runs synchronously and returns its value (nothing interleaves with it);
 * I/O returns a promise. The CPU path is deliberately not an async function: JavaScriptCore ran the same loop
 * about 10% slower, and less steadily, when it was called from inside an async function (Bun 1.4 here, fresh
 * processes alternated), which would have charged a wrapper of the harness to the runtime.
 */
export function runTask(task: Task, services: TaskServices): number | Promise<number> {
  return entryOf(task).run(task, services);
}

/**
 * Runs a task so that it shares the thread cooperatively with other tasks (CPU work yields between chunks where its
 * entry can; I/O is asynchronous anyway). Used for "concurrent async tasks on one thread".
 */
export async function runTaskInterleaved(task: Task, services: TaskServices): Promise<number> {
  const entry = entryOf(task);
  return entry.interleaved ? entry.interleaved(task) : entry.run(task, services);
}

/** The value a correct run of `task` returns. */
export function expectedValue(task: Task): number {
  return entryOf(task).expected(task);
}

/** Throws unless `value` is what a correct run of `task` returns. */
export function verifyTask(task: Task, value: unknown): asserts value is number {
  const expected = expectedValue(task);
  if (value !== expected) {
    throw new Error(`verification failed for ${describeTask(task)}: expected ${expected}, got ${String(value)}`);
  }
}

export function describeTask(task: Task): string {
  return entryOf(task).describe(task);
}
