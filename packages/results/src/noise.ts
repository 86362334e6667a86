/**
 * Noise guards: which cells and runs the report flags, and why. Thresholds live here, in one place.
 */
import type { CoreSpeeds, RunResult } from "@runtime-bench/harness/schema";
import { isMeasured, type CellTable } from "./analyze.ts";
import { percent } from "./format.ts";

/** Runs of one cell that vary more than this (coefficient of variation) make its median less certain. */
export const CV_FLAG_THRESHOLD = 0.1;
/** A machine-speed probe that changed more than this between start and end of a run. */
export const DRIFT_FLAG_THRESHOLD = 0.05;
/** The probe on the slowest core taking this much longer than on the fastest. */
export const CORE_SPREAD_FLAG_THRESHOLD = 0.1;
/** Efficiency above this beats the physical limit: the baseline, not the model, is what moved. */
export const IMPOSSIBLE_EFFICIENCY = 1.05;

export function noiseWarnings(results: readonly RunResult[], tables: readonly CellTable[]): string[] {
  const warnings: string[] = [];
  for (const result of results) {
    const { drift, startMs, endMs } = result.run.speedProbe;
    if (Math.abs(drift) > DRIFT_FLAG_THRESHOLD) {
      warnings.push(
        `${result.runtime.runtime}: the machine-speed probe drifted ${percent(drift)} during the run (${startMs.toFixed(1)} ms at start, ` +
          `${endMs.toFixed(1)} ms at end; flag above ${percent(DRIFT_FLAG_THRESHOLD)}): the machine's speed changed, compare its cells with care.`,
      );
    }
  }
  for (const result of results) warnings.push(...coreWarnings(result));
  for (const table of tables) {
    for (const row of table.rows.filter(isMeasured)) {
      if (row.efficiency !== null && row.efficiency > IMPOSSIBLE_EFFICIENCY) {
        warnings.push(
          `${row.runtime} ${table.cellId}: ${percent(row.efficiency)} of the ideal is beyond the physical limit; ` +
            `its baseline (the sequential run, or the ideal time) was slower in this run than this cell's conditions, so its speed-up overstates.`,
        );
      }
      if (row.wall.cv > CV_FLAG_THRESHOLD) {
        warnings.push(
          `${row.runtime} ${table.cellId}: runs vary by ${percent(row.wall.cv)} (CV; flag above ${percent(CV_FLAG_THRESHOLD)}), ` +
            `from ${row.wall.min.toFixed(1)} to ${row.wall.max.toFixed(1)} ms: trust its interval, not its median alone.`,
        );
      }
    }
  }
  return warnings;
}

/** How much longer the probe took on the slowest core than on the fastest, or null without per-core readings. */
export function coreSpread(speeds: CoreSpeeds | undefined): { spread: number; slowestCore: number; fastestCore: number } | null {
  if (!speeds || !("ms" in speeds) || speeds.ms.length < 2) return null;
  const slowest = speeds.ms.indexOf(Math.max(...speeds.ms));
  const fastest = speeds.ms.indexOf(Math.min(...speeds.ms));
  const coreAt = (index: number) => speeds.cores?.[index] ?? index;
  return { spread: speeds.ms[slowest]! / speeds.ms[fastest]! - 1, slowestCore: coreAt(slowest), fastestCore: coreAt(fastest) };
}

/** Rounds after which one core was more than the threshold slower than another, of the rounds probed. */
export function unevenRounds(result: RunResult): { uneven: number; probed: number; worst: number } | null {
  const spreads = (result.run.speedProbe.perCore?.afterEachRound ?? []).map((speeds) => coreSpread(speeds)?.spread ?? null);
  const probed = spreads.filter((spread) => spread !== null);
  if (probed.length === 0) return null;
  return { uneven: probed.filter((spread) => spread > CORE_SPREAD_FLAG_THRESHOLD).length, probed: probed.length, worst: Math.max(...probed) };
}

/** One core more than the threshold slower than another in this reading. */
export const isUneven = (speeds: CoreSpeeds): boolean => (coreSpread(speeds)?.spread ?? 0) > CORE_SPREAD_FLAG_THRESHOLD;

function coreWarnings(result: RunResult): string[] {
  const perCore = result.run.speedProbe.perCore;
  if (!perCore) return [];
  const rounds = unevenRounds(result);
  const duringRounds =
    rounds && rounds.uneven > 0
      ? [
          `${result.runtime.runtime}: after ${rounds.uneven} of ${rounds.probed} rounds the probe ran more than ${percent(CORE_SPREAD_FLAG_THRESHOLD)} ` +
            `slower on one core than on another (at worst ${percent(rounds.worst)}): the runs of those rounds met a slow core.`,
        ]
      : [];
  return (["start", "end"] as const).flatMap((moment) => {
    const uneven = coreSpread(perCore[moment]);
    if (!uneven || uneven.spread <= CORE_SPREAD_FLAG_THRESHOLD) return [];
    return [
      `${result.runtime.runtime}: at the ${moment} of the run the probe took ${percent(uneven.spread)} longer on core ${uneven.slowestCore} than on ` +
        `core ${uneven.fastestCore} (flag above ${percent(CORE_SPREAD_FLAG_THRESHOLD)}): while one core is slow, a single-threaded cell's time ` +
        `depends on the core it lands on and a pool is held back by the slower core, so its speed-up falls short of the ideal.`,
    ];
  }).concat(duringRounds);
}
