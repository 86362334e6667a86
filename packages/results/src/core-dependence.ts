/**
 * Whether a single-threaded run's time depended on the core it ran on. The meter reads the core the main thread is
 * on at the start gate and at every memory poll (schema: mainThreadCores); a run is placed on the core it was seen on
 * most. Where the runs on one core took clearly longer than the runs on another, a slow core (or, on a laptop, an
 * efficiency core) is what the spread measured, not the model.
 */
import type { CellResult } from "@runtime-bench/model/schema";
import { median } from "@runtime-bench/model/stats";

/** Medians per core further apart than this are flagged. */
export const CORE_DEPENDENCE_THRESHOLD = 0.1;
/** Each core compared needs at least this many runs. */
const MIN_RUNS_PER_CORE = 2;

export interface CoreDependence {
  perCore: Array<{ core: number; runs: number; medianMs: number }>;
  /** Slowest core's median over the fastest's, less 1. */
  spread: number;
}

/** The core a run's main thread was seen on most, or null where it was never read. */
export function mainCoreOf(cores: readonly number[]): number | null {
  const counts = new Map<number, number>();
  for (const core of cores) counts.set(core, (counts.get(core) ?? 0) + 1);
  let best: number | null = null;
  for (const [core, count] of counts) if (best === null || count > counts.get(best)!) best = core;
  return best;
}

/** For a cell whose work runs on one thread (parallelism 1): its runs' median per core, where they differ. */
export function coreDependence(cell: CellResult): CoreDependence | null {
  if (cell.parallelism !== 1 || cell.kind !== "cpu") return null;
  const byCore = new Map<number, number[]>();
  for (const sample of cell.samples) {
    const core = mainCoreOf(sample.mainThreadCores);
    if (core !== null) byCore.set(core, [...(byCore.get(core) ?? []), sample.wallMs]);
  }
  const perCore = [...byCore.entries()]
    .filter(([, walls]) => walls.length >= MIN_RUNS_PER_CORE)
    .map(([core, walls]) => ({ core, runs: walls.length, medianMs: median(walls) }))
    .sort((a, b) => a.core - b.core);
  if (perCore.length < 2) return null;
  const medians = perCore.map((one) => one.medianMs);
  const spread = Math.max(...medians) / Math.min(...medians) - 1;
  return spread > CORE_DEPENDENCE_THRESHOLD ? { perCore, spread } : null;
}
