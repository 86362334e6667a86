import { sumOfSquares } from "./sum-of-squares.ts";

/**
 * The one warm-up every executor runs before it takes work: the main thread, each worker and each child
 * process. Warm-up parity: a JIT that compiled the loop on the main thread but not in a fresh worker
 * would make a speed-up lie. Small enough (a few ms) not to matter where it is part of start-up.
 */
export function warmUp(): void {
  for (let round = 0; round < 5; round++) sumOfSquares(200_000);
}
