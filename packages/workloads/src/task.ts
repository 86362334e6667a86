/**
 * A task is a plain, serialisable description of one unit of work, so the same value can be run on the
 * main thread, posted to a worker or sent to a child process, and checked the same way wherever it ran.
 */

import { expectedJsonRoundTrip, jsonRoundTrip } from "./json-round-trip.ts";
import { assertPost, postIdChecksum } from "./posts.ts";
import { countPrimesBelow, KNOWN_PRIME_COUNTS } from "./prime-sieve.ts";
import { expectedSumOfSquares, sumOfSquares, sumOfSquaresInterleaved } from "./sum-of-squares.ts";

export type Task =
  /** The CPU-bound task: sum of i*i for i < n, modulo 2^32. */
  | { kind: "sum-of-squares"; n: number }
  /** An allocation-heavy CPU task: n records through JSON and back (json-round-trip.ts). */
  | { kind: "json-round-trip"; n: number }
  /** A memory-bound CPU task: the primes below n, by a sieve (prime-sieve.ts). */
  | { kind: "prime-sieve"; n: number }
  /** The I/O-bound task: fetch these posts one after another and validate each; returns the id checksum. */
  | { kind: "fetch-posts"; baseUrl: string; ids: number[]; timeoutMs: number; client: HttpClientKind };

/** The runtime's default HTTP client (its fetch, as a user calls it) or a tuned one, where it has one. */
export type HttpClientKind = "default" | "tuned";

/** What a task needs from the runtime it runs on. */
export interface TaskServices {
  /** GET a URL and parse its JSON body with one of the runtime's native HTTP clients; fail after `timeoutMs`. */
  fetchJson(url: string, timeoutMs: number, client: HttpClientKind): Promise<unknown>;
}

/**
 * Runs a task to completion. CPU work runs synchronously and returns its value (nothing interleaves with it);
 * I/O returns a promise. The CPU path is deliberately not an async function: JavaScriptCore ran the same loop
 * about 10% slower, and less steadily, when it was called from inside an async function (Bun 1.4 here, fresh
 * processes alternated), which would have charged a wrapper of the harness to the runtime.
 */
export function runTask(task: Task, services: TaskServices): number | Promise<number> {
  switch (task.kind) {
    case "sum-of-squares":
      return sumOfSquares(task.n);
    case "json-round-trip":
      return jsonRoundTrip(task.n);
    case "prime-sieve":
      return countPrimesBelow(task.n);
    case "fetch-posts":
      return fetchPosts(task, services);
  }
}

/**
 * Runs a task so that it shares the thread cooperatively with other tasks (CPU work yields between
 * chunks; I/O is asynchronous anyway). Used for "concurrent async tasks on one thread".
 */
// The other CPU tasks have no chunks to yield between: they run whole.
export async function runTaskInterleaved(task: Task, services: TaskServices): Promise<number> {
  if (task.kind === "sum-of-squares") return sumOfSquaresInterleaved(task.n);
  return runTask(task, services);
}

/** The value a correct run of `task` returns. */
export function expectedValue(task: Task): number {
  switch (task.kind) {
    case "sum-of-squares":
      return expectedSumOfSquares(task.n);
    case "json-round-trip":
      return expectedJsonRoundTrip(task.n);
    case "prime-sieve": {
      const known = KNOWN_PRIME_COUNTS.get(task.n);
      if (known === undefined)
        throw new RangeError(`no published prime count below ${task.n}; use one of ${[...KNOWN_PRIME_COUNTS.keys()].join(", ")}`);
      return known;
    }
    case "fetch-posts":
      return postIdChecksum(task.ids);
  }
}

/** Throws unless `value` is what a correct run of `task` returns. */
export function verifyTask(task: Task, value: unknown): asserts value is number {
  const expected = expectedValue(task);
  if (value !== expected) {
    throw new Error(`verification failed for ${describeTask(task)}: expected ${expected}, got ${String(value)}`);
  }
}

export function describeTask(task: Task): string {
  return task.kind === "fetch-posts" ? `fetch-posts(${task.ids.length} posts)` : `${task.kind}(n=${task.n})`;
}

async function fetchPosts(task: Extract<Task, { kind: "fetch-posts" }>, services: TaskServices): Promise<number> {
  for (const id of task.ids) {
    assertPost(await services.fetchJson(`${task.baseUrl}/posts/${id}`, task.timeoutMs, task.client), id);
  }
  return postIdChecksum(task.ids);
}
