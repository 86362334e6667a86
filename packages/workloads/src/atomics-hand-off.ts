/**
 * The other side of a SharedArrayBuffer + Atomics hand-off (a primitive cost, not a workload): `rounds` times, wait
 * for the parent's odd number in the buffer's first slot, answer with the next even one. Returns the rounds.
 */
export function answerHandOffs(buffer: SharedArrayBuffer, rounds: number): number {
  const slot = new Int32Array(buffer);
  for (let round = 0; round < rounds; round++) {
    // Until the parent has written 2 * round + 1 (at once if it has): a wait can return early, so it is asked again.
    while (Atomics.load(slot, 0) === 2 * round) Atomics.wait(slot, 0, 2 * round);
    Atomics.store(slot, 0, 2 * round + 2);
    Atomics.notify(slot, 0);
  }
  return rounds;
}
