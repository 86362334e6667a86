import { describe, expect, it } from "vitest";
import { roundOrder } from "../src/launcher/round-order.ts";

const runtimes = ["node", "bun", "deno"] as const;
const key = (slot: { cellIndex: number; runtime: string }) => `${slot.runtime}:${slot.cellIndex}`;

describe("round order", () => {
  it("covers every (runtime, cell) exactly once in every round", () => {
    for (let round = 0; round < 20; round++) {
      const order = roundOrder(7, round, 13, runtimes);
      expect(order).toHaveLength(39);
      expect(new Set(order.map(key)).size).toBe(39);
    }
  });

  it("runs each cell's runtimes one after another, so a runtime-vs-runtime pair is seconds apart", () => {
    const order = roundOrder(7, 3, 13, runtimes);
    for (let start = 0; start < order.length; start += 3) {
      const group = order.slice(start, start + 3);
      expect(new Set(group.map((slot) => slot.cellIndex)).size).toBe(1);
    }
  });

  it("is reproduced by its seed, and differs between rounds and seeds", () => {
    expect(roundOrder(7, 3, 13, runtimes)).toEqual(roundOrder(7, 3, 13, runtimes));
    expect(roundOrder(7, 3, 13, runtimes)).not.toEqual(roundOrder(7, 4, 13, runtimes));
    expect(roundOrder(7, 3, 13, runtimes)).not.toEqual(roundOrder(8, 3, 13, runtimes));
  });

  it("does not always put the same runtime or cell first", () => {
    const firsts = Array.from({ length: 30 }, (_, round) => roundOrder(11, round, 13, runtimes)[0]!);
    expect(new Set(firsts.map((slot) => slot.runtime)).size).toBe(3);
    expect(new Set(firsts.map((slot) => slot.cellIndex)).size).toBeGreaterThan(5);
  });
});
