/**
 * Noise guards: what the report flags, as values (each check returns data; `describeWarning` words it), with
 * every threshold here, beside its check.
 */
import type { CoreSpeeds, RunResult } from "@runtime-bench/harness/schema";
import { type CellTable, isMeasured } from "./analyze.ts";
import { percent } from "./format.ts";

/** Runs of one cell that vary more than this (coefficient of variation) make its median less certain. */
export const CV_FLAG_THRESHOLD = 0.1;
/** The probe on the slowest core taking this much longer than on the fastest, in the same reading. */
export const CORE_SPREAD_FLAG_THRESHOLD = 0.1;
/** Every core's probe taking this much longer than the fastest reading of the whole run. */
export const MACHINE_SLOW_FLAG_THRESHOLD = 0.1;
/** Efficiency above this beats the physical limit: the baseline, not the model, is what moved. */
export const IMPOSSIBLE_EFFICIENCY = 1.05;

export type Warning =
  | { kind: "noisy-cell"; runtime: string; cellId: string; cv: number; minMs: number; maxMs: number }
  | { kind: "uneven-cores-at-start"; spread: number; slowestCore: number; fastestCore: number }
  | { kind: "uneven-cores"; rounds: number; probed: number; worst: number }
  | { kind: "machine-slow"; rounds: number[]; probed: number; worst: number }
  | { kind: "beyond-limit"; runtime: string; cellId: string; efficiency: number };

export function noiseWarnings(result: RunResult, tables: readonly CellTable[]): Warning[] {
  const warnings: Warning[] = [];
  const { start, afterEachRound } = result.run.coreProbe;
  const atStart = coreSpread(start);
  if (atStart && atStart.spread > CORE_SPREAD_FLAG_THRESHOLD) warnings.push({ kind: "uneven-cores-at-start", ...atStart });
  const uneven = unevenRounds(afterEachRound);
  if (uneven && uneven.rounds > 0) warnings.push({ kind: "uneven-cores", ...uneven });
  const slow = machineSlowRounds(start, afterEachRound);
  if (slow && slow.rounds.length > 0) warnings.push({ kind: "machine-slow", ...slow });
  for (const table of tables) {
    for (const row of table.rows.filter(isMeasured)) {
      if (row.efficiency !== null && row.efficiency > IMPOSSIBLE_EFFICIENCY) {
        warnings.push({ kind: "beyond-limit", runtime: row.runtime, cellId: table.cellId, efficiency: row.efficiency });
      }
      if (row.wall.cv > CV_FLAG_THRESHOLD) {
        warnings.push({
          kind: "noisy-cell",
          runtime: row.runtime,
          cellId: table.cellId,
          cv: row.wall.cv,
          minMs: row.wall.min,
          maxMs: row.wall.max,
        });
      }
    }
  }
  return warnings;
}

export function describeWarning(warning: Warning): string {
  switch (warning.kind) {
    case "noisy-cell":
      return (
        `${warning.runtime} ${warning.cellId}: runs vary by ${percent(warning.cv)} (CV; flag above ${percent(CV_FLAG_THRESHOLD)}), ` +
        `from ${warning.minMs.toFixed(1)} to ${warning.maxMs.toFixed(1)} ms: trust its interval, not its median alone.`
      );
    case "uneven-cores-at-start":
      return (
        `at the start of the run the probe took ${percent(warning.spread)} longer on core ${warning.slowestCore} than on core ${warning.fastestCore} ` +
        `(flag above ${percent(CORE_SPREAD_FLAG_THRESHOLD)}).`
      );
    case "uneven-cores":
      return (
        `after ${warning.rounds} of ${warning.probed} rounds the probe ran more than ${percent(CORE_SPREAD_FLAG_THRESHOLD)} slower on one core ` +
        `than on another (at worst ${percent(warning.worst)}): while one core is slow, a single-threaded run's time depends on the core it ` +
        `lands on and a pool is held back by the slower core. Pairing by round does not cancel this; the intervals carry it.`
      );
    case "machine-slow":
      return (
        `in ${warning.rounds.length} of ${warning.probed} rounds (${warning.rounds.map((round) => round + 1).join(", ")}) every core ran the probe more than ` +
        `${percent(MACHINE_SLOW_FLAG_THRESHOLD)} slower than the fastest reading of the run (at worst ${percent(warning.worst)}): the whole ` +
        `machine slowed down. Ratios pair runs of the same round, so such a round slows both sides of each pair.`
      );
    case "beyond-limit":
      return (
        `${warning.runtime} ${warning.cellId}: ${percent(warning.efficiency)} of the ideal is beyond the physical limit; its baseline ` +
        `(the sequential run, or the ideal time) was slower than this cell's conditions, so its speed-up overstates.`
      );
  }
}

/** How much longer the probe took on the slowest core than on the fastest, or null without per-core readings. */
export function coreSpread(speeds: CoreSpeeds | undefined): { spread: number; slowestCore: number; fastestCore: number } | null {
  if (!speeds || !("ms" in speeds) || speeds.ms.length < 2) return null;
  const slowest = speeds.ms.indexOf(Math.max(...speeds.ms));
  const fastest = speeds.ms.indexOf(Math.min(...speeds.ms));
  return {
    spread: speeds.ms[slowest]! / speeds.ms[fastest]! - 1,
    slowestCore: speeds.cores[slowest]!,
    fastestCore: speeds.cores[fastest]!,
  };
}

/** Rounds after which one core was more than the threshold slower than another, of the rounds probed. */
export function unevenRounds(readings: readonly CoreSpeeds[]): { rounds: number; probed: number; worst: number } | null {
  const spreads = readings.flatMap((speeds) => {
    const spread = coreSpread(speeds)?.spread;
    return spread === undefined ? [] : [spread];
  });
  if (spreads.length === 0) return null;
  return {
    rounds: spreads.filter((spread) => spread > CORE_SPREAD_FLAG_THRESHOLD).length,
    probed: spreads.length,
    worst: Math.max(...spreads),
  };
}

/**
 * Rounds (0-based) after which even the fastest core ran the probe more than the threshold slower than the
 * fastest reading of the whole run (start included): every core was slow at once.
 */
export function machineSlowRounds(
  start: CoreSpeeds,
  readings: readonly CoreSpeeds[],
): { rounds: number[]; probed: number; worst: number } | null {
  const fastestCoreOf = (speeds: CoreSpeeds) => ("ms" in speeds && speeds.ms.length > 0 ? Math.min(...speeds.ms) : null);
  const perRound = readings.map(fastestCoreOf);
  const probed = perRound.filter((ms): ms is number => ms !== null);
  if (probed.length === 0) return null;
  const fastestOfRun = Math.min(...probed, fastestCoreOf(start) ?? Number.POSITIVE_INFINITY);
  const slowdowns = perRound.map((ms) => (ms === null ? null : ms / fastestOfRun - 1));
  const rounds = slowdowns.flatMap((slowdown, round) => (slowdown !== null && slowdown > MACHINE_SLOW_FLAG_THRESHOLD ? [round] : []));
  return { rounds, probed: probed.length, worst: Math.max(...probed) / fastestOfRun - 1 };
}
