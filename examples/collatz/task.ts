/**
 * A plain computation: the total number of Collatz steps of every number below `size` (integer arithmetic in a
 * tight loop, no allocation), checked against totals worked out beforehand.
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

/**
 * The expected totals, so the check after each run is one comparison and each executor's input costs nothing to
 * build (a fresh worker or process builds its input after it starts, on the clock). Worked out once by this file's
 * stepsOf and, independently, by a Python loop; they agree.
 */
const TOTALS: Readonly<Record<number, number>> = { 10000: 849_637, 30000: 2_864_133, 100000: 10_753_712, 300000: 35_669_673 };

const task: TaskDefinition<number, number> = {
  name: "collatz",
  sizes: { "10k": 10_000, "30k": 30_000, "100k": 100_000, "300k": 300_000 },
  input: (size) => size,
  run: (size) => stepsBelow(1, size),
  runAsync: async (size) => {
    let total = 0;
    for (let from = 1; from < size; from += CHUNK) {
      total += stepsBelow(from, Math.min(from + CHUNK, size));
      await undefined; // a microtask hop: the other tasks on this thread get their turn
    }
    return total;
  },
  check: (total, size) => total === TOTALS[size] || `${total} steps below ${size}, expected ${TOTALS[size] ?? "(no known total)"}`,
};

export default task;
