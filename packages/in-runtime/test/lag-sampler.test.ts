import { sumOfSquares } from "@runtime-bench/workloads";
import { describe, expect, it } from "vitest";
import { LAG_INTERVAL_MS, startLagSampler } from "../src/lag-sampler.ts";

/** Keeps the thread busy for about `ms`. */
function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) sumOfSquares(10_000);
}

describe("the event-loop lag sampler", () => {
  it("sees a thread blocked from start to end as one long lag", () => {
    const sampler = startLagSampler();
    busyFor(150);
    const lag = sampler.stop();
    expect(lag.maxMs).toBeGreaterThan(150 - LAG_INTERVAL_MS - 5);
    expect(lag.samples).toBe(1);
  });

  it("sees a thread that yields to its event loop as barely late", async () => {
    const sampler = startLagSampler();
    for (let slice = 0; slice < 10; slice++) {
      busyFor(2);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const lag = sampler.stop();
    expect(lag.samples).toBeGreaterThan(2);
    expect(lag.maxMs).toBeLessThan(50); // wide on purpose: a test asserts behaviour, not speed
  });
});
