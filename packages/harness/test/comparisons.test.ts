import { describe, expect, it } from "vitest";
import { comparePaired, describeComparison, headlineComparisons, MIN_PAIRS } from "../src/comparisons.ts";
import type { CellResult } from "../src/schema.ts";

const runs = (walls: number[], firstRound = 1) => walls.map((wallMs, index) => ({ round: firstRound + index, wallMs }));

function cell(cellId: string, walls: number[], overrides: Partial<CellResult> = {}): CellResult {
  return {
    cellId,
    group: "headline",
    scenarioId: cellId.split("/")[0]!,
    kind: "cpu",
    title: cellId,
    lessonAnalogue: "test",
    size: "default",
    params: { kind: "cpu", workload: "sum-of-squares", tasks: 4, n: 1000, workers: 2 },
    parallelism: 1,
    ideal: { speedup: 1 },
    baseline: cellId.startsWith("seq") ? null : "seq",
    comparedAcrossRuntimes: true,
    status: "ok",
    implementation: "test",
    notes: [],
    warmup: [],
    samples: walls.map((wallMs, index) => ({
      round: index + 1,
      slot: 0,
      wallMs,
      cpuMs: null,
      busyCores: null,
      otherLoadCores: null,
      peakPssKiB: null,
      memoryPolls: 2,
      executors: [],
    })),
    inProcess: null,
    ...overrides,
  };
}

describe("paired comparison", () => {
  it("pairs runs of the same round only", () => {
    const comparison = comparePaired(runs([100, 200, 300, 999]), [...runs([50, 100, 150]), { round: 9, wallMs: 1 }])!;
    expect(comparison.pairs).toBe(3);
    expect(comparison.timeRatio).toBeCloseTo(2, 12);
    expect(comparison.verdict).toBe("slower");
  });

  it(`gives no interval with fewer than ${MIN_PAIRS} rounds in common`, () => {
    expect(comparePaired(runs([1, 2]), runs([1, 2]))).toBeNull();
    expect(comparePaired(runs([1, 2, 3]), runs([1, 2, 3], 3))).toBeNull(); // one round in common
  });

  it("a series compared with itself is ≈ with a zero-width interval", () => {
    const same = comparePaired(runs([90, 110, 100, 105]), runs([90, 110, 100, 105]))!;
    expect(same).toMatchObject({ timeRatio: 1, ci95: [1, 1], verdict: "≈", halfWidth: 0 });
  });
});

describe("headline comparisons", () => {
  const node = { name: "node" as const, cells: [cell("seq", [100, 100, 100]), cell("pool", [50, 50, 50])] };
  const bun = { name: "bun" as const, cells: [cell("seq", [80, 80, 80]), cell("pool", [40, 40, 40])] };
  const deno = { name: "deno" as const, cells: [cell("seq", [90, 90, 90]), cell("pool", [], { status: "failed", reason: "x" })] };

  it("compares each cell with its baseline in each runtime, and each pair of runtimes in each cell", () => {
    const headlines = headlineComparisons([deno, bun, node]).map(describeComparison);
    expect(headlines).toEqual([
      "node: pool vs seq",
      "bun: pool vs seq",
      "bun vs node: seq",
      "deno vs node: seq",
      "deno vs bun: seq",
      "bun vs node: pool",
    ]);
  });

  it("leaves a labelled variant out of the runtime-vs-runtime comparisons", () => {
    const withVariant = (name: "node" | "bun") => ({
      name,
      cells: [cell("seq", [100, 100, 100]), cell("tuned", [90, 90, 90], { comparedAcrossRuntimes: false })],
    });
    expect(headlineComparisons([withVariant("node"), withVariant("bun")]).map(describeComparison)).toEqual([
      "node: tuned vs seq",
      "bun: tuned vs seq",
      "bun vs node: seq",
    ]);
  });
});
