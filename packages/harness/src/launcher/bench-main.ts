/**
 * The command line every app's `bench` script runs (on the pinned Node): parses flags, benchmarks the
 * app's runtime with the suite, and writes results/<runtime>.json atomically.
 *
 *   --quick            the quick profile (same as --profile quick)
 *   --profile NAME     a profile of the suite (default: full)
 *   --suite FILE       the suite file (default: benchmarks/suite.json)
 *   --out DIR          where result files go (default: results/)
 *
 * Exit codes: 0 done, 1 the runtime or a cell failed, 2 bad input (nothing written).
 */
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { RuntimeName } from "../primitives.ts";
import { getProfile, loadSuite, SuiteError } from "../suite.ts";
import { writeFileAtomic } from "./atomic-write.ts";
import type { MeasurementCommand } from "./measurement-process.ts";
import { repoRelative, repoRoot } from "./repo.ts";
import { runRuntime, RuntimeUnavailableError } from "./run-runtime.ts";

export class UsageError extends Error {
  override name = "UsageError";
}

export interface BenchOptions {
  profileName: string;
  suiteFile: string;
  outDir: string;
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        quick: { type: "boolean" },
        profile: { type: "string" },
        suite: { type: "string" },
        out: { type: "string" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.quick && values.profile && values.profile !== "quick") {
    throw new UsageError(`--quick and --profile ${values.profile} contradict each other`);
  }
  return {
    profileName: values.quick ? "quick" : (values.profile ?? "full"),
    suiteFile: resolve(values.suite ?? join(repoRoot, "benchmarks/suite.json")),
    outDir: resolve(values.out ?? join(repoRoot, "results")),
  };
}

/** Runs the bench for one runtime; returns the process exit code. */
export async function benchMain(runtime: RuntimeName, command: MeasurementCommand, argv: readonly string[]): Promise<number> {
  let options: BenchOptions;
  let profile;
  try {
    options = parseBenchArgs(argv);
    profile = getProfile(loadSuite(options.suiteFile), options.profileName);
  } catch (error) {
    if (error instanceof UsageError || error instanceof SuiteError) {
      process.stderr.write(`bench ${runtime}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }

  try {
    const result = await runRuntime({ runtime, command, profileName: options.profileName, profile });
    const file = join(options.outDir, `${runtime}.json`);
    writeFileAtomic(file, `${JSON.stringify(result, null, 2)}\n`);
    const failed = result.cells.filter((cell) => cell.status === "failed");
    process.stderr.write(`[${runtime}] wrote ${repoRelative(file)} (${result.cells.length} cells, ${failed.length} failed)\n`);
    return failed.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof RuntimeUnavailableError) {
      process.stderr.write(`[${runtime}] ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
