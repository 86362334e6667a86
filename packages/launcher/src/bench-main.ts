/**
 * The command `pnpm turbo bench` runs after every app's preflight (benchmarks/src/bench.ts calls it with the
 * runtimes' launches): parses the flags (flags.ts), measures every selected runtime with the suite in one
 * interleaved run, and writes <out>/run.json atomically.
 *
 * Exit codes: 0 a result file was written (failed cells and unavailable runtimes are recorded in it, and the
 * report's exit code carries them); 2 bad input, including a result folder that cannot be written or a result
 * a partial re-run (--scenarios) cannot replace cells of (nothing measured, nothing written); 4 the mock API could not start; 130 / 143 interrupted by SIGINT / SIGTERM (the
 * runs finished so far go to <out>/.partial/run.json, the last complete result file is left untouched).
 */
import { join } from "node:path";
import { writeFileAtomic } from "@runtime-bench/model/cli/atomic-write";
import { type BenchOptions, parseBenchArgs, UsageError } from "@runtime-bench/model/cli/flags";
import { repoRelative } from "@runtime-bench/model/cli/repo";
import type { RuntimeName } from "@runtime-bench/model/runtimes";
import { RESULT_FILE, type RunResult } from "@runtime-bench/model/schema";
import { loadSuite, type Profile } from "@runtime-bench/model/suite";
import { checkBenchInput, isBadInput } from "./bench-input.ts";
import { type Contender, type RuntimeAdapter, readyContenders } from "./contender-launches.ts";
import { benchHelp } from "./help.ts";
import { captureMachine } from "./machine.ts";
import { stopAllMeasurementProcesses } from "./measurement-process.ts";
import { MockApiStartError } from "./mock-api-process.ts";
import { mergeRerun, RerunMergeError, readMergeTarget } from "./rerun-merge.ts";
import { randomSeed } from "./round-order.ts";
import { RunInterruptedError, runSuite } from "./run-suite.ts";

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

interface Plan {
  options: BenchOptions;
  profile: Profile;
  /** The columns to measure, ready to start (contender-launches.ts). */
  contenders: Contender[];
  /** The suite's runtimes the run leaves out. */
  notSelected: RuntimeName[];
  /** The result in --out that a partial re-run (--scenarios) replaces cells of; null: the run is written whole. */
  mergeInto: RunResult | null;
}

/**
 * Flags, suite and contenders, checked before anything runs: a UsageError, SuiteError or ContenderError means exit 2,
 * nothing written.
 */
async function plan(adapters: readonly RuntimeAdapter[], argv: readonly string[]): Promise<Plan | { help: string }> {
  const parsed = parseBenchArgs(argv);
  if (parsed.help) return { help: benchHelp(loadSuite(parsed.suiteFile), parsed.profileName) };
  const { suite, profile, selected } = await checkBenchInput(parsed);
  // An I/O task's own service is where its units go, as --target names a real API (--task takes no --target).
  const options = { ...parsed, target: parsed.target ?? profile.task?.io?.target ?? null };
  const adapterOf = (name: RuntimeName) => {
    const adapter = adapters.find((candidate) => candidate.launch.runtime === name);
    if (!adapter || !suite.runtimes.includes(name)) throw new UsageError(`the suite lists ${name}, but no app launches it`);
    return adapter;
  };
  const contenders = await readyContenders(selected, adapterOf);
  const mergeInto = options.scenarios
    ? readMergeTarget(options.outDir, {
        profileName: options.profileName,
        fingerprint: captureMachine().fingerprint!,
        target: options.target,
        labels: contenders.map((contender) => contender.label),
      })
    : null;
  const timeout = options.cellTimeoutSeconds;
  return {
    options,
    profile: timeout === null ? profile : { ...profile, cellTimeoutSeconds: timeout },
    contenders,
    notSelected: suite.runtimes.filter((name) => !selected.some((spec) => spec.runtime === name)),
    mergeInto,
  };
}

export async function benchMain(adapters: readonly RuntimeAdapter[], argv: readonly string[]): Promise<number> {
  let checked: Plan;
  try {
    const planned = await plan(adapters, argv);
    if ("help" in planned) {
      process.stdout.write(planned.help);
      return 0;
    }
    checked = planned;
  } catch (error) {
    if (isBadInput(error)) {
      process.stderr.write(`bench: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const { options, profile, contenders } = checked;
  const seed = options.seed ?? randomSeed();
  const warmup = profile.rounds.warmup > 0 ? `${profile.rounds.warmup} warm-up round(s), then ` : "";
  process.stderr.write(
    `[bench] profile "${options.profileName}" on ${contenders.length} runtime(s), order seed ${seed}: ${warmup}every cell in at least ` +
      `${profile.rounds.min} rounds, then only what is still open, up to ${profile.rounds.max} rounds or ${profile.precision.budgetMinutes} min\n`,
  );

  const interruption = new AbortController();
  const onSignal = (signal: keyof typeof SIGNAL_EXIT_CODES) => {
    process.stderr.write(`[bench] ${signal}: stopping the measurement processes and the mock API\n`);
    interruption.abort(signal);
    stopAllMeasurementProcesses();
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  const file = join(options.outDir, RESULT_FILE);
  try {
    const result = await runSuite({
      contenders,
      notSelected: checked.notSelected,
      notSelectedReason: options.runtimes
        ? `not selected: --runtimes ${options.runtimes.map((spec) => spec.label).join(",")}`
        : `not in profile "${options.profileName}"'s runtimes (--profile full measures it)`,
      profileName: options.profileName,
      profile,
      seed,
      target: options.target,
      scenarios: options.scenarios,
      signal: interruption.signal,
    });
    const written = checked.mergeInto ? mergeRerun(checked.mergeInto, result, options.scenarios ?? []) : result;
    writeFileAtomic(file, `${JSON.stringify(written, null, 2)}\n`);
    if (checked.mergeInto)
      process.stderr.write(`[bench] ${describeMerge(result)} replaced in ${repoRelative(file)}; every other cell kept\n`);
    const cells = result.runtimes.flatMap((runtime) => (runtime.status === "measured" ? runtime.cells : []));
    const failed = cells.filter((cell) => cell.status === "failed").length;
    process.stderr.write(`[bench] wrote ${repoRelative(file)} (${cells.length} runtime cells, ${failed} failed)\n`);
    return 0;
  } catch (error) {
    if (error instanceof RerunMergeError) {
      process.stderr.write(`bench: ${error.message}; ${repoRelative(file)} left untouched\n`);
      return 2;
    }
    if (error instanceof MockApiStartError) {
      process.stderr.write(`bench: ${error.message}\n`);
      return 4;
    }
    if (!(error instanceof RunInterruptedError)) throw error;
    const partialFile = join(options.outDir, ".partial", RESULT_FILE);
    writeFileAtomic(partialFile, `${JSON.stringify(error.partial, null, 2)}\n`);
    process.stderr.write(
      `[bench] interrupted: the finished runs kept in ${repoRelative(partialFile)}; ${repoRelative(file)} left untouched\n`,
    );
    return SIGNAL_EXIT_CODES[error.message as keyof typeof SIGNAL_EXIT_CODES] ?? 130;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

/** "12 cells of node, bun" */
function describeMerge(rerun: RunResult): string {
  const measured = rerun.runtimes.flatMap((runtime) => (runtime.status === "measured" ? [runtime] : []));
  const cells = new Set(measured.flatMap((runtime) => runtime.cells.map((cell) => cell.cellId)));
  return `${cells.size} cell(s) of ${measured.map((runtime) => runtime.name).join(", ") || "no runtime"}`;
}
