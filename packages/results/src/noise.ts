/**
 * Noise guards: which cells and runs the report flags, and why. Thresholds live here, in one place.
 */
import type { RunResult } from "@runtime-bench/harness/schema";
import { isMeasured, type CellTable } from "./analyze.ts";
import { percent } from "./format.ts";

/** Runs of one cell that vary more than this (coefficient of variation) make its median less certain. */
export const CV_FLAG_THRESHOLD = 0.1;
/** A machine-speed probe that changed more than this between start and end of a run. */
export const DRIFT_FLAG_THRESHOLD = 0.05;
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
