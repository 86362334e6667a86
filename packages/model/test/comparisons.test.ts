import { describe, expect, it } from "vitest";
import { comparePaired, comparisonLookup, describeComparison, MIN_PAIRS, reversed, runComparisons } from "../src/comparisons.ts";
import type { CellResult } from "../src/schema.ts";
import { cellWithRuns } from "./cell-fixture.ts";

/** Runs of rounds from `firstRound` on, each at `slot` of its round, started one second per slot after its round's start. */
const runs = (walls: number[], firstRound = 1, slot = 0) =>
  walls.map((wallMs, index) => ({ round: firstRound + index, wallMs, slot, startedAtMs: (firstRound + index) * 100_000 + slot * 1000 }));

/** A headline cell; "seq..." cells are baselines, the others are compared with "seq". */
const cell = (cellId: string, walls: number[], overrides: Partial<CellResult> = {}): CellResult =>
  cellWithRuns(cellId, walls, { baseline: cellId.startsWith("seq") ? null : "seq", ...overrides });

describe("paired comparison", () => {
  it("pairs runs of the same round only", () => {
    const comparison = comparePaired(runs([100, 200, 300, 400, 500, 600, 999]), [
      ...runs([50, 100, 150, 200, 250, 300]),
      { round: 99, wallMs: 1, slot: 0, startedAtMs: 0 },
    ])!;
    expect(comparison.pairs).toBe(6);
    expect(comparison.timeRatio).toBeCloseTo(2, 12);
    expect(comparison.verdict).toBe("slower");
  });

  it(`gives no interval, and so no verdict but inconclusive, with fewer than ${MIN_PAIRS} rounds in common`, () => {
    expect(MIN_PAIRS).toBe(6);
    expect(comparePaired(runs([2, 4, 6, 8, 10]), runs([1, 2, 3, 4, 5]))).toMatchObject({ ci95: null, verdict: "inconclusive", pairs: 5 });
    expect(comparePaired(runs([1, 2, 3]), runs([1, 2, 3], 10))).toBeNull(); // no round in common
  });

  it("a series compared with itself is equivalent, with a zero-width interval", () => {
    const same = comparePaired(runs([90, 110, 100, 105, 95, 99]), runs([90, 110, 100, 105, 95, 99]))!;
    expect(same).toMatchObject({ timeRatio: 1, ci95: [1, 1], verdict: "equivalent", split: null });
  });

  it("is inconclusive when its per-round ratios split into two clusters that read differently, whatever its interval", () => {
    const split = comparePaired(runs([102, 102, 150, 150, 103, 150, 102, 151]), runs([100, 100, 100, 100, 100, 100, 100, 100]))!;
    expect(split.ci95![0]).toBeGreaterThan(1);
    expect(split.split).toMatchObject({ lower: 4, upper: 4 });
    expect(split.splitDisagrees).toBe(true);
    expect(split.verdict).toBe("inconclusive");
  });

  it("keeps its verdict, and records the split, where both clusters read the same way (1.5x and 2x slower)", () => {
    const split = comparePaired(runs([150, 150, 200, 200, 150, 200, 150, 200]), runs([100, 100, 100, 100, 100, 100, 100, 100]))!;
    expect(split.split).toMatchObject({ lower: 4, upper: 4 });
    expect(split.splitDisagrees).toBe(false);
    expect(split.verdict).toBe("slower");
  });

  it("says how far apart the two runs of its pairs were, in runs and seconds", () => {
    const comparison = comparePaired(runs([2, 2, 2, 2, 2, 2], 1, 5), runs([1, 1, 1, 1, 1, 1], 1, 2))!;
    expect(comparison.gap).toEqual({ medianRuns: 3, maxRuns: 3, medianSeconds: 3, maxSeconds: 3 });
  });
});

describe("a run's comparisons", () => {
  const six = (value: number) => [value, value, value, value, value, value];
  const node = { name: "node" as const, cells: [cell("seq", six(100)), cell("pool", six(50))] };
  const bun = { name: "bun" as const, cells: [cell("seq", six(80)), cell("pool", six(40))] };
  const deno = { name: "deno" as const, cells: [cell("seq", six(90)), cell("pool", [], { status: "failed", reason: "x" })] };

  it("compares each cell with its baseline in each runtime, and each pair of runtimes in each headline cell", () => {
    expect(runComparisons([deno, bun, node]).map(describeComparison)).toEqual([
      "node: pool vs seq",
      "bun: pool vs seq",
      "bun vs node: seq",
      "deno vs node: seq",
      "deno vs bun: seq",
      "bun vs node: pool",
    ]);
  });

  it("leaves a labelled variant, and cells outside the headline, out of the runtime-vs-runtime comparisons", () => {
    const withVariant = (name: "node" | "bun") => ({
      name,
      cells: [
        cell("seq", six(100)),
        cell("tuned", six(90), { comparedAcrossRuntimes: false }),
        cell("ladder-seq", six(10), { group: "crossover", baseline: null }),
        cell("ladder-pool", six(10), { group: "crossover", baseline: "ladder-seq" }),
      ],
    });
    expect(runComparisons([withVariant("node"), withVariant("bun")]).map(describeComparison)).toEqual([
      "node: tuned vs seq",
      "node: ladder-pool vs ladder-seq",
      "bun: tuned vs seq",
      "bun: ladder-pool vs ladder-seq",
      "bun vs node: seq",
    ]);
  });

  it("compares a cell with the cell it is paired with besides its baseline (native work against plain JavaScript)", () => {
    const native = cell("seq-native", six(10), { baseline: null, pairedWith: "seq-js" });
    const plain = cell("seq-js", six(30), { baseline: null });
    const [comparison] = runComparisons([{ name: "node", cells: [native, plain] }]).filter((one) => one.kind === "paired");
    expect(describeComparison(comparison!)).toBe("node: seq-native vs seq-js");
    expect(comparison!.comparison!.verdict).toBe("faster");
  });

  it("names each side by its label where a runtime runs under one, so one runtime can be compared with itself", () => {
    const labelled = [
      { ...node, label: "node 24" },
      { ...node, label: "node 26", cells: [cell("seq", six(80)), cell("pool", six(40))] },
    ];
    expect(runComparisons(labelled).map(describeComparison)).toEqual([
      "node 24: pool vs seq",
      "node 26: pool vs seq",
      "node 26 vs node 24: seq",
      "node 26 vs node 24: pool",
    ]);
  });

  it("looks a comparison up either way round: the other way is the same comparison reversed", () => {
    const lookup = comparisonLookup(runComparisons([node, bun]));
    expect(lookup.baseline("bun", "pool")?.timeRatio).toBeCloseTo(0.5, 12);
    expect(lookup.between("bun", "node", "seq")?.timeRatio).toBeCloseTo(0.8, 12);
    expect(lookup.between("node", "bun", "seq")).toMatchObject({ timeRatio: expect.closeTo(1.25, 12), verdict: "slower" });
    expect(lookup.between("node", "deno", "seq")).toBeUndefined();
  });
});

describe("a comparison reversed", () => {
  it("is the comparison of the two series taken the other way round: ratio, interval, verdict and clusters", () => {
    const [a, b] = [runs([102, 102, 150, 150, 103, 150, 102, 151]), runs([100, 100, 100, 100, 100, 100, 100, 100])];
    const [forward, backward] = [comparePaired(a, b)!, comparePaired(b, a)!];
    const turned = reversed(forward);
    expect(turned.timeRatio).toBeCloseTo(backward.timeRatio, 12);
    expect(turned.ci95![0]).toBeCloseTo(backward.ci95![0], 12);
    expect(turned.ci95![1]).toBeCloseTo(backward.ci95![1], 12);
    expect([turned.verdict, turned.split?.lower, turned.split?.upper]).toEqual([
      backward.verdict,
      backward.split?.lower,
      backward.split?.upper,
    ]);
    const slower = comparePaired(runs([2, 2, 2, 2, 2, 2]), runs([1, 1, 1, 1, 1, 1]))!;
    expect(reversed(slower).verdict).toBe("faster");
  });
});
