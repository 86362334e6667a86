/**
 * Event-loop lag on the main thread during the timed part, the cost the async-on-one-thread model really has
 * (and what workers spare it): a timer asks to run every LAG_INTERVAL_MS, and each time it runs later than it
 * asked, the delay is how long the thread could not answer. A portable setTimeout-drift sampler (the runtimes'
 * own event-loop delay histograms differ, or are shared between callers). It runs in every cell alike.
 */
import { quantile } from "@runtime-bench/model/stats";

export const LAG_INTERVAL_MS = 10;

export interface EventLoopLag {
  maxMs: number;
  p99Ms: number;
  /** Readings taken (one per timer run, plus one at the end). */
  samples: number;
}

export function startLagSampler(): { stop(): EventLoopLag } {
  const lags: number[] = [];
  let due = performance.now() + LAG_INTERVAL_MS;
  const tick = () => {
    const now = performance.now();
    lags.push(Math.max(0, now - due));
    due = now + LAG_INTERVAL_MS;
    timer = setTimeout(tick, LAG_INTERVAL_MS);
  };
  let timer = setTimeout(tick, LAG_INTERVAL_MS);
  return {
    stop() {
      clearTimeout(timer);
      // A thread busy up to the end never ran the last timer: its delay so far is a reading too.
      lags.push(Math.max(0, performance.now() - due));
      return { maxMs: Math.max(...lags), p99Ms: quantile(lags, 0.99), samples: lags.length };
    },
  };
}
