/**
 * Where the rounds go and when they stop, and what that rule does to the verdicts: optional stopping inflates
 * false verdicts, so the rule is run on simulated rounds with a known answer, their noise resampled from a real
 * run's per-round ratios (fixtures/committed-run-log-ratios.json: every headline comparison of the committed run of
 * 8d4c826, slow-core rounds included).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "@runtime-bench/model/cli/repo";
import type { RuntimeCells } from "@runtime-bench/model/comparisons";
import { isLookRound } from "@runtime-bench/model/looks";
import type { CellResult } from "@runtime-bench/model/schema";
import { mean, median, normalCdf, quantile, seededRandom, standardDeviation } from "@runtime-bench/model/stats";
import { getProfile, loadSuite } from "@runtime-bench/model/suite";
import type { Verdict } from "@runtime-bench/model/verdict";
import { describe, expect, it } from "vitest";
import { cellWithRuns } from "../../model/test/cell-fixture.ts";
import { openWork, type RoundsSoFar, runKey, stopReason } from "../src/stopping-rule.ts";

/** A cell compared with its baseline only (not across runtimes): one comparison per pair of cells here. */
const cell = (cellId: string, baseline: string | null, walls: readonly number[]): CellResult =>
  cellWithRuns(cellId, walls, { baseline, comparedAcrossRuntimes: false });

describe("what the next round measures", () => {
  const clear = [50, 51, 49, 50, 52, 50];
  const unclear = [60, 140, 70, 130, 100, 95];
  const sequential = [100, 100, 100, 100, 100, 100];

  it("every cell until it has the minimum of rounds, settled or not", () => {
    const runtimes: RuntimeCells[] = [{ name: "node", cells: [cell("seq", null, sequential), cell("pool", "seq", clear)] }];
    expect([...openWork(runtimes, 7).active].sort()).toEqual([runKey("node", "pool"), runKey("node", "seq")]);
  });

  it("after the minimum, only the cells of comparisons still open: a settled comparison stops being measured", () => {
    const runtimes: RuntimeCells[] = [
      { name: "node", cells: [cell("seq", null, sequential), cell("pool", "seq", clear), cell("async", "seq", unclear)] },
      { name: "bun", cells: [cell("seq", null, sequential), cell("pool", "seq", clear)] },
    ];
    const work = openWork(runtimes, 6);
    expect(work.comparisons).toHaveLength(3);
    expect(work.open).toHaveLength(1);
    expect([...work.active].sort()).toEqual([runKey("node", "async"), runKey("node", "seq")]);
  });

  it("no longer measures a failed cell", () => {
    const failed = { ...cell("async", "seq", unclear), status: "failed" as const };
    const runtimes: RuntimeCells[] = [{ name: "node", cells: [cell("seq", null, sequential), failed] }];
    expect([...openWork(runtimes, 6).active]).toEqual([]);
  });
});

describe("the stopping rule", () => {
  it("looks at the comparisons after the minimum of rounds, then at rounds each a third further on", () => {
    expect(Array.from({ length: 70 }, (_, round) => round).filter((round) => isLookRound(round, 6))).toEqual([
      6, 8, 11, 15, 20, 27, 36, 48, 64,
    ]);
  });

  const state = (change: Partial<RoundsSoFar>): RoundsSoFar => ({
    counted: 8,
    maxRounds: 60,
    nextRuns: 10,
    nextRoundMs: 20_000,
    elapsedMs: 60_000,
    budgetMs: 780_000,
    ...change,
  });

  it("stops once nothing is left to measure", () => expect(stopReason(state({ nextRuns: 0, nextRoundMs: 0 }))).toBe("settled"));
  it("goes on while something is open and the next round fits", () => expect(stopReason(state({}))).toBeNull());
  it("stops when the next round would not fit in the budget", () => {
    expect(stopReason(state({ elapsedMs: 770_000 }))).toBe("budget");
    expect(stopReason(state({ counted: 2, elapsedMs: 770_000 }))).toBe("budget");
  });
  it("stops at the maximum number of rounds", () => expect(stopReason(state({ counted: 60 }))).toBe("max-rounds"));
});

/** Per-round log ratios of every headline comparison of a real run. */
const committed: Array<{ comparison: string; logRatios: number[] }> = JSON.parse(
  readFileSync(join(import.meta.dirname, "fixtures/committed-run-log-ratios.json"), "utf8"),
).comparisons;

/**
 * A smoothed bootstrap of a comparison's noise, centred on no difference: one of its per-round log ratios, plus a
 * normal jitter of Silverman's bandwidth, less the median of that mixture (found by bisection), so the simulated
 * truth is exactly 1.0. Resampling five values as they are would repeat them exactly, and repeated values look like
 * clusters no real run has; the jitter widens the noise a little, which makes the checks below harder, not easier.
 */
function noiseSampler(logRatios: readonly number[], random: () => number): () => number {
  const sorted = [...logRatios].sort((a, b) => a - b);
  const sd = standardDeviation(logRatios);
  const bandwidth = 0.9 * (Math.min(sd, (quantile(sorted, 0.75) - quantile(sorted, 0.25)) / 1.34) || sd) * logRatios.length ** -0.2;
  const mixtureCdf = (x: number) =>
    mean(logRatios.map((value) => (bandwidth > 0 ? normalCdf((x - value) / bandwidth) : x >= value ? 1 : 0)));
  let [low, high] = [-10, 10];
  for (let step = 0; step < 100; step++)
    [low, high] = mixtureCdf((low + high) / 2) < 0.5 ? [(low + high) / 2, high] : [low, (low + high) / 2];
  const centre = bandwidth > 0 ? (low + high) / 2 : median(logRatios);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return () => logRatios[Math.floor(random() * logRatios.length)]! - centre + bandwidth * normal();
}

/**
 * One simulated comparison measured under the launcher's rules: each round draws a per-round ratio from the noise
 * (times the true ratio), and below the minimum and at every look openWork decides, as it does in a run, whether the
 * two cells are measured again; at `maxRounds` the comparison stops wherever it stands. Returns its final verdict.
 */
function simulate(draw: () => number, trueRatio: number, maxRounds: number, minRounds: number): Verdict {
  const baseline: number[] = [];
  const model: number[] = [];
  for (let round = 1; round <= maxRounds; round++) {
    baseline.push(100);
    model.push(100 * trueRatio * Math.exp(draw()));
    if (round >= minRounds && !isLookRound(round, minRounds)) continue;
    const runtimes: RuntimeCells[] = [{ name: "node", cells: [cell("seq", null, baseline), cell("model", "seq", model)] }];
    const work = openWork(runtimes, minRounds);
    if (work.active.size === 0) return work.comparisons[0]!.comparison!.verdict;
  }
  const runtimes: RuntimeCells[] = [{ name: "node", cells: [cell("seq", null, baseline), cell("model", "seq", model)] }];
  return openWork(runtimes, minRounds).comparisons[0]!.comparison!.verdict;
}

/** Share of simulated runs ending in each verdict, over every committed comparison's noise, centred on no difference. */
function verdictRates(trueRatio: number, maxRounds: number, minRounds: number, runsPerComparison: number) {
  const random = seededRandom(2013);
  const counts: Record<Verdict, number> = { faster: 0, slower: 0, equivalent: 0, inconclusive: 0 };
  for (const { logRatios } of committed) {
    const draw = noiseSampler(logRatios, random);
    for (let run = 0; run < runsPerComparison; run++) counts[simulate(draw, trueRatio, maxRounds, minRounds)]++;
  }
  const total = committed.length * runsPerComparison;
  return Object.fromEntries(Object.entries(counts).map(([verdict, count]) => [verdict, count / total])) as Record<Verdict, number>;
}

describe("the stopping rule with the verdict rule, on simulated rounds with a known answer", () => {
  const main = getProfile(loadSuite(join(repoRoot, "benchmarks/suite.json")), "main");
  // The most rounds the main profile allows (more looks, more chances of a false verdict) ...
  const mostRounds = main.rounds.max;
  // ... and the fewest a still-open comparison gets within its budget: 13 minutes over ~75 s for a round in which
  // nothing has settled yet (its first rounds on this 2-core machine), so a true difference must show by then.
  const fewestRounds = Math.floor((main.precision.budgetMinutes * 60) / 75);

  it("uses the committed run's noise, as wide as it was", () => {
    expect(committed.length).toBeGreaterThan(90);
    const spreads = committed.map(({ logRatios }) => Math.max(...logRatios) - Math.min(...logRatios));
    expect(Math.max(...spreads)).toBeGreaterThan(Math.log(1.5)); // rounds up to 1.5x apart and more
    expect(fewestRounds).toBeGreaterThanOrEqual(main.rounds.min);
  });

  it("calls a true difference of 0 faster or slower in at most 5% of simulated runs", () => {
    const rates = verdictRates(1, mostRounds, main.rounds.min, 30);
    expect(rates.faster + rates.slower).toBeLessThanOrEqual(0.05);
  });

  it("calls a true 1.5x difference faster in at least 95% of simulated runs", () => {
    const rates = verdictRates(1 / 1.5, fewestRounds, main.rounds.min, 30);
    expect(rates.faster).toBeGreaterThanOrEqual(0.95);
    expect(rates.slower).toBe(0);
  });
});
