/**
 * The message protocol between a parent and the worker or child process that runs tasks for it, and the
 * executor loop both sides share. Each runtime only supplies an Endpoint: how its native primitive sends
 * and receives one message.
 */
import { runTask, warmUp, type Task, type TaskServices } from "@runtime-bench/workloads";
import { injectedFault, runWithFault } from "./fault-injection.ts";

export interface TaskRequest {
  id: number;
  task: Task;
}

export type TaskReply =
  | { id: number; ok: true; value: number }
  | { id: number; ok: false; error: string };

/** One side of a message channel, as a runtime's native primitive provides it. */
export interface Endpoint {
  onMessage(handler: (message: unknown) => void): void;
  postMessage(message: TaskReply): void;
}

/** A started executor (worker thread or child process) seen from the parent. */
export interface TaskPort {
  run(task: Task): Promise<TaskReply>;
  /** Stops the executor and resolves once it is gone. */
  close(): Promise<void>;
}

/** The executor side: warm up (the same warm-up as the main thread), then answer every request. */
export function serveTasks(endpoint: Endpoint, services: TaskServices): void {
  warmUp();
  const fault = injectedFault();
  endpoint.onMessage(async (message) => {
    const { id, task } = message as TaskRequest;
    try {
      const value = fault ? await runWithFault(fault, () => runTask(task, services)) : await runTask(task, services);
      endpoint.postMessage({ id, ok: true, value });
    } catch (error) {
      endpoint.postMessage({ id, ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
  });
}

/**
 * The parent side: matches replies to requests by id, so one channel can carry several tasks.
 * `send` posts a request with the runtime's primitive; feed every incoming message to `receive`.
 */
export function createRequestTracker(send: (request: TaskRequest) => void) {
  const pending = new Map<number, (reply: TaskReply) => void>();
  let nextId = 0;
  return {
    request(task: Task): Promise<TaskReply> {
      const id = nextId++;
      return new Promise<TaskReply>((resolve) => {
        pending.set(id, resolve);
        send({ id, task });
      });
    },
    receive(message: unknown): void {
      const reply = message as TaskReply;
      pending.get(reply.id)?.(reply);
      pending.delete(reply.id);
    },
    /** Answers every open request with an error, e.g. when the executor died. */
    failAll(error: string): void {
      for (const [id, resolve] of pending) resolve({ id, ok: false, error });
      pending.clear();
    },
  };
}
