/**
 * What every step of `pnpm turbo bench` checks of its input before anything runs (each app's preflight, then the
 * measuring step): the suite and profile (with --task, the task module and the profile that runs it), the --scenarios patterns, the runtimes, and that the result folder can
 * be written. A UsageError or SuiteError from here means exit 2 with nothing measured or written.
 */

import { type BenchOptions, selectRuntimes, UsageError } from "@runtime-bench/model/cli/flags";
import { ContenderError, type ContenderSpec, hasRivals } from "@runtime-bench/model/contenders";
import { isUnderTest } from "@runtime-bench/model/runtimes";
import { getProfile, loadSuite, type Profile, profileRuntimes, type Suite, SuiteError } from "@runtime-bench/model/suite";
import { profileCells, selectCells } from "./cell-selection.ts";
import { assertWritableFolder } from "./output-folder.ts";
import { BlockPlanError, planBlocks } from "./round-order.ts";
import { loadTask, taskProfile } from "./user-task.ts";

/** Bad input, found by any of the checks every step makes before anything runs: answered with exit 2 and one line. */
export const isBadInput = (error: unknown): error is Error =>
  error instanceof UsageError || error instanceof SuiteError || error instanceof ContenderError;

export interface CheckedInput {
  suite: Suite;
  profile: Profile;
  /** The contenders this run measures (--runtimes, or the profile's runtimes as pinned). */
  selected: ContenderSpec[];
}

export async function checkBenchInput(options: BenchOptions): Promise<CheckedInput> {
  const suite = loadSuite(options.suiteFile);
  const suiteProfile = getProfile(suite, options.profileName);
  const selected = selectRuntimes(options.runtimes, suite.runtimes, profileRuntimes(suite, suiteProfile));
  const chosenProfile = withRivalPrimitives(suiteProfile, selected);
  const profile =
    options.taskFile === null ? chosenProfile : taskProfile(chosenProfile, await loadTask(options.taskFile), options.computeOnly);
  if (options.scenarios) selectCells(profileCells(profile, options.target), options.scenarios, options.profileName);
  try {
    planBlocks(profileCells(profile, options.target), plannedColumns(selected));
  } catch (error) {
    if (error instanceof BlockPlanError) throw new SuiteError(`${options.suiteFile}: profile "${options.profileName}": ${error.message}`);
    throw error;
  }
  assertWritableFolder(options.outDir);
  return { suite, profile, selected };
}

/** The columns of a run as the round order plans them: labelled, contenders of one runtime together. */
export const plannedColumns = (selected: ReadonlyArray<Pick<ContenderSpec, "label" | "runtime">>) => {
  const runtimeOf = new Map(selected.map((spec) => [spec.label, spec.runtime]));
  return {
    ranked: selected.filter((spec) => isUnderTest(spec.runtime)).map((spec) => spec.label),
    others: selected.filter((spec) => !isUnderTest(spec.runtime)).map((spec) => spec.label),
    runtimeOf: (label: string) => runtimeOf.get(label) ?? label,
  };
};

/**
 * With two contenders of one runtime, the profile's `contenders.primitives` (the primitive costs, which versions
 * change most) unless it measures them anyway; any other run measures the profile as it is.
 */
function withRivalPrimitives(profile: Profile, selected: readonly ContenderSpec[]): Profile {
  const extra = profile.contenders?.primitives;
  if (!extra || profile.cpu.primitives || !hasRivals(selected)) return profile;
  return { ...profile, cpu: { ...profile.cpu, primitives: extra } };
}
