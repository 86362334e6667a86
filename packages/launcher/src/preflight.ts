/**
 * Each app's part of `pnpm turbo bench`, run before the interleaved measurement: checks the flags and that the
 * result folder can be written (bad input stops the pipeline here, with exit code 2, before anything is
 * measured), makes its runtime's contenders ready (a released version is resolved and, on first use, installed
 * here, with a progress line; an unknown version or an unreachable registry is exit 2), then starts each once to
 * check that it runs the harness and is the version expected, and says so. It exits 0 for a runtime that cannot
 * run: the run records that runtime's cells as n/a with the same reason, and the report's exit code carries it.
 */

import { parseBenchArgs } from "@runtime-bench/model/cli/flags";
import { checkBenchInput, isBadInput } from "./bench-input.ts";
import { type Contender, type RuntimeAdapter, readyContenders } from "./contender-launches.ts";
import { describeRuntime } from "./process-backend.ts";

export async function preflightMain(adapter: RuntimeAdapter, argv: readonly string[]): Promise<number> {
  const name = adapter.launch.runtime;
  let contenders: Contender[];
  try {
    const options = parseBenchArgs(argv);
    if (options.help) return 0; // the measuring step prints the help, once
    const { selected } = await checkBenchInput(options);
    const own = selected.filter((spec) => spec.runtime === name);
    contenders = await readyContenders(own, () => adapter);
  } catch (error) {
    if (isBadInput(error)) {
      process.stderr.write(`bench ${name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (contenders.length === 0) {
    process.stderr.write(`[${name}] not selected for this run\n`);
    return 0;
  }
  for (const contender of contenders) {
    const described = await describeRuntime(contender.launch);
    process.stderr.write(
      "unavailable" in described
        ? `[${contender.label}] n/a: ${described.unavailable} (the run will record its cells as n/a)\n`
        : `[${contender.label}] ready: ${described.runtime.version} (${described.runtime.engine} ${described.runtime.engineVersion})\n`,
    );
  }
  return 0;
}
