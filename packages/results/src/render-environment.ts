/** The report's environment and method sections: the machine, the runtimes, and how this run was measured. */
import { describeComparison } from "@runtime-bench/model/comparisons";
import { isLookRound } from "@runtime-bench/model/looks";
import type { CoreSpeeds, MeasuredRuntime, Rerun, RunResult } from "@runtime-bench/model/schema";
import { MIN_RUNS_FOR_INTERVAL, medianInterval } from "@runtime-bench/model/stats";
import { VERDICTS } from "@runtime-bench/model/verdict";
import type { Analysis } from "./analyze.ts";
import { ms, percent, speedupFigure, times } from "./format.ts";
import { flagMark, machineSlow, machineSlowRounds, unevenCores, unevenCoresAtStart, unevenRounds } from "./noise.ts";
import { pairGapWords, STOPPED_BECAUSE } from "./render-run-quality.ts";
import { pairGaps, runCosts, type Settlement } from "./run-quality.ts";
import { table } from "./table.ts";

/** The exact coverage of the interval from the fewest rounds that give one (stats.ts: order statistics). */
const COVERAGE_AT_FEWEST = medianInterval(Array.from({ length: MIN_RUNS_FOR_INTERVAL }, (_, index) => index))!.coverage;

/** A two-column table of label and value. */
export const facts = (rows: Array<[string, string]>): string[] => [...table(["", ""], rows), ""];

export function environment(result: RunResult, { runs }: Analysis): string[] {
  const m = result.machine;
  const row = (label: string, value: (runtime: MeasuredRuntime) => string) => [
    label,
    ...runs.map(({ run }) => (run.status === "measured" ? value(run) : `n/a (${run.reason})`)),
  ];
  const client = (c: { name: string; configuration: string; settings: Record<string, unknown> }) =>
    `${c.name} (${c.configuration}: ${Object.entries(c.settings)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ")})`;
  return [
    `Machine: ${m.cpuModel}, ${m.cores} cores (${m.availableParallelism} available), ${(m.memoryBytes / 2 ** 30).toFixed(0)} GiB, ${m.os}, ${m.kernel}, ${m.arch}.`,
    "",
    ...table(
      ["", ...runs.map(({ column }) => column.label)],
      [
        row("version", (r) => r.description.runtime.version),
        row("engine", (r) => `${r.description.runtime.engine} ${r.description.runtime.engineVersion.slice(0, 20)}`),
        row("parallelism it reports", (r) => String(r.description.runtime.reportedParallelism)),
        row("HTTP client (headline and sweep cells)", (r) => client(r.description.httpClients.default)),
        row("other HTTP clients (labelled variants)", (r) => {
          const others = Object.entries(r.description.httpClients).filter(([id]) => id !== "default");
          return others.length > 0 ? others.map(([id, described]) => `\`${id}\`: ${client(described)}`).join("; ") : "none";
        }),
        row("native key derivation (offload)", (r) => r.description.nativeOffload ?? "not recorded in this file"),
        row("file API", (r) =>
          r.description.files ? `async: ${r.description.files.async}; sync: ${r.description.files.sync}` : "not recorded in this file",
        ),
        row(
          "relevant env",
          (r) =>
            Object.entries(r.description.runtime.relevantEnv)
              .map(([k, v]) => `${k}=${v}`)
              .join(", ") || "none",
        ),
        row(
          "clock resolution / call",
          (r) => `${(r.description.clock.resolutionMs * 1e6).toFixed(0)} ns / ${r.description.clock.callOverheadNs.toFixed(0)} ns`,
        ),
      ],
    ),
    "",
  ];
}

export function howMeasured(result: RunResult, analysis: Analysis, quality: Settlement): string[] {
  const { run } = result;
  const { precision } = run;
  const uneven = unevenRounds(run.coreProbe.afterEachRound);
  const slow = machineSlowRounds(run.coreProbe.start, run.coreProbe.afterEachRound);
  const gaps = pairGaps(result, quality.comparisons);
  const belowMinimum = run.rounds.counted < precision.minRounds ? ` (fewer than the minimum of ${precision.minRounds})` : "";
  const perRound = precision.perRound.filter((round) => round.round >= run.rounds.warmup);
  const counts = VERDICTS.map((verdict) => `${quality.byVerdict[verdict]} ${verdict}`).join(", ");
  return [
    ...facts([
      ["profile", `${run.profile}; git commit ${run.gitCommit ?? "unknown"}; ${run.startedAt} to ${run.finishedAt}`],
      [
        "order",
        `blocks, seed ${run.order.seed}: each round is a sequence of blocks, one per comparison group (a baseline with the cells compared ` +
          `with it, across the runtimes under test for headline cells, in one runtime otherwise), in an order shuffled from the seed and ` +
          `the round; inside a block each cell's runtimes run back to back and the cells are laid out from the baseline outwards, so ` +
          `the two runs of a pair are at most ${run.order.maxPairGapRuns} runs apart`,
      ],
      ["pairs side by side", gaps ? `the two runs of a pair were ${pairGapWords(gaps)}` : "n/a (no comparison)"],
      [
        "rounds",
        `${run.rounds.warmup > 0 ? `${run.rounds.warmup} warm-up (not counted) + ` : ""}${run.rounds.counted} counted${belowMinimum}, ` +
          `${(precision.measuringSeconds / 60).toFixed(1)} min; runs per round: ${perRound.map((round) => round.runs).join(", ")}`,
      ],
      [
        "where the rounds went",
        `every cell in at least ${precision.minRounds} rounds; then a comparison is looked at after rounds ${lookRounds(precision.minRounds, precision.maxRounds)}, ` +
          `and one that has settled (faster, slower or equivalent) stops being measured, with its cells unless an open comparison needs them; ` +
          `at most ${precision.maxRounds} rounds and ${(precision.budgetSeconds / 60).toFixed(1)} min. Stopped because ${STOPPED_BECAUSE[precision.stoppedBy]}`,
      ],
      [
        "comparisons",
        `${quality.comparisons.length}: ${counts}` +
          (quality.pairs ? `; rounds behind each: ${quality.pairs.min} to ${quality.pairs.max} (median ${quality.pairs.median})` : ""),
      ],
      [
        "intervals",
        `distribution-free ${percent(precision.confidence)} intervals of the median per-round ratio (order statistics, as Go's benchstat ` +
          `computes them; exact coverage ${(COVERAGE_AT_FEWEST * 100).toFixed(1)}% with ${MIN_RUNS_FOR_INTERVAL} rounds, none with fewer)`,
      ],
      [
        "verdict rule",
        `"faster"/"slower" where the interval excludes 1.0 and the difference is at least ${percent(precision.effectThreshold)}; "equivalent" where ` +
          `the whole interval lies within ±${percent(precision.effectThreshold)}; "inconclusive" otherwise, and wherever the per-round ratios ` +
          "split into two clusters",
      ],
      ["cost of a run beyond its timed part", runCostText(result, analysis)],
      ["meter (every cell alike)", `memory: ${run.meter.memory}; CPU: ${run.meter.cpu}; cores: ${run.meter.cores}`],
      ["environment of every process started", environmentText(run.environment)],
      ["mock API", mockApiText(run)],
      [
        "probe per core, start",
        // Files written before the probe's length was recorded took 21 rounds; they are rendered as they were.
        coreSpeeds(run.coreProbe.start) +
          (run.coreProbe.rounds ? ` (each reading the median of ${run.coreProbe.rounds} timed rounds)` : ""),
      ],
      [
        "rounds after which one core was slow",
        uneven
          ? `${uneven.rounds} of ${uneven.probed} (worst ${percent(uneven.worst)})${flagMark(unevenCores(run.coreProbe.afterEachRound))}`
          : "n/a (not probed)",
      ],
      [
        "rounds in which the whole machine was slow (probe)",
        slow
          ? `${slow.rounds.length} of ${slow.probed} (worst ${percent(slow.worst)} behind the run's fastest reading)${flagMark(machineSlow(run.coreProbe.start, run.coreProbe.afterEachRound))}`
          : "n/a (not probed)",
      ],
      ["load average at start / end", `${loads(run.loadAverage.start)} / ${loads(run.loadAverage.end)}`],
      ...(run.scenarios
        ? [["cells", `only those chosen by --scenarios ${run.scenarios.join(",")} (and their baselines)`] as [string, string]]
        : []),
    ]),
    ...rerunLines(run.reruns ?? []),
    ...openLines(quality),
  ];
}

/** "6, 8, 11, 15, 20, 27, 36 and 48" */
function lookRounds(minRounds: number, maxRounds: number): string {
  const looks = Array.from({ length: maxRounds + 1 }, (_, round) => round).filter((round) => isLookRound(round, minRounds));
  return looks.length > 1 ? `${looks.slice(0, -1).join(", ")} and ${looks.at(-1)}` : String(looks[0] ?? minRounds);
}

/** "node: 312 ms a run (median; timed part 812 ms), first round 1.02x the rest; bun: ..." */
function runCostText(result: RunResult, analysis: Analysis): string {
  const costs = runCosts(analysis);
  if (costs.length === 0) return "n/a (no runs)";
  return (
    costs
      .map(
        (cost) =>
          `${cost.column.label} ${ms(cost.overheadMs)} ms a run (timed part ${ms(cost.timedMs)} ms; median of ${cost.runs} runs)` +
          (cost.firstRound === null ? "" : `, first round at ${times(cost.firstRound)} the other rounds`),
      )
      .join("; ") +
    ". Launching, setting up (pools, connections, the per-run warm-up) and tearing down" +
    (result.run.rounds.warmup === 0
      ? "; no warm-up round ran before the counted ones: the first round's times (medians over its cells) say whether one was needed"
      : "")
  );
}

/** Every comparison that did not settle, with its figure and why. */
function openLines(quality: Settlement): string[] {
  if (quality.open.length === 0) return ["Every comparison settled.", ""];
  return [
    `Comparisons that did not settle (inconclusive: neither shown different nor shown equivalent), ${quality.open.length} of ${quality.comparisons.length}:`,
    "",
    ...quality.open.map(({ comparison, why }) => {
      const figure = comparison.comparison ? `speed-up ${speedupFigure(comparison.comparison)}` : "no figure";
      return `- ${describeComparison(comparison)}: ${figure}; ${why}`;
    }),
    "",
  ];
}

function mockApiText(run: RunResult["run"]): string {
  if (run.target) return `not used: the I/O cells went to ${run.target} (--target)`;
  if (!run.mockApi) return "not used";
  const { capacity, pinning } = run.mockApi;
  const measuredCapacity =
    capacity === undefined
      ? ""
      : "unavailable" in capacity
        ? `; capacity n/a (${capacity.unavailable})`
        : `; capacity ${capacity.requestsPerSecond.toFixed(0)} requests/s to ${capacity.tool} (${capacity.connections} connections, ${capacity.durationSeconds} s, ${capacity.latencyMs} ms latency, ${capacity.errors} errors)`;
  return `${run.mockApi.runtime}, ${run.mockApi.latencyMs} ms latency unless a request asks for its own, one server for every runtime${measuredCapacity}${pinning ? `; ${pinning}` : ""}`;
}

function environmentText(environment: RunResult["run"]["environment"]): string {
  if (!environment) return "not recorded in this file";
  const set = environment.passed.filter((variable) => variable.set).map((variable) => variable.name);
  return (
    `only ${environment.passed.map((variable) => variable.name).join(", ")} passed on, where set ` +
    `(set for this run: ${set.length > 0 ? set.join(", ") : "none"}); ${environment.note}`
  );
}

export function coreSpeeds(speeds: CoreSpeeds): string {
  if (!("ms" in speeds)) return `n/a (${speeds.unavailable})`;
  return `${speeds.ms.map((value) => ms(value)).join(", ")} ms${flagMark(unevenCoresAtStart(speeds))}`;
}

const loads = (values: number[]) => values.map((l) => l.toFixed(2)).join(" ");

/** Cells measured again later (--scenarios): when, with which commit, and what that means for the comparisons. */
function rerunLines(reruns: readonly Rerun[]): string[] {
  if (reruns.length === 0) return [];
  return [
    "Cells measured again later with `--scenarios`, replacing their earlier runs (every other cell is from the run above).",
    "A re-measured cell is paired only with cells re-measured in the same re-run (its baseline always is); its comparison",
    'with a cell from another run shows "too few rounds" rather than pair runs taken at different times.',
    "",
    ...table(
      ["re-run", "commit", "runtimes", "cells", "rounds", "stopped because"],
      reruns.map((rerun) => [
        `${rerun.startedAt} to ${rerun.finishedAt}, seed ${rerun.seed}, \`--scenarios ${rerun.scenarios.join(",")}\``,
        rerun.gitCommit ?? "unknown",
        rerun.runtimes.join(", "),
        `${rerun.cells.length}: ${rerun.cells.join(", ")}`,
        `${rerun.rounds.warmup} warm-up + ${rerun.rounds.counted} counted (numbered from ${rerun.rounds.first})`,
        STOPPED_BECAUSE[rerun.stoppedBy],
      ]),
    ),
    "",
  ];
}
