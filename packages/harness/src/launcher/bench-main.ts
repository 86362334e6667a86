/**
 * The command line every app's `bench` script runs (on the pinned Node): parses flags, benchmarks the
 * app's runtime with the suite, and writes results/<runtime>.json atomically.
 *
 *   --quick              the quick profile (same as --profile quick)
 *   --profile NAME       a profile of the suite (default: full)
 *   --suite FILE         the suite file (default: benchmarks/suite.json)
 *   --out DIR            where result files go (default: results/)
 *   --cell-timeout SEC   stop a run of one cell after this long (default: the profile's cellTimeoutSeconds)
 *
 * Exit codes: 0 a result file was written (failed cells and an unavailable runtime are recorded in it, and
 * the report's exit code carries them, so turbo still runs the next runtime); 2 bad input (nothing
 * written); 130 / 143 interrupted by SIGINT / SIGTERM (the runs finished so far go to <out>/.partial/, the last
 * complete result file is left untouched).
 */
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { FAULT_VARIABLE } from "../fault-injection.ts";
import type { RuntimeName } from "../primitives.ts";
import { RESULT_SCHEMA_VERSION, type UnavailableRun } from "../schema.ts";
import { getProfile, loadSuite, SuiteError, type Profile } from "../suite.ts";
import { writeFileAtomic } from "./atomic-write.ts";
import { stopAllMeasurementProcesses, type MeasurementCommand } from "./measurement-process.ts";
import { repoRelative, repoRoot } from "./repo.ts";
import { RunInterruptedError, runRuntime, RuntimeUnavailableError } from "./run-runtime.ts";

export class UsageError extends Error {
  override name = "UsageError";
}

export interface BenchOptions {
  profileName: string;
  suiteFile: string;
  outDir: string;
  cellTimeoutSeconds: number | null;
}

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

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
        "cell-timeout": { type: "string" },
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
  const timeout = values["cell-timeout"];
  if (timeout !== undefined && !(Number(timeout) > 0 && Number(timeout) <= 86_400)) {
    throw new UsageError(`--cell-timeout must be a number of seconds from 0 to 86400, got "${timeout}"`);
  }
  const options = {
    profileName: values.quick ? "quick" : (values.profile ?? "full"),
    suiteFile: resolve(values.suite ?? join(repoRoot, "benchmarks/suite.json")),
    outDir: resolve(values.out ?? join(repoRoot, "results")),
    cellTimeoutSeconds: timeout === undefined ? null : Number(timeout),
  };
  if (process.env[FAULT_VARIABLE] && options.outDir === resolve(repoRoot, "results")) {
    throw new UsageError(`${FAULT_VARIABLE} is a test hook; a run with it set may not write to results/ (use --out)`);
  }
  return options;
}

/** Runs the bench for one runtime; returns the process exit code. */
export async function benchMain(runtime: RuntimeName, command: MeasurementCommand, argv: readonly string[]): Promise<number> {
  let options: BenchOptions;
  let profile: Profile;
  try {
    options = parseBenchArgs(argv);
    profile = getProfile(loadSuite(options.suiteFile), options.profileName);
    if (options.cellTimeoutSeconds !== null) profile = { ...profile, cellTimeoutSeconds: options.cellTimeoutSeconds };
  } catch (error) {
    if (error instanceof UsageError || error instanceof SuiteError) {
      process.stderr.write(`bench ${runtime}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }

  const interruption = new AbortController();
  const onSignal = (signal: keyof typeof SIGNAL_EXIT_CODES) => {
    process.stderr.write(`[${runtime}] ${signal}: stopping the measurement processes and the mock API\n`);
    interruption.abort(signal);
    stopAllMeasurementProcesses();
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  const file = join(options.outDir, `${runtime}.json`);
  try {
    const result = await runRuntime({ runtime, command, profileName: options.profileName, profile, signal: interruption.signal });
    writeFileAtomic(file, `${JSON.stringify(result, null, 2)}\n`);
    const failed = result.cells.filter((cell) => cell.status === "failed");
    process.stderr.write(`[${runtime}] wrote ${repoRelative(file)} (${result.cells.length} cells, ${failed.length} failed)\n`);
    return 0;
  } catch (error) {
    if (error instanceof RunInterruptedError) return keepPartialResult(runtime, options, error);
    if (!(error instanceof RuntimeUnavailableError)) throw error;
    const record: UnavailableRun = {
      schemaVersion: RESULT_SCHEMA_VERSION,
      unavailable: { runtime, reason: error.message, profile: options.profileName, at: new Date().toISOString() },
    };
    writeFileAtomic(file, `${JSON.stringify(record, null, 2)}\n`);
    process.stderr.write(`[${runtime}] SKIPPED: ${error.message}; its cells are n/a in ${repoRelative(file)}\n`);
    return 0;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

/** The finished cells go to a separate file; the last complete result and report stay as they were. */
function keepPartialResult(runtime: RuntimeName, options: BenchOptions, interrupted: RunInterruptedError): number {
  const partialFile = join(options.outDir, ".partial", `${runtime}.json`);
  const partial = { partial: true, runtime, interruptedBy: interrupted.message, at: new Date().toISOString(), cells: interrupted.finishedCells };
  writeFileAtomic(partialFile, `${JSON.stringify(partial, null, 2)}\n`);
  process.stderr.write(
    `[${runtime}] interrupted: the finished runs of ${interrupted.finishedCells.length} cell(s) kept in ${repoRelative(partialFile)}; ` +
      `${repoRelative(join(options.outDir, `${runtime}.json`))} left untouched\n`,
  );
  return SIGNAL_EXIT_CODES[interrupted.message as keyof typeof SIGNAL_EXIT_CODES] ?? 130;
}
