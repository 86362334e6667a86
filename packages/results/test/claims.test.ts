/** What a run claims, as records (claims.ts): subject, outcome per column and evidence, from fixed inputs with known answers. */
import { describe, expect, it } from "vitest";
import { analyze } from "../src/analyze.ts";
import {
  answerOf,
  type Claim,
  crossoverClaims,
  fastestPerWorkload,
  type LadderClaim,
  type ModelClaim,
  modelClaims,
  readingClaims,
  referenceClaims,
  startupClaim,
  statedOf,
  subjectOf,
  summaryClaims,
  taskClaims,
} from "../src/claims.ts";
import { taskOf } from "../src/task-run.ts";
import { around, atSize, ioCell, ioParams, measured, noisy, poolLadder, runResult, userTaskCell } from "./fixtures.ts";

const cells = (sequential: number, pool: number, asyncMain: number[], freshWorker: number) => [
  ...[1e7, 1e8].map((n) => atSize("cpu.sequential", n, around((sequential * n) / 1e8))),
  atSize("cpu.worker-pool", 1e8, around(pool)),
  atSize("cpu.async-main", 1e8, asyncMain),
  atSize("cpu.async-main", 1e7, around(130)), // slower at the smallest size, but it starts no executor
  atSize("cpu.worker-per-task", 1e7, around(freshWorker)),
  atSize("cpu.worker-per-task", 1e8, around(60)),
  ioCell("io.sequential", around(5000)),
  ioCell("io.async-fetch", around(520)),
  ioCell("io.async-client", around(530), {
    cellId: "io.async-client/node-http",
    params: ioParams("node-http"),
    baseline: "io.sequential",
    comparedAcrossRuntimes: false,
  }),
];

// node: the pool 1.92x faster, async tasks inconclusive, a fresh worker at n = 1e7 8x slower; bun: the pool faster,
// async tasks equivalent, a fresh worker at n = 1e7 equivalent; cpython (a reference) at the lesson's size only.
const result = runResult([
  measured("node", cells(100, 52, noisy(100), 80)),
  measured("bun", cells(60, 31, around(60), 6)),
  measured("cpython", [atSize("cpu.sequential", 1e7, around(1500)), atSize("cpu.worker-pool", 1e7, around(1510))]),
]);
const analysis = analyze(result);
const modelOf = (scenarioId: string) => modelClaims(analysis).find((claim) => claim.model.cell.scenarioId === scenarioId)!;
const answers = (claim: { outcomes: ReadonlyArray<{ column: { label: string }; answer: string }> }) =>
  claim.outcomes.map((outcome) => [outcome.column.label, outcome.answer]);

describe("a model against its baseline", () => {
  it("has its subject (the model, at its largest size, against its baseline) and an answer per ranked column", () => {
    const pool = modelOf("cpu.worker-pool");
    expect(subjectOf(pool)).toBe("model cpu.worker-pool");
    expect(pool.baseline.cellId).toBe("cpu.sequential/n=1e8");
    expect(answers(pool)).toEqual([
      ["node", "yes"],
      ["bun", "yes"],
    ]);
  });

  it("carries its evidence: each column's comparison with the baseline, the very one the analysis holds", () => {
    const [node] = modelOf("cpu.worker-pool").outcomes;
    expect(1 / node!.evidence.versusBaseline.timeRatio).toBeCloseTo(100 / 52, 9);
    const comparison = analysis.comparisons.find((one) => one.kind === "baseline" && one.cellId === "cpu.worker-pool/n=1e8");
    expect(node!.evidence.versusBaseline).toBe(comparison!.comparison);
  });

  it("answers open for inconclusive and no for equivalent: two states, one summary reading (not shown to pay off)", () => {
    const asyncMain = modelOf("cpu.async-main");
    expect(answers(asyncMain)).toEqual([
      ["node", "open"],
      ["bun", "no"],
    ]);
    expect(asyncMain.outcomes.map((outcome) => outcome.evidence.versusBaseline.verdict)).toEqual(["inconclusive", "equivalent"]);
  });

  it("answers each question from the verdict: paid off is faster, cost more is slower, anything settled else is no", () => {
    expect(["faster", "slower", "equivalent", "inconclusive"].map((verdict) => answerOf("pays-off", verdict as never))).toEqual([
      "yes",
      "no",
      "no",
      "open",
    ]);
    expect(["faster", "slower", "equivalent", "inconclusive"].map((verdict) => answerOf("costs-more", verdict as never))).toEqual([
      "no",
      "yes",
      "no",
      "open",
    ]);
  });

  it("includes the labelled variants (other clients) in the reading, and leaves them out of the summary", () => {
    const subjects = (claims: Claim[]) => claims.map(subjectOf);
    expect(subjects(readingClaims(analysis))).toContain("model io.async-client node-http");
    expect(subjects(summaryClaims(analysis))).not.toContain("model io.async-client node-http");
    expect(subjects(summaryClaims(analysis))).toContain("model io.async-fetch");
  });
});

describe("start-up at the smallest size", () => {
  it("asks of each model that starts an executor per task whether it cost more than its baseline", () => {
    const claim = startupClaim(analysis)!;
    expect(claim.n).toBe(1e7);
    expect(claim.models.map((one) => one.model.cell.scenarioId)).toEqual(["cpu.worker-per-task"]);
    expect(answers(claim.models[0]!)).toEqual([
      ["node", "yes"], // 8x slower
      ["bun", "no"], // equivalent
    ]);
  });
});

describe("the lesson in a reference", () => {
  it("has the reference's own models against its baseline, and its sequential run against the fastest column, unpaired", () => {
    const [cpython] = referenceClaims(analysis);
    expect(cpython!.column).toMatchObject({ label: "cpython", role: "reference" });
    expect(cpython!.models.map((outcome) => [outcome.evidence.cell.scenarioId, outcome.answer])).toEqual([["cpu.worker-pool", "no"]]);
    expect(cpython!.sequential).toMatchObject({ ratio: expect.closeTo(1500 / 6, 6), fastest: { label: "bun" }, split: null });
  });
});

describe("a model over a ladder of sizes", () => {
  const [claim] = crossoverClaims(
    analyze(
      runResult([
        measured("node", poolLadder([around(2), around(5), around(52)])), // slower, faster, faster: from 1e6
        measured("bun", poolLadder([around(2), around(20), around(100)])), // slower, slower, equivalent: shown not to
        measured("deno", poolLadder([around(2), around(5), noisy(100)])), // faster at 1e6, inconclusive at 1e7: open
      ]),
    ),
  ) as [LadderClaim];

  it("answers yes from the smallest size at which it and every larger one paid off, with the size below it", () => {
    expect(subjectOf(claim)).toBe("crossover cpu.worker-pool");
    expect(answers(claim)).toEqual([
      ["node", "yes"],
      ["bun", "no"],
      ["deno", "open"],
    ]);
    const [node] = claim.outcomes;
    expect([node!.below?.n, node!.from?.n]).toEqual([1e5, 1e6]);
    expect(node!.points.map((point) => point.comparison?.verdict)).toEqual(["slower", "faster", "faster"]);
  });

  it("leaves out a model no column compared at any size (its sequential runs missing)", () => {
    const modelsOnly = poolLadder([around(2), around(5), around(52)]).filter((cell) => cell.baseline !== null);
    expect(crossoverClaims(analyze(runResult([measured("node", modelsOnly)])))).toEqual([]);
  });

  it("says how many tasks each size ran, and the headline's where it differs", () => {
    expect(claim.tasks).toEqual({ ladder: 2, headline: null });
  });
});

describe("the fastest column", () => {
  it("names the leader of each workload's sequential run only where every other was slower by the verdict rule", () => {
    const [entry] = fastestPerWorkload(analysis)!.entries;
    expect(entry).toMatchObject({ n: 1e8, paired: true, leader: { label: "bun" }, lowest: { label: "bun" } });
    expect(entry!.others).toEqual([{ column: expect.objectContaining({ label: "node" }), paired: true, comparison: expect.anything() }]);
  });

  it("states the same claim where two runs agree, whatever the figures, and a different one where a leader changed", () => {
    const slowerBun = runResult([measured("node", cells(100, 52, noisy(100), 80)), measured("bun", cells(70, 36, around(70), 7))]);
    const fastest = (claims: Claim[]) => claims.find((claim) => claim.kind === "fastest")!;
    expect(statedOf(fastest(summaryClaims(analyze(slowerBun))))).toBe(statedOf(fastest(summaryClaims(analysis))));
    const nodeLeads = runResult([measured("node", cells(50, 26, around(50), 5)), measured("bun", cells(60, 31, around(60), 6))]);
    expect(statedOf(fastest(summaryClaims(analyze(nodeLeads))))).not.toBe(statedOf(fastest(summaryClaims(analysis))));
  });
});

describe("a user's task", () => {
  it("is a ladder over the task's sizes per model, a model no column ran is its reasons, and the fastest per size", () => {
    const taskCell = (scenarioId: string, n: number, walls: number[], overrides = {}) =>
      userTaskCell(scenarioId, n, `${n} items`, walls, overrides);
    const own = (sequential: number) =>
      [10, 1000].flatMap((n) => [
        taskCell("cpu.sequential", n, around(sequential * n)),
        taskCell("cpu.worker-pool", n, around((sequential * n) / 1.9)),
        taskCell("cpu.async-main", n, [], { status: "n/a", reason: "t offers no form that yields" }),
      ]);
    const task = taskOf(analyze(runResult([measured("node", own(1)), measured("bun", own(2))])).tables)!;
    const claims = taskClaims(task);
    expect(claims.map(subjectOf)).toEqual(["task cpu.worker-pool", "task cpu.async-main", "fastest per size"]);
    const [pool, asyncMain] = claims as [LadderClaim, LadderClaim];
    expect(answers(pool)).toEqual([
      ["node", "yes"],
      ["bun", "yes"],
    ]);
    expect(asyncMain.outcomes).toEqual([]);
    // A column that misses only some sizes for a reason is said apart from the ones that miss every size.
    const bunRanOne = own(2).map((cell) =>
      cell.cellId === "cpu.async-main/user-task/n=1000" ? taskCell("cpu.async-main", 1000, around(1900)) : cell,
    );
    const partly = taskClaims(taskOf(analyze(runResult([measured("node", own(1)), measured("bun", bunRanOne)])).tables)!);
    const where = (claim: Claim) =>
      claim.kind === "ladder" ? claim.unavailable.map((one) => [one.columns.map((c) => c.label), one.sizes]) : null;
    expect(where(partly[1]!)).toEqual([
      [["node"], null],
      [["bun"], ["10 items"]],
    ]);
    expect(asyncMain.unavailable).toEqual([
      {
        readingName: "concurrent async tasks on one thread",
        word: "n/a",
        why: "t offers no form that yields",
        columns: [expect.objectContaining({ label: "node" }), expect.objectContaining({ label: "bun" })],
        sizes: null,
      },
    ]);
  });
});

describe("what a model claim's record is not", () => {
  it("is no sentence: its outcome is data, keyed by column, with no runtime name as a key", () => {
    const pool: ModelClaim = modelOf("cpu.worker-pool");
    expect(Object.keys(pool)).toEqual(["kind", "model", "baseline", "outcomes", "offload"]);
    expect(Object.keys(pool.outcomes[0]!)).toEqual(["column", "answer", "evidence"]);
    expect(pool.outcomes[0]!.column).toEqual({ label: "node", runtime: "node", role: "ranked" });
  });
});
