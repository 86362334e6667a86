/**
 * What every step of `pnpm turbo bench` checks of its input before anything runs (each app's preflight, then the
 * measuring step): the suite and profile (with --task, the task module and the profile that runs it), the --scenarios patterns, the runtimes, and that the result folder can
 * be written. A UsageError or SuiteError from here means exit 2 with nothing measured or written.
 */

import { type BenchOptions, selectRuntimes } from "@runtime-bench/model/cli/flags";
import { isUnderTest, type RuntimeName } from "@runtime-bench/model/runtimes";
import { getProfile, loadSuite, type Profile, profileRuntimes, type Suite, SuiteError } from "@runtime-bench/model/suite";
import { profileCells, selectCells } from "./cell-selection.ts";
import { assertWritableFolder } from "./output-folder.ts";
import { BlockPlanError, planBlocks } from "./round-order.ts";
import { loadTask, taskProfile } from "./user-task.ts";

export interface CheckedInput {
  suite: Suite;
  profile: Profile;
  /** The runtimes this run measures (--runtimes, or the profile's). */
  selected: RuntimeName[];
}

export async function checkBenchInput(options: BenchOptions): Promise<CheckedInput> {
  const suite = loadSuite(options.suiteFile);
  const suiteProfile = getProfile(suite, options.profileName);
  const profile = options.taskFile === null ? suiteProfile : taskProfile(suiteProfile, await loadTask(options.taskFile), options.sendInput);
  if (options.scenarios) selectCells(profileCells(profile, options.target), options.scenarios, options.profileName);
  const selected = selectRuntimes(options.runtimes, suite.runtimes, profileRuntimes(suite, profile));
  try {
    planBlocks(profileCells(profile, options.target), {
      ranked: selected.filter(isUnderTest),
      others: selected.filter((name) => !isUnderTest(name)),
    });
  } catch (error) {
    if (error instanceof BlockPlanError) throw new SuiteError(`${options.suiteFile}: profile "${options.profileName}": ${error.message}`);
    throw error;
  }
  assertWritableFolder(options.outDir);
  return { suite, profile, selected };
}
