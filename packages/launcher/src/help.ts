/**
 * `pnpm turbo bench -- --help`: the flags, the suite's profiles, and the scenario ids of the chosen profile,
 * all read from where they are defined (FLAG_HELP, the suite file, the scenario registry), so the help cannot
 * drift from what the bench accepts.
 */

import { FLAG_HELP } from "@runtime-bench/model/cli/flags";
import { getProfile, type Suite } from "@runtime-bench/model/suite";
import { describeScenarios, profileCells, scenarioIdsOf } from "./cell-selection.ts";

export function benchHelp(suite: Suite, profileName: string): string {
  const flags = Object.entries(FLAG_HELP).map(([name, [argument]]) => `--${name}${argument ? ` ${argument}` : ""}`);
  const width = Math.max(...flags.map((flag) => flag.length));
  const cells = profileCells(getProfile(suite, profileName), null);
  const profileWidth = Math.max(...Object.keys(suite.profiles).map((name) => name.length));
  return [
    "usage: pnpm turbo bench -- [flags]        (one app alone: pnpm --filter @runtime-bench/<runtime> bench -- [flags])",
    "       pnpm report [--dir DIR] [--baseline DIR] [--merge DIR ...]   (the report alone; pnpm report --help)",
    "",
    "flags:",
    ...Object.values(FLAG_HELP).map(([, help], index) => `  ${flags[index]!.padEnd(width)}  ${help}`),
    "",
    "profiles (--profile NAME):",
    ...Object.entries(suite.profiles).map(
      ([name, { rounds, precision }]) =>
        `  ${name.padEnd(profileWidth)}  ${rounds.min}-${rounds.max} rounds, at most ${precision.budgetMinutes} min of rounds`,
    ),
    "",
    `scenarios of profile "${profileName}" (${cells.length} cells; --scenarios takes these ids, cell ids, or globs over either):`,
    ...describeScenarios(scenarioIdsOf(cells)),
    "",
    "examples:",
    "  pnpm turbo bench -- --quick --runtimes node,bun",
    "  pnpm turbo bench -- --scenarios 'cpu.worker-pool,io.*'     re-measure those cells (and their baselines) in results/",
    "  pnpm turbo bench -- --scenarios 'cpu.worker-pool/n=1e7'    one cell",
    "",
  ].join("\n");
}
