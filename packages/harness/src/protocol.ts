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

/**
 * A message the executor sends straight back (the primitive-cost round trips): a small object is copied by
 * structured clone; bytes are copied too, or moved both ways when `transfer` is set.
 */
export interface EchoRequest {
  id: number;
  echo: unknown;
  transfer: boolean;
}

export interface EchoReply {
  id: number;
  echo: unknown;
}

/**
 * A task's answer. `ms`: how long the task took where it ran, from its start to its answer (for a request:
 * the request's latency as its client saw it, without the wait for a free executor).
 */
export type TaskReply = { id: number; ok: true; value: number; ms?: number } | { id: number; ok: false; error: string };

/** The executor's first message: loaded, warmed up and listening. The parent times start-up up to it. */
export interface ReadyMessage {
  ready: true;
}

export type ExecutorMessage = TaskReply | ReadyMessage | EchoReply;

/** One side of a message channel, as a runtime's native primitive provides it. */
export interface Endpoint {
  onMessage(handler: (message: unknown) => void): void;
  /** `transfer`: buffers to move rather than copy, where the channel can (worker threads). */
  postMessage(message: ExecutorMessage, transfer?: ArrayBuffer[]): void;
}

/** The buffer of a byte payload, to move it rather than copy it. */
export const transferListOf = (payload: unknown): ArrayBuffer[] =>
  payload instanceof Uint8Array && payload.buffer instanceof ArrayBuffer ? [payload.buffer] : [];

/** How a stop went: whether the runtime reported the executor gone (and so the teardown could be timed). */
export type TeardownOutcome = { exitSeen: true } | { exitSeen: false; why: string };

/** A started executor (worker thread or child process) seen from the parent. */
export interface TaskPort {
  run(task: Task): Promise<TaskReply>;
  /** Sends `payload` and resolves with what comes back (see EchoRequest). */
  echo(payload: unknown, transfer: boolean): Promise<unknown>;
  /** Stops the executor; resolves once the runtime reports it gone, or at once where the runtime cannot tell. */
  close(): Promise<TeardownOutcome>;
}

/** The executor side: warm up (the same warm-up as the main thread), say so, then answer every request. */
export function serveTasks(endpoint: Endpoint, services: TaskServices): void {
  warmUp();
  const fault = injectedFault();
  endpoint.onMessage(async (message) => {
    if ((message as EchoRequest).echo !== undefined) {
      const { id, echo, transfer } = message as EchoRequest;
      endpoint.postMessage({ id, echo }, transfer ? transferListOf(echo) : []);
      return;
    }
    const { id, task } = message as TaskRequest;
    const start = performance.now();
    try {
      const value = fault ? await runWithFault(fault, () => runTask(task, services)) : await runTask(task, services);
      endpoint.postMessage({ id, ok: true, value, ms: performance.now() - start });
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
export function createExecutorChannel(send: (request: TaskRequest | EchoRequest, transfer: ArrayBuffer[]) => unknown) {
  const pending = new Map<number, (reply: TaskReply) => void>();
  const echoes = new Map<number, { resolve: (payload: unknown) => void; reject: (error: Error) => void }>();
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
  /** Sends, turning a throw or a rejection (a channel to an executor that has just died) into `fail`. */
  const trySend = (message: TaskRequest | EchoRequest, transfer: ArrayBuffer[], fail: (error: unknown) => void) => {
    try {
      const sent = send(message, transfer);
      if (sent instanceof Promise) sent.catch(fail);
    } catch (error) {
      fail(error);
    }
  };
  return {
    ready,
    request(task: Task): Promise<TaskReply> {
      const id = nextId++;
      if (gone !== null) return Promise.resolve({ id, ok: false, error: gone });
      return new Promise<TaskReply>((resolve) => {
        pending.set(id, resolve);
        // The task fails and the process goes on.
        trySend({ id, task }, [], (error) => settle(id, { id, ok: false, error: `could not send the task: ${toMessage(error)}` }));
      });
    },
    echo(payload: unknown, transfer: boolean): Promise<unknown> {
      const id = nextId++;
      if (gone !== null) return Promise.reject(new Error(gone));
      return new Promise<unknown>((resolve, reject) => {
        echoes.set(id, { resolve, reject });
        trySend({ id, echo: payload, transfer }, transfer ? transferListOf(payload) : [], (error) => {
          echoes.delete(id);
          reject(new Error(`could not send: ${toMessage(error)}`));
        });
      });
    },
    receive(message: unknown): void {
      if ((message as ReadyMessage).ready === true) {
        markReady();
        return;
      }
      const echoed = message as EchoReply;
      if (echoed.echo !== undefined) {
        echoes.get(echoed.id)?.resolve(echoed.echo);
        echoes.delete(echoed.id);
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
      for (const { reject } of echoes.values()) reject(new Error(error));
      echoes.clear();
    },
  };
}
