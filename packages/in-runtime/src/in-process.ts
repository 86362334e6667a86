/**
 * In-process micro-measurement with mitata, beside the fresh-process runs: the same work repeated inside one
 * warm process, where mitata's tight loop and dead-code guard (do_not_optimize) give per-call figures that
 * process start-up and JIT warm-up cannot blur. Only for cells whose work is short enough to repeat.
 */

import type { InProcessMeasurement } from "@runtime-bench/model/schema";
import { do_not_optimize, measure } from "mitata";

/** A call is repeated only when it is this short; longer work is covered by the fresh-process runs. */
const MAX_CALL_MS = 50;
const MITATA_OPTIONS = { min_samples: 10, max_samples: 40, min_cpu_time: 300e6 /* ns */ };

export interface InProcessTarget {
  /** What one call does, e.g. "one task" or "the whole cell". */
  label: string;
  call(): unknown;
  /** The call returns a promise to wait for (else it is timed as a plain synchronous call). */
  isAsync: boolean;
}

export async function measureInProcess(target: InProcessTarget, observedCallMs: number): Promise<InProcessMeasurement> {
  if (observedCallMs > MAX_CALL_MS) {
    return {
      tool: "mitata",
      label: target.label,
      samplesMs: [],
      skipped: `one call takes ${observedCallMs.toFixed(0)} ms (> ${MAX_CALL_MS} ms)`,
    };
  }
  const timed = target.isAsync ? async () => do_not_optimize(await target.call()) : () => do_not_optimize(target.call());
  const stats = await measure(timed, MITATA_OPTIONS);
  return { tool: "mitata", label: target.label, samplesMs: stats.samples.map((ns: number) => ns / 1e6) };
}
