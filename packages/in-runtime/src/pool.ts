/**
 * Worker pools. Node uses piscina; Bun and Deno try piscina first and fall back to the small native pool
 * below when it does not run there, recording why, so the report can say which pool each runtime used.
 */

import { toMessage } from "@runtime-bench/model/errors";
import { packageVersion } from "@runtime-bench/model/package-version";
import { type Task, taskTransferList } from "@runtime-bench/workloads";
import type { WorkerPool } from "./primitives.ts";
import type { TaskPort, TaskReply } from "./protocol.ts";

const POOL_CHECK_TASK: Task = { kind: "sum-of-squares", n: 1000 };

/**
 * A fixed set of started workers; each task goes to the next free slot, or waits for one. A worker has one slot
 * (a thread blocked on its task), unless `inFlight` slots are spread over the workers round robin: then a worker
 * runs several async tasks at once (W workers with C/W requests in flight each).
 */
export async function createNativePool(size: number, startWorker: () => Promise<TaskPort>, inFlight = size): Promise<WorkerPool> {
  if (!Number.isInteger(inFlight) || inFlight < 1) throw new RangeError(`inFlight must be a whole number >= 1, got ${inFlight}`);
  const ports = await Promise.all(Array.from({ length: size }, startWorker));
  // Popped from the end: the first slots handed out are one per worker, so few tasks still spread over every worker.
  const idle = Array.from({ length: inFlight }, (_, slot) => ports[slot % size]!).reverse();
  const waiting: Array<(port: TaskPort) => void> = [];
  const acquire = () => new Promise<TaskPort>((resolve) => (idle.length > 0 ? resolve(idle.pop()!) : waiting.push(resolve)));
  const release = (port: TaskPort) => (waiting.length > 0 ? waiting.shift()!(port) : idle.push(port));
  const pool: WorkerPool = {
    implementation: "native",
    notes: [],
    async run(task) {
      const port = await acquire();
      try {
        return await port.run(task);
      } finally {
        release(port);
      }
    },
    close: async () => void (await Promise.all(ports.map((port) => port.close()))),
  };
  // Every worker has warmed up and answered once before the pool is handed out; one that could not fails the set-up.
  const failed = (await Promise.all(ports.map((port) => port.run(POOL_CHECK_TASK)))).find((reply) => !reply.ok);
  if (failed && !failed.ok) {
    await pool.close();
    throw new Error(`a pool worker failed its first task: ${failed.error}`);
  }
  return pool;
}

/** A piscina pool of exactly `size` threads, all started and warmed before it resolves. */
export async function createPiscinaPool(size: number): Promise<WorkerPool> {
  const { Piscina } = await import("piscina");
  const version = packageVersion("piscina", import.meta.resolve("piscina"));
  // minThreads === maxThreads: a pool that grows while timed makes the first tasks pay thread start-up.
  const piscina = new Piscina({
    filename: new URL("./entries/piscina-task.ts", import.meta.url).href,
    minThreads: size,
    maxThreads: size,
    idleTimeout: Number.MAX_SAFE_INTEGER,
  });
  const run = async (task: Task): Promise<TaskReply> => {
    try {
      // A user's input marked for transfer is moved to the thread, as the native pool's channel moves it.
      const transferList = taskTransferList(task);
      // piscina types its list with Node's MessagePort; a list of ArrayBuffers is what it takes.
      const options = (transferList.length > 0 ? { transferList } : {}) as Parameters<typeof piscina.run>[1];
      return { id: 0, ok: true, value: (await piscina.run(task, options)) as number };
    } catch (error) {
      return { id: 0, ok: false, error: toMessage(error) };
    }
  };
  // Enough tasks at once that every thread is started and has run (and warmed) at least once.
  const warm = await Promise.all(Array.from({ length: size * 2 }, () => run(POOL_CHECK_TASK)));
  const failed = warm.find((reply) => !reply.ok);
  if (failed && !failed.ok) {
    await piscina.destroy();
    throw new Error(failed.error);
  }
  const notes: string[] = [];
  // Off the clock, but a destroy that never finishes would hold the process until the cell's timeout (piscina's
  // destroy() never settles on Bun 1.3): after DESTROY_WAIT_MS the threads are left to end with the process, and said so.
  const close = async () => {
    const destroyed = await withTimeout(piscina.destroy(), DESTROY_WAIT_MS, "").then(
      () => true,
      () => false,
    );
    if (!destroyed)
      notes.push(
        `piscina's destroy() had not finished ${DESTROY_WAIT_MS / 1000} s after it was called; its threads ended with the process`,
      );
  };
  return { implementation: `piscina ${version}`, notes, run, close };
}

/** How long a pool's teardown may take before it is given up (it is off the clock; the cell's figures stand). */
const DESTROY_WAIT_MS = 5000;

/** piscina where it runs; otherwise the native pool, with the reason piscina was not used. */
export async function createPoolPreferringPiscina(size: number, startWorker: () => Promise<TaskPort>): Promise<WorkerPool> {
  try {
    return await withTimeout(createPiscinaPool(size), 10_000, "piscina did not start within 10 s");
  } catch (error) {
    const pool = await createNativePool(size, startWorker);
    pool.notes.push(`piscina failed here, native pool used instead: ${toMessage(error)}`);
    return pool;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
