import { sumOfSquares } from "./sum-of-squares.ts";

/**
 * The one warm-up every executor runs before it takes work: the main thread, each worker and each child
 * process. Warm-up parity: a JIT that compiled the loop on the main thread but not in a fresh worker would
 * make a speed-up lie. Two tasks of 2^22 (8 chunks each, ~10 ms in all) take the chunk function through the
 * JIT tiers of V8 and JavaScriptCore alike; with less, a fresh worker's first real task still ran ~10%
 * slower than the main thread's here. Where an executor is started per task, this is part of the start-up
 * it is charged for.
 */
export function warmUp(): void {
  for (let round = 0; round < 2; round++) sumOfSquares(2 ** 22);
}
