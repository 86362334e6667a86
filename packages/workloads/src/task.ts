/**
 * A task is a plain, serialisable description of one unit of work, so the same value can be run on the
 * main thread, posted to a worker or sent to a child process, and checked the same way wherever it ran.
 */

import { checksumOfRead, expectedFileChecksum, fileContent } from "./file-round-trip.ts";
import { expectedJsonRoundTrip, jsonRoundTrip } from "./json-round-trip.ts";
import { keyChecksum, PBKDF2_KEY_BYTES, PBKDF2_PASSWORD, PBKDF2_SALT, pbkdf2Sha256 } from "./pbkdf2.ts";
import { assertPost, postIdChecksum } from "./posts.ts";
import { countPrimesBelow, KNOWN_PRIME_COUNTS } from "./prime-sieve.ts";
import { expectedSumOfSquares, sumOfSquares, sumOfSquaresInterleaved } from "./sum-of-squares.ts";

/**
 * The CPU work a task can do, each verified exactly: a tight integer loop, an allocation-heavy and a memory-bound
 * task, and key derivation, either by the runtime's native asynchronous API (which may run on a thread pool: the
 * lesson's "C code that releases the lock") or in plain JavaScript on the thread that runs it.
 */
export const CPU_WORKLOADS = ["sum-of-squares", "json-round-trip", "prime-sieve", "pbkdf2-native", "pbkdf2-javascript"] as const;
export type CpuWorkload = (typeof CPU_WORKLOADS)[number];

/** How the report names each workload. */
export const WORKLOAD_TITLES: Readonly<Record<CpuWorkload, string>> = {
  "sum-of-squares": "sum of squares (a tight integer loop)",
  "json-round-trip": "JSON round trip (allocation-heavy)",
  "prime-sieve": "prime sieve (memory-bound)",
  "pbkdf2-native": "PBKDF2-SHA-256 key derivation by the runtime's native async API",
  "pbkdf2-javascript": "PBKDF2-SHA-256 key derivation in plain JavaScript",
};

/** Workloads whose work the runtime can run off the calling thread (its native async API, on a thread pool). */
export const runsOffThread = (workload: CpuWorkload): boolean => workload === "pbkdf2-native";

/** The plain-JavaScript equivalent of a native workload: the same work, computed on the calling thread. */
export const JAVASCRIPT_EQUIVALENT: Partial<Record<CpuWorkload, CpuWorkload>> = { "pbkdf2-native": "pbkdf2-javascript" };

export type Task =
  /** CPU work of size n: sum-of-squares.ts, json-round-trip.ts, prime-sieve.ts, pbkdf2.ts (n = iterations). */
  | { kind: CpuWorkload; n: number }
  /**
   * The I/O-bound task: fetch these posts one after another and validate each; returns the id checksum. With
   * `latencyMs`, each request asks the mock API to answer after that long (a real API is asked nothing).
   */
  | { kind: "fetch-posts"; baseUrl: string; ids: number[]; timeoutMs: number; client: HttpClientId; latencyMs?: number }
  /**
   * The file task: write `bytes` bytes to `path` and read them back, with the runtime's asynchronous file API or
   * its synchronous one (which blocks the thread that calls it). Returns the checksum of what was read.
   */
  | { kind: "file-round-trip"; path: string; bytes: number; api: FileApi }
  /**
   * The other side of a SharedArrayBuffer + Atomics hand-off (a primitive cost, not a workload): `rounds` times,
   * wait for the parent's odd number in the buffer's first slot, answer with the next even one. Returns the rounds.
   */
  | { kind: "atomics-hand-off"; buffer: SharedArrayBuffer; rounds: number };

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
    case "pbkdf2-native":
      return services.pbkdf2(PBKDF2_PASSWORD, PBKDF2_SALT, task.n, PBKDF2_KEY_BYTES).then(keyChecksum);
    case "pbkdf2-javascript":
      return keyChecksum(pbkdf2Sha256(PBKDF2_PASSWORD, PBKDF2_SALT, task.n));
    case "fetch-posts":
      return fetchPosts(task, services);
    case "file-round-trip":
      return task.api === "sync" ? fileRoundTripSync(task, services.files) : fileRoundTrip(task, services.files);
    case "atomics-hand-off":
      return answerHandOffs(task.buffer, task.rounds);
  }
}

type FileTask = Extract<Task, { kind: "file-round-trip" }>;

function fileRoundTripSync(task: FileTask, files: FileServices): number {
  files.writeSync(task.path, fileContent(task.bytes));
  return checksumOfRead(files.readSync(task.path), task.bytes, task.path);
}

async function fileRoundTrip(task: FileTask, files: FileServices): Promise<number> {
  await files.write(task.path, fileContent(task.bytes));
  return checksumOfRead(await files.read(task.path), task.bytes, task.path);
}

function answerHandOffs(buffer: SharedArrayBuffer, rounds: number): number {
  const slot = new Int32Array(buffer);
  for (let round = 0; round < rounds; round++) {
    // Until the parent has written 2 * round + 1 (at once if it has): a wait can return early, so it is asked again.
    while (Atomics.load(slot, 0) === 2 * round) Atomics.wait(slot, 0, 2 * round);
    Atomics.store(slot, 0, 2 * round + 2);
    Atomics.notify(slot, 0);
  }
  return rounds;
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
    case "pbkdf2-native":
    case "pbkdf2-javascript":
      return expectedKeyChecksum(task.n);
    case "prime-sieve": {
      const known = KNOWN_PRIME_COUNTS.get(task.n);
      if (known === undefined)
        throw new RangeError(`no published prime count below ${task.n}; use one of ${[...KNOWN_PRIME_COUNTS.keys()].join(", ")}`);
      return known;
    }
    case "fetch-posts":
      return postIdChecksum(task.ids);
    case "file-round-trip":
      return expectedFileChecksum(task.bytes);
    case "atomics-hand-off":
      return task.rounds;
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
  if (task.kind === "fetch-posts") return `fetch-posts(${task.ids.length} posts)`;
  if (task.kind === "atomics-hand-off") return `atomics-hand-off(${task.rounds} rounds)`;
  if (task.kind === "file-round-trip") return `file-round-trip(${task.bytes} bytes, ${task.api} API)`;
  return `${task.kind}(n=${task.n})`;
}

async function fetchPosts(task: Extract<Task, { kind: "fetch-posts" }>, services: TaskServices): Promise<number> {
  for (const id of task.ids) {
    const url = `${task.baseUrl}/posts/${id}${task.latencyMs === undefined ? "" : `?latency=${task.latencyMs}`}`;
    assertPost(await services.fetchJson(url, task.timeoutMs, task.client), id);
  }
  return postIdChecksum(task.ids);
}

/** Every key-derivation task of n iterations has one right answer, from the plain JavaScript reference (once per n). */
const keyChecksums = new Map<number, number>();
function expectedKeyChecksum(iterations: number): number {
  let checksum = keyChecksums.get(iterations);
  if (checksum === undefined) {
    checksum = keyChecksum(pbkdf2Sha256(PBKDF2_PASSWORD, PBKDF2_SALT, iterations));
    keyChecksums.set(iterations, checksum);
  }
  return checksum;
}
