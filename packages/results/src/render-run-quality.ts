/**
 * The run-quality box the summary opens with: how many rounds and why they stopped, how many claims settled and how
 * many stayed inconclusive, how far apart the two runs of a pair were, and which flags fired; each with a link to
 * where details.md says more. A reader sees at a glance how far to trust the claims under it.
 */
import type { RunResult } from "@runtime-bench/model/schema";
import type { CellTable } from "./analyze.ts";
import { percent } from "./format.ts";
import { detailsLink, TITLES } from "./links.ts";
import { CV_FLAG_THRESHOLD, type NoiseWarning, noiseWarnings } from "./noise.ts";
import { type PairGaps, pairGaps, type Settlement } from "./run-quality.ts";
import { labelledTable } from "./table.ts";

/** Why the rounds stopped, worded once for the box and the method section. */
export const STOPPED_BECAUSE = {
  settled: "every comparison had settled and every cell had its minimum of rounds",
  budget: "the next round would not have fitted in the time budget",
  "max-rounds": "the profile's maximum number of rounds was reached",
  interrupted: "the run was interrupted",
} as const;

/** How far apart the two runs of a pair were: "a median 1 run (0.4 s) apart, at most 6 runs (8.1 s), of the 17 the order allows". */
export const pairGapWords = (gaps: PairGaps): string =>
  `a median ${runs(gaps.medianRuns)} (${gaps.medianSeconds.toFixed(1)} s) apart, at most ${runs(gaps.maxRuns)} ` +
  `(${gaps.maxSeconds.toFixed(1)} s), of the ${gaps.allowedRuns} the order allows`;

const runs = (count: number) => `${count} run${count === 1 ? "" : "s"}`;

/** How each kind of flag is counted in the box: "12 cells whose runs vary by more than 10%". */
const FLAG_COUNTS: Record<NoiseWarning["kind"], (count: number) => string> = {
  "noisy-cell": (count) => `${count} cell${count === 1 ? "" : "s"} whose runs vary by more than ${percent(CV_FLAG_THRESHOLD)}`,
  "uneven-cores-at-start": () => "cores uneven at the start",
  "uneven-cores": () => "cores uneven after some rounds",
  "machine-slow": () => "the whole machine slow in some rounds (probe)",
  "slow-spells": () => "slow spells found from the runs",
  "beyond-limit": (count) => `${count} figure${count === 1 ? "" : "s"} reaching past the physical ideal`,
  "two-clusters": (count) => `${count} cell${count === 1 ? "" : "s"} whose runs split into two clusters`,
  "core-dependent": (count) => `${count} single-threaded cell${count === 1 ? "" : "s"} slower on one core`,
};

export function runQualityBox(result: RunResult, tables: readonly CellTable[], quality: Settlement): string[] {
  const { run } = result;
  const { precision } = run;
  const { comparisons, byVerdict, pairs, open } = quality;
  const gaps = pairGaps(result, comparisons);
  const warnings = noiseWarnings(result, tables);
  const kinds = [...new Set(warnings.map((warning) => warning.kind))];
  const flags = kinds.map((kind) => FLAG_COUNTS[kind](warnings.filter((warning) => warning.kind === kind).length));
  const perComparison = pairs ? ` (${pairs.min === pairs.max ? pairs.min : `${pairs.min} to ${pairs.max}`} per comparison)` : "";
  return [
    ...labelledTable(
      ["this run", ""],
      [
        [
          "rounds",
          `${run.rounds.counted} in ${(precision.measuringSeconds / 60).toFixed(1)} min${perComparison}; stopped: ${STOPPED_BECAUSE[precision.stoppedBy]}`,
        ],
        [
          "claims",
          `${comparisons.length - open.length} of ${comparisons.length} comparisons settled (${byVerdict.faster} faster, ${byVerdict.slower} slower, ` +
            `${byVerdict.equivalent} equivalent); ${open.length} inconclusive, ${detailsLink(TITLES.howMeasured, "each with why")}`,
        ],
        ["pairs side by side", gaps ? pairGapWords(gaps) : "no comparison"],
        ["flags", flags.length > 0 ? `${flags.join("; ")}: ${detailsLink(TITLES.noise, "each one")}` : "none fired"],
      ],
    ),
    "",
  ];
}
