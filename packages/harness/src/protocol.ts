/**
 * The message protocol between a parent and the worker or child process that runs tasks for it, and the
 * executor loop both sides share. Each runtime only supplies an Endpoint: how its native primitive sends
 * and receives one message.
 */
import { runTask, type Task, type TaskServices, warmUp } from "@runtime-bench/workloads";
import { toMessage } from "./errors.ts";
import { injectedFault, runWithFault } from "./fault-injection.ts";

export interface TaskRequest {
  id: number;
  task: Task;
}

export type TaskReply = { id: number; ok: true; value: number } | { id: number; ok: false; error: string };

/** The executor's first message: loaded, warmed up and listening. The parent times start-up up to it. */
export interface ReadyMessage {
  ready: true;
}

export type ExecutorMessage = TaskReply | ReadyMessage;

/** One side of a message channel, as a runtime's native primitive provides it. */
export interface Endpoint {
  onMessage(handler: (message: unknown) => void): void;
  postMessage(message: ExecutorMessage): void;
}

/** How a stop went: whether the runtime reported the executor gone (and so the teardown could be timed). */
export type TeardownOutcome = { exitSeen: true } | { exitSeen: false; why: string };

/** A started executor (worker thread or child process) seen from the parent. */
export interface TaskPort {
  run(task: Task): Promise<TaskReply>;
  /** Stops the executor; resolves once the runtime reports it gone, or at once where the runtime cannot tell. */
  close(): Promise<TeardownOutcome>;
}

/** The executor side: warm up (the same warm-up as the main thread), say so, then answer every request. */
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
  endpoint.postMessage({ ready: true });
}

/**
 * The parent side of one executor's channel: `ready` settles on the executor's first message (or fails if it
 * dies first), and replies are matched to requests by id, so one channel can carry several tasks. `send`
 * posts a request with the runtime's primitive; feed every incoming message to `receive`.
 */
export function createExecutorChannel(send: (request: TaskRequest) => unknown) {
  const pending = new Map<number, (reply: TaskReply) => void>();
  let nextId = 0;
  /** Why the executor is gone, once it is: a request made after that fails at once instead of waiting forever. */
  let gone: string | null = null;
  let markReady!: () => void;
  let failStart!: (error: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failStart = reject;
  });
  ready.catch(() => {}); // a caller that never waits for readiness must not see an unhandled rejection
  const settle = (id: number, reply: TaskReply) => {
    pending.get(id)?.(reply);
    pending.delete(id);
  };
  return {
    ready,
    request(task: Task): Promise<TaskReply> {
      const id = nextId++;
      if (gone !== null) return Promise.resolve({ id, ok: false, error: gone });
      return new Promise<TaskReply>((resolve) => {
        pending.set(id, resolve);
        // A channel to an executor that has just died can throw, or reject, on send: the task fails, the process goes on.
        const failSend = (error: unknown) => settle(id, { id, ok: false, error: `could not send the task: ${toMessage(error)}` });
        try {
          const sent = send({ id, task });
          if (sent instanceof Promise) sent.catch(failSend);
        } catch (error) {
          failSend(error);
        }
      });
    },
    receive(message: unknown): void {
      if ((message as ReadyMessage).ready === true) {
        markReady();
        return;
      }
      const reply = message as TaskReply;
      settle(reply.id, reply);
    },
    /** Answers every open request with an error, e.g. when the executor died (and fails a start still waiting). */
    failAll(error: string): void {
      gone ??= error;
      failStart(new Error(error));
      for (const [id, resolve] of pending) resolve({ id, ok: false, error });
      pending.clear();
    },
  };
}
