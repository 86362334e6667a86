/**
 * The order of one round. Every round runs every (runtime, cell) once: the cells in a shuffled order, and
 * each cell's runtimes one after another, also shuffled. A slow spell of the machine then touches every
 * runtime alike, the runs a runtime-vs-runtime ratio pairs are seconds apart, and no runtime or cell always
 * runs first or after the same neighbour (Node's benchmark/compare.js alternates binaries for the same reason).
 * The order follows from the seed and the round number alone, so a recorded seed reproduces it.
 */
import { seededRandom } from "../stats.ts";

export interface Slot<R extends string> {
  cellIndex: number;
  runtime: R;
}

export function roundOrder<R extends string>(seed: number, round: number, cellCount: number, runtimes: readonly R[]): Slot<R>[] {
  const random = seededRandom(roundSeed(seed, round));
  const cells = shuffle(
    Array.from({ length: cellCount }, (_, index) => index),
    random,
  );
  return cells.flatMap((cellIndex) => shuffle([...runtimes], random).map((runtime) => ({ cellIndex, runtime })));
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
