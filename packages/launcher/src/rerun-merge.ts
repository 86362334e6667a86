/**
 * A partial re-run (`--scenarios`) into a folder that already holds a result: the re-measured cells replace
 * the same cells of the earlier result, in every runtime the re-run measured, and everything else is kept.
 *
 * Pairing stays honest: the re-run's rounds are numbered after every round already in the file, so a re-measured
 * cell shares no round with a kept one and no comparison pairs runs taken minutes or days apart; cells re-measured
 * together (a cell and its baseline, one cell on every runtime) share their rounds and keep their paired verdicts.
 */

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "@runtime-bench/model/cli/flags";
import { repoRelative } from "@runtime-bench/model/cli/repo";
import { labelOf } from "@runtime-bench/model/comparisons";
import { describeHardware, fingerprintOf } from "@runtime-bench/model/machine-fingerprint";
import {
  type CellResult,
  type CellSample,
  parseRunResult,
  RESULT_FILE,
  RESULT_SCHEMA_VERSION,
  type Rerun,
  type RunResult,
  type RuntimeRun,
} from "@runtime-bench/model/schema";
import { pinnedVersion } from "./runtime-binaries.ts";

/**
 * The result a partial re-run would merge into, checked before anything is measured: null when the folder has
 * none; a UsageError when it cannot be merged into (unreadable, another profile, another machine, another target, a
 * contender it has no column for).
 */
export function readMergeTarget(
  outDir: string,
  expected: { profileName: string; fingerprint: string; target: string | null; labels: readonly string[] },
): RunResult | null {
  const file = join(outDir, RESULT_FILE);
  if (!existsSync(file)) return null;
  const cannot = (why: string) =>
    new UsageError(
      `--scenarios re-measures cells of the result in ${repoRelative(file)}, but ${why}; nothing was measured (use --out for a separate run)`,
    );
  let previous: RunResult;
  try {
    previous = parseRunResult(JSON.parse(readFileSync(file, "utf8")), repoRelative(file));
  } catch (error) {
    throw cannot(`it cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  if (previous.run.profile !== expected.profileName)
    throw cannot(`it is a run of profile "${previous.run.profile}", not "${expected.profileName}" (add --profile ${previous.run.profile})`);
  if (fingerprintOf(previous.machine) !== expected.fingerprint)
    throw cannot(
      `it was measured on another machine (${describeHardware(previous.machine)}, fingerprint ${fingerprintOf(previous.machine)})`,
    );
  for (const runtime of previous.runtimes) {
    // A contender of another version (node@24) is what it is; only the pinned ones must still match the pin.
    const pinned = (runtime.contender?.source.kind ?? "pinned") === "pinned" ? pinnedVersion(runtime.name) : null;
    if (runtime.status === "measured" && pinned && runtime.description.runtime.version !== pinned)
      throw cannot(`its ${runtime.name} cells were measured with ${runtime.description.runtime.version}, and ${pinned} is pinned now`);
  }
  // Columns are matched by label: a contender the result has no column for (another version, another label) would be lost.
  const columns = previous.runtimes.map(labelOf);
  const unknown = expected.labels.filter((label) => !columns.includes(label));
  if (unknown.length > 0)
    throw cannot(`it has no column ${unknown.map((label) => `"${label}"`).join(", ")} (its columns: ${columns.join(", ")})`);
  if ((previous.run.target ?? null) !== expected.target)
    throw cannot(`its I/O cells went to ${previous.run.target ?? "the mock API"}, not ${expected.target ?? "the mock API"}`);
  return previous;
}

/** Raised when the re-run's runtimes are not the versions the kept cells were measured with. */
export class RerunMergeError extends Error {
  override name = "RerunMergeError";
}

/** `previous` with the re-run's cells in place of its own, the re-run's rounds numbered after its last round. */
export function mergeRerun(previous: RunResult, rerun: RunResult, patterns: readonly string[]): RunResult {
  const firstRound = nextRound(previous);
  const renumber = (sample: CellSample): CellSample => ({ ...sample, round: sample.round + firstRound });
  const remeasured = (cell: CellResult): CellResult => ({
    ...cell,
    warmup: cell.warmup.map(renumber),
    samples: cell.samples.map(renumber),
  });

  const runtimes = previous.runtimes.map((before): RuntimeRun => {
    const after = rerun.runtimes.find((runtime) => labelOf(runtime) === labelOf(before));
    if (after?.status !== "measured") return before; // not re-measured (not selected, or unavailable this time): kept
    if (before.status !== "measured") return { ...after, cells: after.cells.map(remeasured) };
    const [was, now] = [before.description.runtime.version, after.description.runtime.version];
    if (was !== now)
      throw new RerunMergeError(`${labelOf(before)} is ${now} now, but the kept cells were measured with ${was}: re-run every cell`);
    const replaced = new Map(after.cells.map((cell) => [cell.cellId, remeasured(cell)]));
    const kept = before.cells.map((cell) => replaced.get(cell.cellId) ?? cell);
    const added = [...replaced.values()].filter((cell) => !before.cells.some((old) => old.cellId === cell.cellId));
    return { ...before, description: after.description, cells: [...kept, ...added] };
  });

  const record: Rerun = {
    startedAt: rerun.run.startedAt,
    finishedAt: rerun.run.finishedAt,
    gitCommit: rerun.run.gitCommit,
    seed: rerun.run.order.seed,
    scenarios: [...patterns],
    runtimes: rerun.runtimes.flatMap((runtime) => (runtime.status === "measured" ? [runtime.name] : [])),
    cells: [
      ...new Set(rerun.runtimes.flatMap((runtime) => (runtime.status === "measured" ? runtime.cells.map((cell) => cell.cellId) : []))),
    ],
    rounds: { first: firstRound, ...rerun.run.rounds },
    stoppedBy: rerun.run.precision.stoppedBy,
  };
  return {
    ...previous,
    // The file now holds the re-run's records too (contenders, schema 5), whatever format it was in before.
    schemaVersion: RESULT_SCHEMA_VERSION,
    run: {
      ...previous.run,
      precision: {
        ...previous.run.precision,
        // The re-run's rounds, numbered after the earlier ones as its samples are.
        perRound: [
          ...previous.run.precision.perRound,
          ...rerun.run.precision.perRound.map((round) => ({ ...round, round: round.round + firstRound })),
        ],
      },
      coreProbe: {
        start: previous.run.coreProbe.start,
        // Indexed by round number: the re-run's readings follow, as its rounds do.
        afterEachRound: [...previous.run.coreProbe.afterEachRound, ...rerun.run.coreProbe.afterEachRound],
        rounds: rerun.run.coreProbe.rounds, // one profile, so one probe length (a re-run into another profile is refused)
      },
      reruns: [...(previous.run.reruns ?? []), record],
    },
    runtimes,
  };
}

/** The first round number no run in the file uses (probe readings and samples both count, whichever reaches further). */
function nextRound(result: RunResult): number {
  const sampleRounds = result.runtimes.flatMap((runtime) =>
    runtime.status === "measured" ? runtime.cells.flatMap((cell) => [...cell.warmup, ...cell.samples].map((sample) => sample.round)) : [],
  );
  return Math.max(result.run.coreProbe.afterEachRound.length, ...sampleRounds.map((round) => round + 1));
}
