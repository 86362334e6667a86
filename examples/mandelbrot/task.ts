/**
 * A plain computation: how many points of a size x size grid over the complex plane lie in the Mandelbrot set
 * (at most 200 iterations each): floating-point arithmetic in a tight loop, no allocation, no dependencies. Checked
 * against counts worked out beforehand.
 */
import type { TaskDefinition } from "@runtime-bench/task";

const MAX_ITERATIONS = 200;

/** Points of row `y` whose orbit stays bounded for MAX_ITERATIONS steps. */
function rowCount(y: number, size: number): number {
  let count = 0;
  const ci = (y / size) * 2.4 - 1.2;
  for (let x = 0; x < size; x++) {
    const cr = (x / size) * 3 - 2;
    let zr = 0;
    let zi = 0;
    let i = 0;
    while (i < MAX_ITERATIONS && zr * zr + zi * zi <= 4) {
      const next = zr * zr - zi * zi + cr;
      zi = 2 * zr * zi + ci;
      zr = next;
      i++;
    }
    if (i === MAX_ITERATIONS) count++;
  }
  return count;
}

/** How many rows the form that yields works through between two yields. */
const ROWS_PER_YIELD = 16;

/**
 * The expected counts, so the check after each run is one comparison and the input (the size itself) costs nothing
 * to build: a fresh worker or process builds its input after it starts, on the clock. Worked out once by this file's
 * loop and, independently, by the same loop in Python (IEEE doubles in both); they agree.
 */
const COUNTS: Readonly<Record<number, number>> = { 100: 2_132, 200: 8_511, 400: 33_959, 800: 135_761 };

const task: TaskDefinition<number, number> = {
  name: "mandelbrot",
  sizes: { "100 x 100": 100, "200 x 200": 200, "400 x 400": 400, "800 x 800": 800 },
  input: (size) => size,
  run: (size) => {
    let count = 0;
    for (let y = 0; y < size; y++) count += rowCount(y, size);
    return count;
  },
  runAsync: async (size) => {
    let count = 0;
    for (let y = 0; y < size; y++) {
      count += rowCount(y, size);
      if (y % ROWS_PER_YIELD === ROWS_PER_YIELD - 1) await undefined; // a microtask hop: the other tasks get their turn
    }
    return count;
  },
  check: (count, size) =>
    count === COUNTS[size] || `${count} points in the set at ${size} x ${size}, expected ${COUNTS[size] ?? "(no known count)"}`,
};

export default task;
