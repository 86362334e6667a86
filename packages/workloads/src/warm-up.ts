import { sumOfSquaresRange } from "./sum-of-squares.ts";

/**
 * The one warm-up every executor runs before it takes work: the main thread, each worker and each child
 * process. Warm-up parity: a JIT that compiled the loop on the main thread but not in a fresh worker would
 * make a speed-up lie. Ten calls of 2^16 iterations (a few ms) take the chunk function past the first
 * JIT tiers in V8 and JavaScriptCore alike; where an executor is started per task, this is part of the
 * start-up it is charged for.
 */
export function warmUp(): void {
  for (let call = 0; call < 10; call++) sumOfSquaresRange(0, 2 ** 16);
}
