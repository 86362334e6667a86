/**
 * Slow spells of the whole machine, found from the runs themselves rather than from the per-core probe between rounds
 * (a spell shorter than a round slips past the probe): each run's time over its cell's median, and a block of a round
 * whose runs were together more than SLOW_SPELL_THRESHOLD slower than their medians. A block is runs side by side in
 * time, of several cells and runtimes, so a shared slowdown there is the machine's, not a model's.
 */
import type { RunResult } from "@runtime-bench/model/schema";
import { median } from "@runtime-bench/model/stats";

/** A block whose runs' median slowdown over their cells' medians is above this is a slow spell. */
export const SLOW_SPELL_THRESHOLD = 0.1;
/** Fewer runs than this in a block say too little about the machine (one noisy cell could fake a spell). */
const MIN_RUNS_IN_BLOCK = 4;
/** A cell needs this many runs for its median to be a reference. */
const MIN_RUNS_OF_CELL = 3;

export interface SlowSpell {
  round: number;
  block: string;
  /** When its first run started (ISO time). */
  at: string;
  runs: number;
  /** The median, over the block's runs, of run time / its cell's median time, less 1. */
  slowdown: number;
}

export function slowSpells(result: RunResult): { spells: SlowSpell[]; blocks: number } {
  const byBlock = new Map<string, { round: number; block: string; startedAtMs: number; ratios: number[] }>();
  for (const runtime of result.runtimes) {
    if (runtime.status !== "measured") continue;
    for (const cell of runtime.cells) {
      if (cell.status !== "ok" || cell.samples.length < MIN_RUNS_OF_CELL) continue;
      const typical = median(cell.samples.map((sample) => sample.wallMs));
      if (typical <= 0) continue;
      for (const sample of cell.samples) {
        const key = `${sample.round} ${sample.block}`;
        const entry = byBlock.get(key) ?? { round: sample.round, block: sample.block, startedAtMs: sample.startedAtMs, ratios: [] };
        entry.startedAtMs = Math.min(entry.startedAtMs, sample.startedAtMs);
        entry.ratios.push(sample.wallMs / typical);
        byBlock.set(key, entry);
      }
    }
  }
  const judged = [...byBlock.values()].filter((entry) => entry.ratios.length >= MIN_RUNS_IN_BLOCK);
  const spells = judged
    .map((entry) => ({
      round: entry.round,
      block: entry.block,
      at: new Date(entry.startedAtMs).toISOString().slice(11, 19),
      runs: entry.ratios.length,
      slowdown: median(entry.ratios) - 1,
    }))
    .filter((spell) => spell.slowdown > SLOW_SPELL_THRESHOLD)
    .sort((a, b) => a.round - b.round || a.at.localeCompare(b.at));
  return { spells, blocks: judged.length };
}
