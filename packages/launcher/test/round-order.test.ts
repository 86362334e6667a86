import { join } from "node:path";
import { repoRoot } from "@runtime-bench/model/cli/repo";
import { expandCells, getProfile, loadSuite } from "@runtime-bench/model/suite";
import { describe, expect, it } from "vitest";
import { type BlockCell, BlockPlanError, MAX_PAIR_GAP_RUNS, planBlocks, roundOrder } from "../src/round-order.ts";

const ranked = ["node", "bun", "deno"] as const;
const runtimes = { ranked, others: ["cpython"] as const };
const key = (slot: { cellIndex: number; runtime: string }) => `${slot.runtime}:${slot.cellIndex}`;

/** The suite's profiles, expanded as a run on 2 cores expands them. */
const suite = loadSuite(join(repoRoot, "benchmarks/suite.json"));
const profileCells = (name: string) => expandCells(getProfile(suite, name), { cores: 2, baseUrl: "" });

/** Every pair a comparison makes: a cell and its baseline (or paired cell) in one runtime, a headline cell in two runtimes. */
function pairsOf(cells: readonly BlockCell[]): Array<[string, string]> {
  const id = (runtime: string, cellId: string) => `${runtime}:${cells.findIndex((cell) => cell.cellId === cellId)}`;
  const all = [...ranked, "cpython"];
  const withinRuntime = cells.flatMap((cell) =>
    [cell.baseline, cell.pairedWith].flatMap((other) =>
      other ? all.map((runtime): [string, string] => [id(runtime, cell.cellId), id(runtime, other)]) : [],
    ),
  );
  const acrossRuntimes = cells
    .filter((cell) => cell.group === "headline")
    .flatMap((cell) =>
      ranked.flatMap((a, index) => ranked.slice(index + 1).map((b): [string, string] => [id(a, cell.cellId), id(b, cell.cellId)])),
    );
  return [...withinRuntime, ...acrossRuntimes];
}

describe("round order: blocks of comparison groups", () => {
  for (const profile of ["main", "full", "quick"]) {
    it(`puts the two runs of every pair of the ${profile} profile at most ${MAX_PAIR_GAP_RUNS} runs apart, in every round`, () => {
      const cells = profileCells(profile);
      const blocks = planBlocks(cells, runtimes);
      const pairs = pairsOf(cells);
      expect(pairs.length).toBeGreaterThan(10);
      for (let round = 0; round < 10; round++) {
        const order = roundOrder(7, round, blocks);
        const position = new Map(order.map((slot, index) => [key(slot), index]));
        expect(position.size).toBe(order.length); // every (runtime, cell) once
        expect(order.length).toBe(cells.length * 4);
        for (const [a, b] of pairs) {
          expect(Math.abs(position.get(a)! - position.get(b)!), `${a} and ${b} in round ${round}`).toBeLessThanOrEqual(MAX_PAIR_GAP_RUNS);
        }
      }
    });
  }

  it("runs each cell's runtimes back to back and sets a baseline in the middle of its models (main profile)", () => {
    const cells = profileCells("main");
    const blocks = planBlocks(cells, runtimes);
    for (let round = 0; round < 20; round++) {
      const order = roundOrder(5, round, blocks);
      const position = new Map(order.map((slot, index) => [key(slot), index]));
      for (const cell of cells) {
        const across = ranked.map((runtime) => position.get(`${runtime}:${cells.indexOf(cell)}`)!);
        expect(Math.max(...across) - Math.min(...across), cell.cellId).toBeLessThanOrEqual(2);
        if (!cell.baseline) continue;
        for (const runtime of ranked) {
          const gap = Math.abs(
            position.get(`${runtime}:${cells.indexOf(cell)}`)! -
              position.get(`${runtime}:${cells.findIndex((other) => other.cellId === cell.baseline)}`)!,
          );
          expect(gap, `${runtime} ${cell.cellId}`).toBeLessThanOrEqual(11); // 5 models: 1, 1, 2, 2, 3 cells of 3 runs from it
        }
      }
    }
  });

  it("measures headline cells of the runtimes under test in one block, a reference and every other group per runtime", () => {
    const cells: BlockCell[] = [
      { cellId: "seq", group: "headline", baseline: null },
      { cellId: "pool", group: "headline", baseline: "seq" },
      { cellId: "ladder-seq", group: "crossover", baseline: null },
      { cellId: "ladder-pool", group: "crossover", baseline: "ladder-seq" },
    ];
    expect(planBlocks(cells, runtimes).map((block) => [block.key, block.runs.length])).toEqual([
      ["seq @ node+bun+deno", 6],
      ["seq @ cpython", 2],
      ["ladder-seq @ node", 2],
      ["ladder-seq @ bun", 2],
      ["ladder-seq @ deno", 2],
      ["ladder-seq @ cpython", 2],
    ]);
  });

  it("leaves out runs that are n/a before they start, and refuses a block that would hold pairs too far apart", () => {
    const cells: BlockCell[] = Array.from({ length: 7 }, (_, index) => ({
      cellId: `c${index}`,
      group: "headline",
      baseline: index === 0 ? null : "c0",
    }));
    const six = { ranked: ["a", "b", "c", "d", "e", "f"], others: ["cpython"] };
    // A model 3 cells from its baseline, 6 columns to a cell: 18 runs apart.
    expect(() => planBlocks(cells, six)).toThrow(BlockPlanError);
    const blocks = planBlocks(cells, six, (column, cell) => column !== "f" && cell.cellId !== "c6");
    expect(blocks.map((block) => block.runs.length)).toEqual([30, 6]);
  });

  it("fits five contenders in the main profile: a runtime's contenders side by side, every pair within the limit", () => {
    const cells = expandCells(
      {
        ...getProfile(suite, "main"),
        cpu: { ...getProfile(suite, "main").cpu, primitives: getProfile(suite, "main").contenders!.primitives },
      },
      { cores: 2, baseUrl: "" },
    );
    const columns = ["node 24", "node 26", "bun 1.3", "bun 1.4", "deno"];
    const runtimeOf = (column: string) => column.split(" ")[0]!;
    const blocks = planBlocks(cells, { ranked: columns, others: ["cpython"], runtimeOf });
    const primitiveBlocks = blocks.filter((block) => cells[block.runs[0]!.cellIndex]!.group === "primitives").map((block) => block.key);
    expect(primitiveBlocks.map((key) => key.split(" @ ")[1])).toEqual(
      expect.arrayContaining(["node 24+node 26", "bun 1.3+bun 1.4", "deno"]),
    );
    for (let round = 0; round < 20; round++) {
      const order = roundOrder(11, round, blocks);
      const position = new Map(order.map((slot, index) => [key(slot), index]));
      for (const [index, cell] of cells.entries()) {
        const at = (column: string) => position.get(`${column}:${index}`)!;
        if (cell.group === "headline") {
          expect(Math.abs(at("node 24") - at("node 26")), cell.cellId).toBe(1);
          expect(Math.abs(at("bun 1.3") - at("bun 1.4")), cell.cellId).toBe(1);
          expect(Math.max(...columns.map(at)) - Math.min(...columns.map(at)), cell.cellId).toBe(4);
        }
        const baseline = cells.findIndex((other) => other.cellId === cell.baseline);
        for (const column of baseline < 0 ? [] : columns) {
          expect(Math.abs(at(column) - position.get(`${column}:${baseline}`)!), `${column} ${cell.cellId}`).toBeLessThanOrEqual(
            MAX_PAIR_GAP_RUNS,
          );
        }
      }
    }
  });

  it("orders a block whose model a runtime cannot run beside a baseline it can (a reference's client variants)", () => {
    const cells: BlockCell[] = [
      { cellId: "base", group: "headline", baseline: null },
      { cellId: "variant", group: "headline", baseline: "base" },
    ];
    const blocks = planBlocks(cells, { ranked: ["node"], others: [] }, (_, cell) => cell.cellId !== "variant");
    expect(roundOrder(1, 0, blocks).map((slot) => slot.cellIndex)).toEqual([0]);
  });

  it("drops runs that are no longer needed, keeping the others in their order", () => {
    const blocks = planBlocks(profileCells("main"), runtimes);
    const all = roundOrder(3, 2, blocks);
    const some = roundOrder(3, 2, blocks, (run) => run.runtime !== "bun");
    expect(some).toEqual(all.filter((slot) => slot.runtime !== "bun"));
  });

  it("is reproduced by its seed, and differs between rounds and seeds", () => {
    const blocks = planBlocks(profileCells("main"), runtimes);
    expect(roundOrder(7, 3, blocks)).toEqual(roundOrder(7, 3, blocks));
    expect(roundOrder(7, 3, blocks)).not.toEqual(roundOrder(7, 4, blocks));
    expect(roundOrder(7, 3, blocks)).not.toEqual(roundOrder(8, 3, blocks));
  });

  it("does not always put the same runtime or cell first", () => {
    const blocks = planBlocks(profileCells("main"), runtimes);
    const firsts = Array.from({ length: 30 }, (_, round) => roundOrder(11, round, blocks)[0]!);
    expect(new Set(firsts.map((slot) => slot.runtime)).size).toBe(4);
    expect(new Set(firsts.map((slot) => slot.cellIndex)).size).toBeGreaterThan(5);
  });
});
