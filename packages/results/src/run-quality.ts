/**
 * How well this run settled its questions and what it cost: how many comparisons settled, in how many rounds, which
 * did not and why; how far apart the two runs of a pair really were; what launching, setting up and tearing down a
 * run cost per runtime beyond its timed part; and whether the first round ran slower than the rest (which a warm-up
 * round would have hidden). The report's method section and summary both read it.
 */
import type { Comparison } from "@runtime-bench/model/comparisons";
import type { RunResult } from "@runtime-bench/model/schema";
import { MIN_RUNS_FOR_INTERVAL, median } from "@runtime-bench/model/stats";
import { EFFECT_THRESHOLD, isSettled, VERDICTS, type Verdict } from "@runtime-bench/model/verdict";
import type { Analysis } from "./analyze.ts";
import type { Column } from "./column.ts";
import { percent } from "./format.ts";

export interface Settlement {
  comparisons: readonly Comparison[];
  byVerdict: Record<Verdict, number>;
  /** Rounds behind each comparison: the fewest, the median and the most. */
  pairs: { min: number; median: number; max: number } | null;
  /** The comparisons that did not settle, each with why. */
  open: Array<{ comparison: Comparison; why: string }>;
}

export function settlement({ comparisons }: Analysis): Settlement {
  const byVerdict = Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as Record<Verdict, number>;
  for (const comparison of comparisons) byVerdict[comparison.comparison?.verdict ?? "inconclusive"]++;
  const counts = comparisons.flatMap((comparison) => (comparison.comparison ? [comparison.comparison.pairs] : []));
  return {
    comparisons,
    byVerdict,
    pairs: counts.length > 0 ? { min: Math.min(...counts), median: median(counts), max: Math.max(...counts) } : null,
    open: comparisons
      .filter((comparison) => !isSettled(comparison.comparison?.verdict ?? "inconclusive"))
      .map((comparison) => ({ comparison, why: whyOpen(comparison) })),
  };
}

function whyOpen({ comparison }: Comparison): string {
  if (!comparison) return "no round with both runs";
  if (comparison.split)
    return `its per-round ratios split into two clusters (${comparison.split.lower} and ${comparison.split.upper} rounds)`;
  if (!comparison.ci95) return `${comparison.pairs} rounds, fewer than the ${MIN_RUNS_FOR_INTERVAL} an interval needs`;
  return `its interval reaches both sides of a line (1.0, or ±${percent(EFFECT_THRESHOLD)})`;
}

export interface PairGaps {
  /** The largest gap the round order allows (run.json's order.maxPairGapRuns). */
  allowedRuns: number;
  medianRuns: number;
  maxRuns: number;
  medianSeconds: number;
  maxSeconds: number;
}

/** Over every pair of every comparison: the median of the comparisons' median gaps, and the largest gap of any pair. */
export function pairGaps(result: RunResult, comparisons: readonly Comparison[]): PairGaps | null {
  const gaps = comparisons.flatMap((comparison) => (comparison.comparison ? [comparison.comparison.gap] : []));
  if (gaps.length === 0) return null;
  return {
    allowedRuns: result.run.order.maxPairGapRuns,
    medianRuns: median(gaps.map((gap) => gap.medianRuns)),
    maxRuns: Math.max(...gaps.map((gap) => gap.maxRuns)),
    medianSeconds: median(gaps.map((gap) => gap.medianSeconds)),
    maxSeconds: Math.max(...gaps.map((gap) => gap.maxSeconds)),
  };
}

export interface RunCost {
  column: Column;
  runs: number;
  /** Median over runs of (process start to exit) less the timed part: launching, setting up, warming up, tearing down. */
  overheadMs: number;
  /** Median over runs of the timed part. */
  timedMs: number;
  /** The first round's runs over their cells' medians (median over cells), or null with too few rounds. */
  firstRound: number | null;
}

/** Per column: what a run cost beyond its timed part, and whether the first round was slower than the rest. */
export function runCosts({ runs }: Analysis): RunCost[] {
  return runs.flatMap(({ column, run }) => {
    if (run.status !== "measured") return [];
    const cells = run.cells.filter((cell) => cell.status === "ok" && cell.samples.length > 0);
    const samples = cells.flatMap((cell) => cell.samples);
    if (samples.length === 0) return [];
    const firstRound = Math.min(...samples.map((sample) => sample.round));
    const firstRatios = cells.flatMap((cell) => {
      const first = cell.samples.find((sample) => sample.round === firstRound);
      const rest = cell.samples.filter((sample) => sample !== first);
      return first && rest.length >= MIN_RUNS_FOR_INTERVAL - 1 ? [first.wallMs / median(rest.map((sample) => sample.wallMs))] : [];
    });
    return [
      {
        column,
        runs: samples.length,
        overheadMs: median(samples.map((sample) => sample.endedAtMs - sample.startedAtMs - sample.wallMs)),
        timedMs: median(samples.map((sample) => sample.wallMs)),
        firstRound: firstRatios.length > 0 ? median(firstRatios) : null,
      },
    ];
  });
}

/** A smoke run (the quick profile) has fewer rounds than any interval needs: it verifies, and says nothing more. */
export const isSmokeRun = (result: RunResult): boolean => result.run.precision.minRounds < MIN_RUNS_FOR_INTERVAL;
