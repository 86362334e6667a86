/**
 * Claims in words (claim-words.ts): one test per wording, each state in each voice, from records built on fixed inputs.
 * What a run claims is tested as records (claims.test.ts); here only how each record reads.
 */
import { describe, expect, it } from "vitest";
import { analyze } from "../src/analyze.ts";
import { claimLine, claimOnly, ladderPosition } from "../src/claim-words.ts";
import {
  type Claim,
  crossoverClaims,
  fastestPerWorkload,
  type LadderClaim,
  modelClaims,
  offloadClaim,
  referenceClaims,
  startupClaim,
  taskClaims,
} from "../src/claims.ts";
import { taskOf } from "../src/task-run.ts";
import { around, atSize, measured, noisy, poolLadder, runResult, userTaskCell, workloadCell } from "./fixtures.ts";

const claimsOf = (cells: Record<string, ReturnType<typeof atSize>[]>) =>
  analyze(runResult(Object.entries(cells).map(([name, own]) => measured(name as "node", own))));
const model = (analysis: ReturnType<typeof analyze>, scenarioId: string) =>
  modelClaims(analysis).find((claim) => claim.model.cell.scenarioId === scenarioId)!;
const pool = (node: number[], bun: number[], deno: number[] = around(52)) =>
  model(
    claimsOf({
      node: [atSize("cpu.sequential", 1e8, around(100)), atSize("cpu.worker-pool", 1e8, node)],
      bun: [atSize("cpu.sequential", 1e8, around(100)), atSize("cpu.worker-pool", 1e8, bun)],
      deno: [atSize("cpu.sequential", 1e8, around(100)), atSize("cpu.worker-pool", 1e8, deno)],
    }),
    "cpu.worker-pool",
  );
const bold = (line: string | null) => /^\*\*(.+?)\*\*/.exec(line ?? "")?.[1];

describe("a model in the summary: paid off, or not shown to (one level above the verdicts)", () => {
  it("paid off on every runtime, then each column's figure, interval, rounds and verdict", () => {
    expect(claimLine(pool(around(50), around(50)), "summary")).toBe(
      "**A warmed worker pool: paid off on every runtime.** 2.00x [2.00–2.00, n = 6] faster (node), 2.00x [2.00–2.00, n = 6] faster (bun), " +
        "1.92x [1.92–1.92, n = 6] faster (deno) against the sequential run (4 tasks of n = 100000000, ideal 2.00x).",
    );
  });

  it("not shown to pay off on any runtime: slower, equivalent and inconclusive alike", () => {
    expect(bold(claimLine(pool(around(150), around(101), noisy(100)), "summary"))).toBe(
      "A warmed worker pool: not shown to pay off on any runtime.",
    );
  });

  it("split by column only where one was shown to pay off, each group's columns in the columns' order", () => {
    expect(bold(claimLine(pool(around(50), around(101), noisy(100)), "summary"))).toBe(
      "A warmed worker pool: paid off on node; not shown to pay off on bun and deno.",
    );
    expect(bold(claimLine(pool(noisy(100), around(50), around(101)), "summary"))).toBe(
      "A warmed worker pool: paid off on bun; not shown to pay off on node and deno.",
    );
  });
});

describe("a model in the full reading: each verdict said", () => {
  it("did not pay off, with the verdict that says so (slower, equivalent, or each on its columns)", () => {
    expect(bold(claimLine(pool(around(150), around(151), around(152)), "reading"))).toBe(
      "A warmed worker pool did not pay off on any runtime (slower):",
    );
    expect(bold(claimLine(pool(around(101), around(100), around(101)), "reading"))).toBe(
      "A warmed worker pool did not pay off on any runtime (equivalent):",
    );
    expect(bold(claimLine(pool(around(150), around(101), around(101)), "reading"))).toBe(
      "A warmed worker pool did not pay off on any runtime (slower on node; equivalent on bun and deno):",
    );
  });

  it("paid off, did not pay off and was inconclusive, each on its columns, then every figure behind them", () => {
    const line = claimLine(pool(around(50), around(150), noisy(100)), "reading")!;
    expect(bold(line)).toBe("A warmed worker pool paid off on node; did not pay off on bun (slower); was inconclusive on deno:");
    expect(line).toContain("2.00x [2.00–2.00, n = 6] (node), 0.67x [0.67–0.67, n = 6] (bun)");
    expect(line).toContain("ideal 2.00x, efficiency 100% (node), 33% (bun)");
  });
});

describe("start-up at the smallest size", () => {
  const analysis = (bunFresh: number[]) =>
    claimsOf({
      node: [
        ...[1e7, 1e8].map((n) => atSize("cpu.sequential", n, around(n / 1e6))),
        atSize("cpu.worker-per-task", 1e7, around(80)),
        atSize("cpu.worker-per-task", 1e8, around(60)),
      ],
      bun: [
        ...[1e7, 1e8].map((n) => atSize("cpu.sequential", n, around(n / 1e6))),
        atSize("cpu.worker-per-task", 1e7, bunFresh),
        atSize("cpu.worker-per-task", 1e8, around(60)),
      ],
    });

  it("in the summary: slower, or not shown slower, each on its columns; models with the same claim share it", () => {
    expect(claimLine(startupClaim(analysis(around(10.2)))!, "summary")).toBe(
      "**At the smallest size (n = 10000000), starting an executor per task cost more than the work: a fresh worker thread per task: " +
        "slower on node; not shown slower on bun.** A fresh worker thread per task: 0.13x [0.13–0.13, n = 6] slower (node), " +
        "0.98x [0.98–0.98, n = 6] equivalent (bun).",
    );
    expect(bold(claimLine(startupClaim(analysis(around(5)))!, "summary"))).toBe(
      "At the smallest size (n = 10000000), starting an executor per task cost more than the work: a fresh worker thread per task: " +
        "slower on node; not shown slower on bun.",
    );
  });

  it("in the reading: the same claim, with the work per task, then each verdict's runs and how soon each executor was ready", () => {
    expect(claimLine(startupClaim(analysis(noisy(10)))!, "reading")).toBe(
      "**At the smallest size (n = 10000000, 2.50 ms (node), 2.50 ms (bun) per task sequentially), starting an executor per task cost " +
        "more than the work: a fresh worker thread per task: slower on node; not shown slower on bun:** slower: a fresh worker thread " +
        "per task on node (0.13x [0.13–0.13, n = 6]); " +
        "inconclusive: a fresh worker thread per task on bun (1.04x [0.83–1.24, n = 6]).",
    );
  });
});

describe("the lesson in a reference", () => {
  it("which of its models paid off and which were not shown to, and how far it is from the fastest runtime, unpaired", () => {
    const [cpython] = referenceClaims(
      claimsOf({
        bun: [atSize("cpu.sequential", 1e7, around(6)), atSize("cpu.process-pool", 1e7, around(3.2))],
        cpython: [atSize("cpu.sequential", 1e7, around(1500)), atSize("cpu.process-pool", 1e7, around(790))],
      }),
    );
    expect(claimLine(cpython!, "summary")).toBe(
      "**The lesson itself, in cpython (a reference): a warmed process pool (the lesson's multiprocessing.Pool) paid off.** Each against " +
        "its baseline: a warmed process pool (the lesson's multiprocessing.Pool) 1.90x [1.90–1.90, n = 6] faster. Bun ran its sequential " +
        "tasks 250.00x as fast (medians, unpaired), on unequal arithmetic: Python's loop adds exact integers of any size (the squares " +
        "pass 64 bits), JavaScript's adds them modulo 2^32 in small-integer steps.",
    );
  });
});

describe("native key derivation started together on one thread", () => {
  it("reads as the summary's model claim against one after another", () => {
    const keyCell = (scenarioId: string, walls: number[]) =>
      workloadCell(scenarioId, "pbkdf2-native", { n: 200_000, tasks: 4 }, walls, { parallelism: 1 });
    const claim = offloadClaim(claimsOf({ node: [keyCell("cpu.sequential", around(100)), keyCell("cpu.async-main", around(50))] }))!;
    expect(claimLine(claim, "summary")).toBe(
      "**Concurrent async tasks on one thread, native key derivation started together on one thread: paid off on node.** " +
        "2.00x [2.00–2.00, n = 6] faster (node) against one after another.",
    );
    expect(claimLine(claim, "reading")).toBeNull();
  });
});

describe("a model over a ladder", () => {
  const [claim] = crossoverClaims(
    claimsOf({
      node: poolLadder([around(2), around(5), around(52)]),
      bun: poolLadder([around(2), around(20), around(100)]),
      deno: poolLadder([around(2), around(5), noisy(100)]),
    }),
  ) as [LadderClaim];

  it("on the crossover ladder: paid off, did not pay off at any size, was inconclusive, then where each crossed", () => {
    expect(claimLine(claim, "summary")).toBe(
      "**On the crossover ladder (2 tasks of each size), a warmed worker pool paid off on node; did not pay off at any size on bun; " +
        "was inconclusive on deno:** between 0.500 and 5.00 ms per task (node), not up to 50.0 ms per task (bun), not shown up to 50.0 ms " +
        "per task (deno).",
    );
    expect(claimLine(claim, "reading")).toBe(claimLine(claim, "summary"));
  });

  it("where a model stands: between two sizes, already at the smallest, not up to (shown not), not shown up to (open)", () => {
    expect(claim.outcomes.map(ladderPosition)).toEqual([
      "between 0.500 and 5.00 ms per task",
      "not up to 50.0 ms per task",
      "not shown up to 50.0 ms per task",
    ]);
    const [already] = crossoverClaims(claimsOf({ node: poolLadder([around(0.5), around(5), around(52)]) }));
    expect(ladderPosition(already!.outcomes[0]!)).toBe("at the smallest size, 0.500 ms per task, already");
  });
});

describe("a user's task", () => {
  const taskCell = (scenarioId: string, n: number, walls: number[], overrides = {}) =>
    userTaskCell(scenarioId, n, n === 10 ? "small" : "large", walls, overrides);
  const own = (pool: [number[], number[]], perTask: [number[], number[]]) => [
    ...[10, 1000].map((n) => taskCell("cpu.sequential", n, around(n))),
    ...[10, 1000].map((n, index) => taskCell("cpu.worker-pool", n, pool[index]!)),
    ...[10, 1000].map((n, index) => taskCell("cpu.process-per-task", n, perTask[index]!)),
    ...[10, 1000].map((n) => taskCell("cpu.async-main", n, [], { status: "n/a", reason: "t offers no form that yields" })),
  ];
  const claims = taskClaims(
    taskOf(
      claimsOf({
        node: own([around(5), around(520)], [around(40), around(1500)]),
        bun: own([around(15), around(510)], [around(40), around(1000)]),
        deno: own([noisy(10), noisy(1000)], [around(40), noisy(1000)]),
      }).tables,
    )!,
  );
  const line = (scenarioId: string) =>
    claimLine(claims.find((claim) => claim.kind === "ladder" && claim.scenarioId === scenarioId)!, "task");

  it("paid off from a size (its smallest, or a larger one) on its columns, with the figures at that size and the one below", () => {
    expect(line("cpu.worker-pool")).toBe(
      "**A warmed worker pool paid off from small (its smallest size) on node; paid off from large on bun; was inconclusive on deno:** " +
        "node: 2.00x [2.00–2.00, n = 6] faster at small; bun: 0.67x [0.67–0.67, n = 6] slower at small, 1.96x [1.96–1.96, n = 6] faster " +
        "at large; deno: 1.04x [0.83–1.24, n = 6] inconclusive at small, 1.04x [0.83–1.24, n = 6] inconclusive at large.",
    );
  });

  it("did not pay off up to its largest size, on the columns shown slower or equivalent at every size", () => {
    expect(bold(line("cpu.process-per-task"))).toBe(
      "A fresh child process per task did not pay off up to large on node and bun; was inconclusive on deno:",
    );
  });

  it("n/a (or failed) where no column could run a model, on which columns and sizes, with why", () => {
    expect(line("cpu.async-main")).toBe(
      "**Concurrent async tasks on one thread: n/a on node, bun and deno, every size: t offers no form that yields.**",
    );
  });

  it("the fastest runtime per size, from the paired comparisons, and none where none was faster than every other", () => {
    expect(claimLine(claims.at(-1)!, "task")).toBe(
      "**Fastest runtime per size** (the task's sequential run, the runtimes side by side): small: no single fastest (lowest median: node), " +
        "speed against it: bun 1.00x [1.00–1.00, n = 6] equivalent, deno 1.00x [1.00–1.00, n = 6] equivalent; large: no single fastest " +
        "(lowest median: node), speed against it: bun 1.00x [1.00–1.00, n = 6] equivalent, deno 1.00x [1.00–1.00, n = 6] equivalent.",
    );
  });
});

describe("the fastest runtime per workload", () => {
  it("the runtime faster than every other, or none (with the lowest median), and the others' speed against it", () => {
    const fastest = (bun: number) =>
      claimLine(
        fastestPerWorkload(
          claimsOf({ node: [atSize("cpu.sequential", 1e8, around(100))], bun: [atSize("cpu.sequential", 1e8, around(bun))] }),
        )!,
        "summary",
      );
    expect(fastest(60)).toBe(
      "**Fastest runtime per workload (its sequential run at its largest size): bun for sum of squares (a tight integer loop) (n = 100000000).** " +
        "Speed against it: sum of squares (a tight integer loop): node 0.60x [0.60–0.60, n = 6] slower.",
    );
    expect(bold(fastest(99))).toBe(
      "Fastest runtime per workload (its sequential run at its largest size): no single runtime (lowest median: bun) for sum of squares " +
        "(a tight integer loop) (n = 100000000).",
    );
  });

  it("a workload whose runtimes ran apart names only its lowest median, the others as unpaired ratios with no verdict", () => {
    const apart = (walls: number[]) => [workloadCell("cpu.sequential", "prime-sieve", { n: 1e6, tasks: 2 }, walls)];
    const claim = fastestPerWorkload(claimsOf({ node: apart(around(20)), bun: apart(around(10)) }))!;
    expect(claimLine(claim, "reading")).toBe(
      "**Fastest runtime per workload (its sequential run at its largest size): lowest median bun for prime sieve (memory-bound) (n = 1000000).** " +
        "Speed against it: prime sieve (memory-bound): node 0.50x (medians, unpaired: no verdict).",
    );
  });
});

describe("a claim alone", () => {
  it("is its summary sentence without the evidence: what --baseline shows of a claim that differs", () => {
    const claim: Claim = pool(around(50), around(101), noisy(100));
    expect(claimOnly(claim)).toBe("A warmed worker pool: paid off on node; not shown to pay off on bun and deno.");
  });
});
