/**
 * The order of one round. A round is a sequence of blocks, one per comparison group: a baseline with the cells
 * compared with it (its models at one size, and any cell compared with those), across the runtimes under test for
 * headline cells (which are also compared runtime against runtime), across the contenders of one runtime for the
 * primitive costs (node@24 against node), or in one column for every other group and for each Python reference.
 * The blocks run in a shuffled order, so the two runs any ratio pairs sit side by side: at most MAX_PAIR_GAP_RUNS
 * runs apart, seconds rather than minutes.
 *
 * Inside a block the runs are arranged, not just shuffled, because the machine's speed moves within seconds: in
 * the runs of this 2-core machine a pair's ratio strayed from its median by ~2% when its runs were 1-2 runs apart
 * and by ~5-6% when they were 6-17 apart. So each cell's columns run back to back, contenders of one runtime next to
 * each other (two versions of node 1 run apart; three runtimes at most 2), in one order for every cell of the block,
 * so a model stands exactly (its distance in cells) x (the block's columns) runs from its baseline in every column;
 * and the cells are laid out centre-out from the most compared one (a baseline sits in the middle of its models,
 * which stand 1, 1, 2, 2, 3 cells from it). Which model stands where, the order of the columns and the order of the
 * blocks are drawn afresh each round, so no column or cell always runs first or after the same neighbour (Node's
 * benchmark/compare.js alternates the binaries it compares for the same reason). The order follows from the seed and
 * the round number alone, so a recorded seed reproduces it.
 */
import { isComparedBetweenContenders } from "@runtime-bench/model/comparisons";
import { seededRandom } from "@runtime-bench/model/stats";

/**
 * The largest gap, in runs, between the two runs of any pair a comparison makes (1: back to back). A block whose
 * arrangement could put a pair further apart is refused before anything runs. The largest block of the main
 * profile, its 6 headline CPU models at one size, fits 5 columns (node@24, node, bun@1.3, bun, deno): a model
 * stands at most 3 cells of 5 runs, 15 runs, from its baseline.
 */
export const MAX_PAIR_GAP_RUNS = 17;

export interface PlannedRun<R extends string> {
  cellIndex: number;
  runtime: R;
}

export interface Block<R extends string> {
  /** "cpu.sequential/n=3e8 @ node+bun+deno": the group's first cell and the columns the block measures. */
  key: string;
  runs: PlannedRun<R>[];
  /** The block's columns, those of one runtime together: each round shuffles the runtimes, then each one's contenders. */
  columns: R[][];
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
 * The columns of a run: `ranked`, the runtimes under test and their contenders, measured together in headline blocks;
 * `others`, the references, each in blocks of its own; `runtimeOf` tells which ranked columns are contenders of one
 * runtime (each column its own runtime by default).
 */
export interface PlannedColumns<R extends string> {
  ranked: readonly R[];
  others: readonly R[];
  runtimeOf?: (column: R) => string;
}

/**
 * The blocks of a run. `applicable` leaves out runs that are n/a before any process starts. A headline group runs
 * in one block over the ranked columns; the primitive costs in one block per runtime over its contenders, where it has
 * several; every other group in one block per column.
 */
export function planBlocks<R extends string>(
  cells: readonly BlockCell[],
  columns: PlannedColumns<R>,
  applicable: (column: R, cell: BlockCell) => boolean = () => true,
): Block<R>[] {
  const blocks: Block<R>[] = [];
  const indexOf = new Map(cells.map((cell, index) => [cell.cellId, index]));
  const runtimeOf = columns.runtimeOf ?? ((column: R) => column);
  const byRuntime = (set: readonly R[]): R[][] => [...new Set(set.map(runtimeOf))].map((one) => set.filter((c) => runtimeOf(c) === one));
  const alone = (set: readonly R[]) => set.map((column) => [[column]]);
  for (const members of comparisonGroups(cells)) {
    const links = members.flatMap((index) =>
      [cells[index]!.baseline, cells[index]!.pairedWith].flatMap((other): Array<[number, number]> => {
        const linked = other ? indexOf.get(other) : undefined;
        return linked === undefined ? [] : [[index, linked]];
      }),
    );
    const first = cells[members[0]!]!;
    const columnSets: R[][][] = members.some((index) => cells[index]!.group === "headline")
      ? [byRuntime(columns.ranked), ...alone(columns.others)]
      : isComparedBetweenContenders(first)
        ? [...byRuntime(columns.ranked).map((family) => [family]), ...alone(columns.others)]
        : alone([...columns.ranked, ...columns.others]);
    for (const families of columnSets) {
      const set = families.flat();
      const runs = set.flatMap((column) =>
        members.filter((index) => applicable(column, cells[index]!)).map((cellIndex) => ({ cellIndex, runtime: column })),
      );
      if (runs.length === 0) continue;
      const measured = families.map((family) => family.filter((column) => runs.some((run) => run.runtime === column)));
      const block = { key: `${first.cellId} @ ${set.join("+")}`, runs, links, columns: measured.filter((family) => family.length > 0) };
      const gap = widestPairGap(block);
      if (gap > MAX_PAIR_GAP_RUNS) {
        throw new BlockPlanError(
          `the cells compared with ${first.cellId} on ${set.join(", ")} could put a pair ${gap} runs apart, more than ` +
            `${MAX_PAIR_GAP_RUNS}: measure fewer columns (contenders) or fewer of those cells in this profile`,
        );
      }
      blocks.push(block);
    }
  }
  return blocks;
}

/**
 * The furthest apart the arrangement (roundOrder) can put two runs a comparison pairs in a block: two columns of a
 * cell stand at most (columns - 1) apart; a cell and the cell linked to it stand (their distance in cells) x columns
 * apart, in one column. Laid out centre-out, cells that all link to one cell (a baseline and its models) stand at most
 * half the cells from it, rounded up; any other shape may stand as far apart as the block is long.
 */
function widestPairGap<R extends string>(block: Omit<Block<R>, "key">): number {
  const columns = block.columns.flat().length;
  const cells = [...new Set(block.runs.map((run) => run.cellIndex))];
  const links = block.links.filter(([a, b]) => cells.includes(a) && cells.includes(b));
  const hub = cells.find((cell) => links.every((link) => link.includes(cell)));
  const cellsApart = links.length === 0 ? 0 : hub !== undefined ? Math.ceil((cells.length - 1) / 2) : cells.length - 1;
  return Math.max(columns - 1, cellsApart * columns);
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
 * One round's order: the blocks shuffled, each block arranged (its cells centre-out, each cell's columns back to back
 * in one shuffled order for the whole block, a runtime's contenders together), and then only the runs still `active`
 * (settled comparisons no longer cost a run). Removing runs only brings the others closer together.
 */
export function roundOrder<R extends string>(
  seed: number,
  round: number,
  blocks: readonly Block<R>[],
  active: (run: PlannedRun<R>) => boolean = () => true,
): Slot<R>[] {
  const random = seededRandom(roundSeed(seed, round));
  return shuffle([...blocks], random).flatMap((block) => {
    const columnOrder = shuffle([...block.columns], random).flatMap((family) => shuffle([...family], random));
    return arrangeCells(block, random).flatMap((cellIndex) =>
      columnOrder
        .flatMap((column) => block.runs.filter((run) => run.cellIndex === cellIndex && run.runtime === column))
        .filter(active)
        .map((run) => ({ ...run, block: block.key })),
    );
  });
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
