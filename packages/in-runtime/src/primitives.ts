/**
 * The port every runtime app implements with its own native APIs and nothing more. Scenarios are written
 * once, against this interface (ports and adapters).
 */

import type { RuntimeEntry, RuntimeName } from "@runtime-bench/model/runtimes";
import type { TaskPermissions } from "@runtime-bench/model/scenarios/params";
import type { HttpClientId, TaskServices } from "@runtime-bench/workloads";
import type { TaskPort } from "./protocol.ts";

export interface RuntimeDescription {
  runtime: RuntimeName;
  version: string;
  engine: RuntimeEntry["engine"];
  engineVersion: string;
  /** What the runtime itself reports as usable parallelism. */
  reportedParallelism: number;
  execArgv: string[];
  /** Environment variables that change how the runtime schedules work or I/O. */
  relevantEnv: Record<string, string>;
}

/** A warmed pool of workers. */
export interface WorkerPool {
  run: TaskPort["run"];
  close(): Promise<void>;
  /** Which pool this is ("piscina 5.3.2", "native") and, where the preferred one failed, why. */
  implementation: string;
  notes: string[];
}

export interface HttpClientDescription {
  /** e.g. "fetch (undici)", "Bun fetch", "Deno fetch", "undici.request". */
  name: string;
  /** "default" when the runtime's defaults are used unchanged, "configured" when settings were set. */
  configuration: "default" | "configured";
  /** With "default": facts about the defaults; with "configured": every setting that differs from them. */
  settings: Record<string, string | number | boolean>;
}

/** The runtime's clients by id: its default fetch always, the others where it has them (HTTP_CLIENTS). */
export type HttpClients = { default: HttpClientDescription } & Partial<Record<Exclude<HttpClientId, "default">, HttpClientDescription>>;

export interface RuntimePrimitives extends TaskServices {
  describe(): RuntimeDescription;
  /** A fresh worker thread running the task loop; resolves once it has said it is ready. */
  startWorker(): Promise<TaskPort>;
  /** A fresh child process of the same runtime running the task loop; resolves once it has said it is ready. */
  startChildProcess(): Promise<TaskPort>;
  /** A pool of `size` workers, started and warmed before it resolves. */
  createWorkerPool(size: number): Promise<WorkerPool>;
  /**
   * The native API behind each primitive, as the report names it (e.g. "worker_threads.Worker"), and where the
   * runtime runs native key derivation (its offload path).
   */
  labels: { worker: string; childProcess: string; nativeOffload: string; files: { async: string; sync: string } };
  /**
   * How a message to a child process is serialised: JSON (Deno's stdio lines) carries plain data only; absent where
   * the channel clones structurally (Node's and Bun's IPC: typed arrays, Maps and Dates arrive intact).
   */
  childMessages?: "json";
  /**
   * The HTTP clients behind fetchJson: `default` is the runtime's own fetch as a user would call it (the
   * headline and sweep I/O cells); the others, where a runtime has them, are labelled variants shown apart.
   */
  httpClients: HttpClients;
  /**
   * Gives the executors this process starts what a user's task may do (--task: read its package, and its definition's
   * `permissions`), where a runtime's child processes get their permissions one by one (Deno); absent where they
   * inherit them.
   */
  grantTask?(task: { folder: string; permissions?: TaskPermissions }): void;
}

/** The subset of `names` that is set in the environment, for RuntimeDescription.relevantEnv. */
export function pickEnv(names: string[]): Record<string, string> {
  return Object.fromEntries(names.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]!]])));
}
