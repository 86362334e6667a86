/**
 * Each app's part of `pnpm turbo bench`, run before the interleaved measurement: checks the flags and that the
 * result folder can be written (bad input stops the pipeline here, with exit code 2, before anything is
 * measured), then starts the app's runtime once
 * to check that it runs and is the pinned version, and says so. It exits 0 for a runtime that cannot run: the
 * run records that runtime's cells as n/a with the same reason, and the report's exit code carries it.
 */

import { parseBenchArgs, UsageError } from "@runtime-bench/model/cli/flags";
import { SuiteError } from "@runtime-bench/model/suite";
import { checkBenchInput } from "./bench-input.ts";
import { describeRuntime, type RuntimeLaunch } from "./process-backend.ts";

export async function preflightMain(launch: RuntimeLaunch, argv: readonly string[]): Promise<number> {
  const name = launch.runtime;
  let selected: boolean;
  try {
    const options = parseBenchArgs(argv);
    if (options.help) return 0; // the measuring step prints the help, once
    selected = (await checkBenchInput(options)).selected.includes(name);
  } catch (error) {
    if (error instanceof UsageError || error instanceof SuiteError) {
      process.stderr.write(`bench ${name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (!selected) {
    process.stderr.write(`[${name}] not selected for this run\n`);
    return 0;
  }
  const described = await describeRuntime(launch);
  process.stderr.write(
    "unavailable" in described
      ? `[${name}] n/a: ${described.unavailable} (the run will record its cells as n/a)\n`
      : `[${name}] ready: ${described.runtime.version} (${described.runtime.engine} ${described.runtime.engineVersion})\n`,
  );
  return 0;
}
