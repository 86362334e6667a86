/**
 * A run against a baseline run (`--baseline DIR`): per runtime and cell both measured, this run's median time over
 * the baseline's, with a bootstrap interval. The two runs were measured at different times, so nothing pairs them
 * round by round: these comparisons are unpaired by design, and the interval is that of a ratio of two independent
 * medians (percentile bootstrap), wider than the report's paired ones. A change is called only by the project's verdict
 * rule (faster / slower, equivalent within ±5%, otherwise inconclusive); regressions first.
 */
import { labelOf } from "@runtime-bench/model/comparisons";
import type { CellResult, Machine, RunResult } from "@runtime-bench/model/schema";
import { compareSamples, median } from "@runtime-bench/model/stats";
import { type Verdict, verdictOf } from "@runtime-bench/model/verdict";

/** Fewer counted runs than this on either side give no interval worth a verdict. */
const MIN_RUNS = 3;

export interface CellChange {
  /** The runtime's label in both runs (its name unless a run labelled it). */
  runtime: string;
  cellId: string;
  baselineMs: number;
  currentMs: number;
  /** This run's median time over the baseline's: above 1, slower now. */
  timeRatio: number;
  ci95: [number, number];
  verdict: Verdict;
}

export interface RunComparison {
  changes: CellChange[];
  /** Cells in only one of the two runs, or without enough counted runs on one side. */
  unmatched: Array<{ runtime: string; cellId: string; why: string }>;
  /** Where the two machines differ (model, cores, memory, OS): a comparison across hardware says little. */
  machineDifferences: string[];
}

const VERDICT_ORDER: Record<Verdict, number> = { slower: 0, faster: 1, inconclusive: 2, equivalent: 3 };

export function compareRuns(current: RunResult, baseline: RunResult): RunComparison {
  const changes: CellChange[] = [];
  const unmatched: RunComparison["unmatched"] = [];
  for (const runtime of current.runtimes) {
    if (runtime.status !== "measured") continue;
    const label = labelOf(runtime);
    const before = baseline.runtimes.find((other) => labelOf(other) === label);
    for (const cell of runtime.cells) {
      const old = before?.status === "measured" ? before.cells.find((other) => other.cellId === cell.cellId) : undefined;
      const why = unmatchedWhy(cell, old);
      if (why) {
        unmatched.push({ runtime: label, cellId: cell.cellId, why });
        continue;
      }
      const now = cell.samples.map((sample) => sample.wallMs);
      const then = old!.samples.map((sample) => sample.wallMs);
      const { ratio, ci95 } = compareSamples(now, then);
      changes.push({
        runtime: label,
        cellId: cell.cellId,
        baselineMs: median(then),
        currentMs: median(now),
        timeRatio: ratio,
        ci95,
        verdict: verdictOf(ratio, ci95),
      });
    }
  }
  // Regressions first, the largest first; then improvements; then what did not change.
  changes.sort(
    (a, b) => VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] || Math.abs(Math.log(b.timeRatio)) - Math.abs(Math.log(a.timeRatio)),
  );
  return { changes, unmatched, machineDifferences: machineDifferences(current.machine, baseline.machine) };
}

function unmatchedWhy(cell: CellResult, old: CellResult | undefined): string | null {
  if (!old) return "not in the baseline run";
  if (cell.samples.length < MIN_RUNS || old.samples.length < MIN_RUNS)
    return `too few counted runs to compare (${cell.samples.length} now, ${old.samples.length} in the baseline)`;
  return null;
}

function machineDifferences(now: Machine, then: Machine): string[] {
  const facts: Array<[string, string | number, string | number]> = [
    ["CPU", now.cpuModel, then.cpuModel],
    ["cores", now.cores, then.cores],
    ["available parallelism", now.availableParallelism, then.availableParallelism],
    ["memory (GiB)", Math.round(now.memoryBytes / 2 ** 30), Math.round(then.memoryBytes / 2 ** 30)],
    ["OS", now.os, then.os],
    ["arch", now.arch, then.arch],
  ];
  return facts.filter(([, a, b]) => a !== b).map(([what, a, b]) => `${what}: ${a} now, ${b} in the baseline`);
}
