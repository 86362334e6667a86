/**
 * The primitive costs: what one worker or child process costs to start, one message to send there and back
 * (a small object; 16 KiB and 1 MiB of bytes, copied or moved), one SharedArrayBuffer + Atomics hand-off, and
 * one task handed to a warmed pool. Each cell repeats its operation one after another in the timed part; the
 * cost of one is the timed part over the repetitions, and every operation is checked (the echo that comes back,
 * the hand-off count, the task's value).
 */

import {
  primitiveAtomicsHandOff,
  primitivePoolDispatch,
  primitiveProcessStart,
  primitiveRoundTrip,
  primitiveWorkerStart,
} from "@runtime-bench/model/scenarios/records/primitives";
import type { Task } from "@runtime-bench/workloads";
import type { TaskPort, TaskReply } from "../protocol.ts";
import { implement, type PrimitiveCellParams, type Scenario } from "./types.ts";

/** The smallest verified task: its answer is 0. */
const PING: Task = { kind: "sum-of-squares", n: 0 };
/** Untimed operations before the timed ones, so the channel and the JIT are warm. */
const WARM_UP_OPERATIONS = 5;

const pings = (count: number): Task[] => Array.from({ length: count }, () => PING);
const ok = (id: number): TaskReply => ({ id, ok: true, value: 0 });

/** A payload of `bytes` bytes (a repeating pattern), or a small object for 0. */
function payloadOf(bytes: number): unknown {
  if (bytes === 0) return { id: 1, label: "a small message", values: [1, 2, 3] };
  const payload = new Uint8Array(bytes);
  for (let index = 0; index < bytes; index++) payload[index] = index & 0xff;
  return payload;
}

/** Whether what came back is the payload that went (checked in constant time: its size and three bytes). */
function cameBack(sent: number, echo: unknown): boolean {
  if (sent === 0) return typeof echo === "object" && echo !== null && (echo as { values?: unknown[] }).values?.length === 3;
  if (!(echo instanceof Uint8Array) || echo.length !== sent) return false;
  const middle = sent >> 1;
  return echo[0] === 0 && echo[middle] === (middle & 0xff) && echo[sent - 1] === ((sent - 1) & 0xff);
}

/** Starts `count` executors one after another, each until it has answered a ping; they are stopped after the clock. */
function startsOneAfterAnother(count: number, start: () => Promise<TaskPort>) {
  const ports: TaskPort[] = [];
  return {
    tasks: pings(count),
    async run(): Promise<TaskReply[]> {
      const replies: TaskReply[] = [];
      for (let index = 0; index < count; index++) {
        const port = await start();
        ports.push(port);
        replies.push({ ...(await port.run(PING)), id: index });
      }
      return replies;
    },
    dispose: async () => void (await Promise.all(ports.map((port) => port.close()))),
  };
}

export const primitiveScenarios: Scenario<PrimitiveCellParams>[] = [
  implement(primitiveWorkerStart, async ({ primitives, params }) => ({
    ...startsOneAfterAnother(params.repetitions, () => primitives.startWorker()),
    notes: [],
    implementation: primitives.labels.worker,
  })),
  implement(primitiveProcessStart, async ({ primitives, params }) => ({
    ...startsOneAfterAnother(params.repetitions, () => primitives.startChildProcess()),
    notes: [],
    implementation: primitives.labels.childProcess,
  })),
  implement(primitiveRoundTrip, async ({ primitives, params }) => {
    const port = await primitives.startWorker();
    const { payloadBytes: bytes, transfer } = params;
    let payload = payloadOf(bytes);
    // Moved payloads come back as new buffers: each round trip sends what the last one brought back.
    for (let warm = 0; warm < WARM_UP_OPERATIONS; warm++) payload = await port.echo(payload, transfer);
    return {
      tasks: pings(params.repetitions),
      async run() {
        const replies: TaskReply[] = [];
        for (let index = 0; index < params.repetitions; index++) {
          payload = await port.echo(payload, transfer);
          replies.push(cameBack(bytes, payload) ? ok(index) : { id: index, ok: false, error: "the echo came back different" });
        }
        return replies;
      },
      dispose: async () => void (await port.close()),
      notes: [],
      implementation: `${primitives.labels.worker}.postMessage, ${bytes === 0 ? "a small object" : `${bytes} bytes`}, ${transfer ? "transferred" : "structured clone"}`,
    };
  }),
  implement(primitiveAtomicsHandOff, async ({ primitives, params }) => {
    const port = await primitives.startWorker();
    const handOffs = async (rounds: number): Promise<TaskReply> => {
      const buffer = new SharedArrayBuffer(4);
      const slot = new Int32Array(buffer);
      const partner = port.run({ kind: "atomics-hand-off", buffer, rounds });
      for (let round = 0; round < rounds; round++) {
        Atomics.store(slot, 0, 2 * round + 1);
        Atomics.notify(slot, 0);
        waitWhileEquals(slot, 2 * round + 1);
      }
      return partner;
    };
    await handOffs(WARM_UP_OPERATIONS);
    return {
      tasks: [{ kind: "atomics-hand-off", buffer: new SharedArrayBuffer(4), rounds: params.repetitions }],
      run: async () => [{ ...(await handOffs(params.repetitions)), id: 0 }],
      dispose: async () => void (await port.close()),
      notes: [],
      implementation: `Atomics.store + notify, Atomics.wait in ${primitives.labels.worker}`,
    };
  }),
  implement(primitivePoolDispatch, async ({ primitives, params }) => {
    const pool = await primitives.createWorkerPool(params.workers);
    for (let warm = 0; warm < WARM_UP_OPERATIONS; warm++) await pool.run(PING);
    return {
      tasks: pings(params.repetitions),
      async run() {
        const replies: TaskReply[] = [];
        for (let index = 0; index < params.repetitions; index++) replies.push({ ...(await pool.run(PING)), id: index });
        return replies;
      },
      dispose: () => pool.close(),
      notes: pool.notes,
      implementation: `${pool.implementation}, ${params.workers} workers, tasks one at a time`,
    };
  }),
];

/**
 * Blocks until the slot no longer holds `value`. Atomics.wait on the main thread is allowed in every runtime
 * here; where it is not, it throws and this spins on Atomics.load instead. A wait may return before the value
 * changed (a wake-up meant for no one), so it is asked again while the value holds: returning early once let the
 * two sides fall out of step, and bun's hand-off then hung until the cell's 300 s timeout (full run of be7b249).
 */
function waitWhileEquals(slot: Int32Array, value: number): void {
  try {
    while (Atomics.load(slot, 0) === value) Atomics.wait(slot, 0, value);
  } catch {
    while (Atomics.load(slot, 0) === value);
  }
}
