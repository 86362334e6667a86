/**
 * The order of one round. A round is a sequence of blocks, one per comparison group: a baseline with the cells
 * compared with it (its models at one size, and any cell compared with those), across the runtimes under test for
 * headline cells (which are also compared runtime against runtime), or in one runtime for every other group and
 * for each Python reference. The blocks run in a shuffled order, so the two runs any ratio pairs sit side by side:
 * at most MAX_PAIR_GAP_RUNS runs apart, seconds rather than minutes.
 *
 * Inside a block the runs are arranged, not just shuffled, because the machine's speed moves within seconds: in
 * the runs of this 2-core machine a pair's ratio strayed from its median by ~2% when its runs were 1-2 runs apart
 * and by ~5-6% when they were 6-17 apart. So each cell's runtimes run back to back (a runtime-vs-runtime pair is at
 * most 2 runs apart in a block of 3 runtimes), and the cells are laid out centre-out from the most compared one (a
 * baseline sits in the middle of its models, which stand 1, 1, 2, 2, 3 cells from it). Which model stands where, the
 * order of the runtimes in each cell, and the order of the blocks are drawn afresh each round, so no runtime or cell
 * always runs first or after the same neighbour (Node's benchmark/compare.js alternates the binaries it compares for
 * the same reason). The order follows from the seed and the round number alone, so a recorded seed reproduces it.
 */
import { seededRandom } from "@runtime-bench/model/stats";

/**
 * The largest gap, in runs, between the two runs of any pair a comparison makes (1: back to back). A block holds
 * at most MAX_PAIR_GAP_RUNS + 1 runs; a profile whose cells would need a larger block is refused before anything
 * runs. 17 fits the largest block of the suite's profiles: the 6 headline CPU models at one size on 3 runtimes.
 */
export const MAX_PAIR_GAP_RUNS = 17;

export interface PlannedRun<R extends string> {
  cellIndex: number;
  runtime: R;
}

export interface Block<R extends string> {
  /** "cpu.sequential/n=3e8 @ node+bun+deno": the group's first cell and the runtimes the block measures. */
  key: string;
  runs: PlannedRun<R>[];
  /** The pairs of cells (indices) compared with each other, which the arrangement keeps close. */
  links: Array<[number, number]>;
}

/** What the planner needs to know of a cell: how it is compared. */
export interface BlockCell {
  cellId: string;
  group: string;
  baseline: string | null;
  /** Another cell of the same runtime it is compared with besides its baseline (native work against plain JavaScript). */
  pairedWith?: string | null;
}

export class BlockPlanError extends Error {
  override name = "BlockPlanError";
}

/**
 * The blocks of a run. `ranked`: the runtimes under test, measured together in headline blocks; `others`: the
 * references, each in blocks of its own. `applicable` leaves out runs that are n/a before any process starts.
 */
export function planBlocks<R extends string>(
  cells: readonly BlockCell[],
  runtimes: { ranked: readonly R[]; others: readonly R[] },
  applicable: (runtime: R, cell: BlockCell) => boolean = () => true,
): Block<R>[] {
  const blocks: Block<R>[] = [];
  const indexOf = new Map(cells.map((cell, index) => [cell.cellId, index]));
  for (const members of comparisonGroups(cells)) {
    const links = members.flatMap((index) =>
      [cells[index]!.baseline, cells[index]!.pairedWith].flatMap((other): Array<[number, number]> => {
        const linked = other ? indexOf.get(other) : undefined;
        return linked === undefined ? [] : [[index, linked]];
      }),
    );
    const first = cells[members[0]!]!;
    const together = members.some((index) => cells[index]!.group === "headline");
    const runtimeSets = together
      ? [runtimes.ranked, ...runtimes.others.map((runtime) => [runtime])]
      : [...runtimes.ranked, ...runtimes.others].map((runtime) => [runtime]);
    for (const set of runtimeSets) {
      const runs = set.flatMap((runtime) =>
        members.filter((index) => applicable(runtime, cells[index]!)).map((cellIndex) => ({ cellIndex, runtime })),
      );
      if (runs.length === 0) continue;
      const key = `${first.cellId} @ ${set.join("+")}`;
      if (runs.length > MAX_PAIR_GAP_RUNS + 1) {
        throw new BlockPlanError(
          `the cells compared with ${first.cellId} make a block of ${runs.length} runs on ${set.join(", ")}, more than ` +
            `${MAX_PAIR_GAP_RUNS + 1}: a pair could sit more than ${MAX_PAIR_GAP_RUNS} runs apart; measure fewer of them in this profile`,
        );
      }
      blocks.push({ key, runs, links });
    }
  }
  return blocks;
}

/** Cell indices grouped by comparison: cells linked by a baseline or a pairing, transitively, in suite order. */
function comparisonGroups(cells: readonly BlockCell[]): number[][] {
  const parent = cells.map((_, index) => index);
  const find = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]!]!;
    return index;
  };
  const indexOf = new Map(cells.map((cell, index) => [cell.cellId, index]));
  cells.forEach((cell, index) => {
    for (const linked of [cell.baseline, cell.pairedWith]) {
      const other = linked ? indexOf.get(linked) : undefined;
      if (other !== undefined) parent[find(index)] = find(other);
    }
  });
  const groups = new Map<number, number[]>();
  cells.forEach((_, index) => {
    const root = find(index);
    groups.set(root, [...(groups.get(root) ?? []), index]);
  });
  return [...groups.values()];
}

export interface Slot<R extends string> extends PlannedRun<R> {
  /** The key of the block it runs in. */
  block: string;
}

/**
 * One round's order: the blocks shuffled, each block arranged (its cells centre-out, each cell's runtimes back to
 * back in a shuffled order), and then only the runs still `active` (settled comparisons no longer cost a run).
 * Removing runs only brings the others closer together.
 */
export function roundOrder<R extends string>(
  seed: number,
  round: number,
  blocks: readonly Block<R>[],
  active: (run: PlannedRun<R>) => boolean = () => true,
): Slot<R>[] {
  const random = seededRandom(roundSeed(seed, round));
  return shuffle([...blocks], random).flatMap((block) =>
    arrangeCells(block, random).flatMap((cellIndex) =>
      shuffle(
        block.runs.filter((run) => run.cellIndex === cellIndex),
        random,
      )
        .filter(active)
        .map((run) => ({ ...run, block: block.key })),
    ),
  );
}

/**
 * The block's cells centre-out: the most linked cell (a baseline) first in the middle, then the cells in
 * breadth-first order from it (neighbours in a random order), placed right, left, right, ... of the middle, so the
 * cells compared with each other stand as close as a line allows.
 */
function arrangeCells<R extends string>(block: Block<R>, random: () => number): number[] {
  const cells = [...new Set(block.runs.map((run) => run.cellIndex))];
  const neighbours = new Map(cells.map((cell) => [cell, [] as number[]]));
  for (const [a, b] of block.links) {
    // A cell a runtime cannot run (a reference's client variant, say) has no run in the block to stand beside.
    if (!neighbours.has(a) || !neighbours.has(b)) continue;
    neighbours.get(a)!.push(b);
    neighbours.get(b)!.push(a);
  }
  const byDegree = shuffle([...cells], random).sort((a, b) => neighbours.get(b)!.length - neighbours.get(a)!.length);
  const visited: number[] = [];
  for (const start of byDegree) {
    if (visited.includes(start)) continue;
    const queue = [start];
    visited.push(start);
    while (queue.length > 0) {
      for (const next of shuffle([...neighbours.get(queue.shift()!)!], random)) {
        if (visited.includes(next)) continue;
        visited.push(next);
        queue.push(next);
      }
    }
  }
  // The first in the middle, then alternately to its right and its left.
  const right = visited.filter((_, index) => index % 2 === 1);
  const left = visited.filter((_, index) => index % 2 === 0).reverse();
  return [...left, ...right];
}

/** A seed for each round, spread so that neighbouring rounds get unrelated orders. */
function roundSeed(seed: number, round: number): number {
  return (Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) + Math.imul(round + 1, 0x85ebca6b)) >>> 0;
}

/** Fisher-Yates, in place. */
function shuffle<T>(items: T[], random: () => number): T[] {
  for (let index = items.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [items[index], items[other]] = [items[other]!, items[index]!];
  }
  return items;
}

/** A fresh seed for a run that was not given one (recorded in the result, so its order can be replayed). */
export const randomSeed = (): number => Math.floor(Math.random() * 2 ** 31);
