import type { Task } from "@runtime-bench/workloads";
import { describe, expect, it } from "vitest";
import { createNativePool } from "../src/pool.ts";
import type { TaskPort, TaskReply } from "../src/protocol.ts";

/** A worker stand-in that answers each task after a tick and records how many it held at once. */
function fakeWorker(name: string, seen: Map<string, number>): TaskPort {
  let open = 0;
  return {
    async run(): Promise<TaskReply> {
      open++;
      seen.set(name, Math.max(seen.get(name) ?? 0, open));
      await new Promise((resolve) => setTimeout(resolve, 5));
      open--;
      return { id: 0, ok: true, value: 0 };
    },
    echo: async (payload) => payload,
    close: async () => ({ exitSeen: true }),
  };
}

const tasks = (count: number): Task[] => Array.from({ length: count }, () => ({ kind: "sum-of-squares", n: 0 }));

describe("the native pool", () => {
  it("gives each worker one task at a time by default", async () => {
    const seen = new Map<string, number>();
    let started = 0;
    const pool = await createNativePool(3, async () => fakeWorker(`w${started++}`, seen));
    seen.clear(); // the warm-up check ran one task on each
    await Promise.all(tasks(12).map((task) => pool.run(task)));
    expect([...seen.values()]).toEqual([1, 1, 1]);
  });

  it("spreads C slots over W workers round robin: C/W tasks in flight in each", async () => {
    const seen = new Map<string, number>();
    let started = 0;
    const pool = await createNativePool(2, async () => fakeWorker(`w${started++}`, seen), 6);
    seen.clear();
    await Promise.all(tasks(30).map((task) => pool.run(task)));
    expect(seen).toEqual(
      new Map([
        ["w0", 3],
        ["w1", 3],
      ]),
    );
  });

  it("hands out one slot per worker first, so a few tasks still reach every worker", async () => {
    const seen = new Map<string, number>();
    let started = 0;
    const pool = await createNativePool(3, async () => fakeWorker(`w${started++}`, seen), 9);
    seen.clear();
    await Promise.all(tasks(3).map((task) => pool.run(task)));
    expect(seen).toEqual(
      new Map([
        ["w0", 1],
        ["w1", 1],
        ["w2", 1],
      ]),
    );
  });

  it("refuses a slot count that is not a whole number >= 1", async () => {
    await expect(createNativePool(2, async () => fakeWorker("w", new Map()), 0)).rejects.toThrow(/inFlight must be/);
  });
});
