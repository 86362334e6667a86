/**
 * A plain computation: the total number of Collatz steps of every number below `size` (integer arithmetic in a
 * tight loop, no allocation), checked against the same sum worked out in other pieces while the input is built.
 */
import type { TaskDefinition } from "@runtime-bench/task";

/** Steps for n to reach 1 by n -> n/2 (even) or 3n+1 (odd). */
function stepsOf(start: number): number {
  let steps = 0;
  for (let n = start; n !== 1; steps++) n = n % 2 === 0 ? n / 2 : 3 * n + 1;
  return steps;
}

function stepsBelow(from: number, to: number): number {
  let total = 0;
  for (let n = Math.max(from, 1); n < to; n++) total += stepsOf(n);
  return total;
}

/** How many numbers the form that yields works through between two yields. */
const CHUNK = 20_000;

/** The size, and the answer worked out while the input is built (off the clock), in pieces of another size. */
type Input = { size: number; expected: number };

const task: TaskDefinition<Input, number> = {
  name: "collatz",
  sizes: { "10k": 10_000, "30k": 30_000, "100k": 100_000, "300k": 300_000 },
  input: (size) => {
    let expected = 0;
    for (let from = 1; from < size; from += 250_000) expected += stepsBelow(from, Math.min(from + 250_000, size));
    return { size, expected };
  },
  run: ({ size }) => stepsBelow(1, size),
  runAsync: async ({ size }) => {
    let total = 0;
    for (let from = 1; from < size; from += CHUNK) {
      total += stepsBelow(from, Math.min(from + CHUNK, size));
      await undefined; // a microtask hop: the other tasks on this thread get their turn
    }
    return total;
  },
  check: (total, _size, { expected }) => total === expected || `${total} steps, expected ${expected}`,
};

export default task;
