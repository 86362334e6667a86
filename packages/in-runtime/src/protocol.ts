/**
 * The message protocol between a parent and the worker or child process that runs tasks for it, and the
 * executor loop both sides share. Each runtime only supplies an Endpoint: how its native primitive sends
 * and receives one message.
 */

import { toMessage } from "@runtime-bench/model/errors";
import { type InjectedFault, injectedFault, runWithFault } from "@runtime-bench/model/fault-injection";
import { prepareTask, runTask, type Task, type TaskServices, taskTransferList, warmUp } from "@runtime-bench/workloads";

/**
 * Every message carries its `type`, so each side tells them apart by one field (a discriminated union) rather
 * than by which fields a message happens to have. These messages travel inside the timed window, so they are
 * typed but never validated at run time: a schema check there would add its cost to every task of the models
 * that exchange messages and none to those that do not. (What crosses between the launcher and a measurement
 * process, outside the window, is validated: measurement-protocol.ts.)
 */
export interface TaskRequest {
  type: "task";
  id: number;
  task: Task;
}

/**
 * A message the executor sends straight back (the primitive-cost round trips): a small object is copied by
 * structured clone; bytes are copied too, or moved both ways when `transfer` is set.
 */
export interface EchoRequest {
  type: "echo";
  id: number;
  echo: unknown;
  transfer: boolean;
}

/** What the parent sends an executor. */
export type ParentMessage = TaskRequest | EchoRequest;

export interface EchoReply {
  type: "echo-reply";
  id: number;
  echo: unknown;
}

/**
 * A task's answer. `ms`: how long the task took where it ran, from its start to its answer (for a request:
 * the request's latency as its client saw it, without the wait for a free executor). The models pass replies
 * around in-process too; only on a channel does one carry its tag (TaskReplyMessage).
 */
export type TaskReply = { id: number; ok: true; value: number; ms?: number } | { id: number; ok: false; error: string };

export type TaskReplyMessage = { type: "task-reply" } & TaskReply;

/** The executor's first message: loaded, warmed up and listening. The parent times start-up up to it. */
export interface ReadyMessage {
  type: "ready";
}

/** What an executor sends its parent. */
export type ExecutorMessage = TaskReplyMessage | ReadyMessage | EchoReply;

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

/** Runs a task, misbehaving as the tests' fault hook says where it is set: every executor loop and piscina's task file. */
export const runTaskWithHook = (task: Task, services: TaskServices, fault: InjectedFault | null): number | Promise<number> =>
  fault ? runWithFault(fault, () => runTask(task, services)) : runTask(task, services);

/** The executor side: warm up (the same warm-up as the main thread), say so, then answer every request. */
export function serveTasks(endpoint: Endpoint, services: TaskServices): void {
  warmUp();
  const fault = injectedFault();
  endpoint.onMessage(async (received) => {
    // Only a parent sends on this channel, and it sends ParentMessages (not checked: see the note on TaskRequest).
    const message = received as ParentMessage;
    if (message.type === "echo") {
      endpoint.postMessage(
        { type: "echo-reply", id: message.id, echo: message.echo },
        message.transfer ? transferListOf(message.echo) : [],
      );
      return;
    }
    const { id, task } = message;
    try {
      // Off the task's own clock (`ms`); a fresh executor's wait for it is on the cell's, as its start-up is. Inside
      // the try: a task whose module or input fails answers with why instead of leaving its parent waiting.
      const preparing = prepareTask(task);
      if (preparing) await preparing;
      const start = performance.now();
      const value = await runTaskWithHook(task, services, fault);
      endpoint.postMessage({ type: "task-reply", id, ok: true, value, ms: performance.now() - start });
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      endpoint.postMessage({ type: "task-reply", id, ok: false, error: reason });
    }
  });
  endpoint.postMessage({ type: "ready" });
}

/**
 * The parent side of one executor's channel: `ready` settles on the executor's first message (or fails if it
 * dies first), and replies are matched to requests by id, so one channel can carry several tasks. `send`
 * posts a request with the runtime's primitive; feed every incoming message to `receive`.
 */
export function createExecutorChannel(send: (request: ParentMessage, transfer: ArrayBuffer[]) => unknown) {
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
  const trySend = (message: ParentMessage, transfer: ArrayBuffer[], fail: (error: unknown) => void) => {
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
        // A user's input marked for transfer is moved (worker threads); a child process's channel copies it anyway.
        trySend({ type: "task", id, task }, taskTransferList(task), (error) =>
          settle(id, { id, ok: false, error: `could not send the task: ${toMessage(error)}` }),
        );
      });
    },
    echo(payload: unknown, transfer: boolean): Promise<unknown> {
      const id = nextId++;
      if (gone !== null) return Promise.reject(new Error(gone));
      return new Promise<unknown>((resolve, reject) => {
        echoes.set(id, { resolve, reject });
        trySend({ type: "echo", id, echo: payload, transfer }, transfer ? transferListOf(payload) : [], (error) => {
          echoes.delete(id);
          reject(new Error(`could not send: ${toMessage(error)}`));
        });
      });
    },
    receive(received: unknown): void {
      // Only the executor sends on this channel, and it sends ExecutorMessages (not checked: see the note on TaskRequest).
      const message = received as ExecutorMessage;
      switch (message.type) {
        case "ready":
          markReady();
          return;
        case "echo-reply":
          echoes.get(message.id)?.resolve(message.echo);
          echoes.delete(message.id);
          return;
        case "task-reply":
          settle(message.id, message);
      }
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
