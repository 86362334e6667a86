/**
 * The bench's command line, in one place: `pnpm turbo bench -- <flags>` hands the same flags to every task
 * (each app's preflight, the run, the report), so all of them read them with this one parser.
 * What each flag does is FLAG_HELP below, which --help prints (help.ts).
 */
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ContenderError, type ContenderSpec, parseContenders, pinnedContender } from "../contenders.ts";
import { toMessage } from "../errors.ts";
import { FAULT_VARIABLE } from "../fault-injection.ts";
import { RUNTIME_NAMES, type RuntimeName } from "../runtimes.ts";
import { fromCaller, repoRoot } from "./repo.ts";

/** The profile a run measures without --profile or --quick: the lesson's questions, in at most 15 minutes. */
export const DEFAULT_PROFILE = "main";

/** The suite's published results: the default --out, and never a task's or a fault-injected run's. */
const PUBLISHED_RESULTS = resolve(repoRoot, "results");

export class UsageError extends Error {
  override name = "UsageError";
}

export const BENCH_FLAGS = {
  quick: { type: "boolean" },
  profile: { type: "string" },
  suite: { type: "string" },
  out: { type: "string" },
  "cell-timeout": { type: "string" },
  runtimes: { type: "string" },
  seed: { type: "string" },
  target: { type: "string" },
  scenarios: { type: "string" },
  task: { type: "string" },
  "compute-only": { type: "boolean" },
  help: { type: "boolean" },
} as const;

/** One line per flag, printed by --help: the one description of each flag. */
export const FLAG_HELP: Readonly<Record<keyof typeof BENCH_FLAGS, [argument: string, help: string]>> = {
  quick: ["", "the quick profile (same as --profile quick)"],
  profile: ["NAME", `a profile of the suite (default: ${DEFAULT_PROFILE}); the profiles are listed below`],
  suite: ["FILE", "the suite file (default: benchmarks/suite.json)"],
  out: ["DIR", "where run.json, the report, the CSV and the charts go (default: results/)"],
  "cell-timeout": ["SEC", "stop a run of one cell after this long (default: the profile's cellTimeoutSeconds)"],
  runtimes: [
    "A,B",
    `measure only these runtimes of the suite (${RUNTIME_NAMES.join(", ")}); the others are recorded as not selected. ` +
      "Each may be a contender: node@24 or bun@1.3.2 (a release, installed on first use into .runtime-bench/runtimes/), " +
      "node=PATH (a local build), bun[--smol] or deno[--v8-flags=--a,--b] (runtime flags), label:node@24 (a label of " +
      "its own); contenders of one runtime are compared side by side (docs/versions.md)",
  ],
  seed: ["N", "seed of the round order (default: a fresh one, recorded in the result)"],
  target: [
    "URL",
    "send the I/O cells to a real API (JSONPlaceholder-style /posts/:id) instead of the mock API: no latency is injected, no sweep",
  ],
  scenarios: [
    "P,Q",
    'measure only these cells and their baselines: scenario ids, cell ids, or globs over either ("cpu.*"); with a result ' +
      "already in --out, they replace those cells in it and the rest is kept",
  ],
  task: [
    "FILE",
    "measure your own task module (packages/task: a TaskDefinition through the CPU models at its sizes, or an " +
      "IoTaskDefinition through the I/O models at its in-flight levels) instead of the suite's cells; its report goes to " +
      "--out, by default a folder named after the file in the current folder",
  ],
  "compute-only": [
    "",
    "with --task: also measure the warmed pools with each executor building its own input before the clock (compute only), " +
      "beside the default, where the input is built once on the main thread and each model that hands tasks off pays for sending it",
  ],
  help: ["", "print this, measure nothing"],
};

/** Every flag as typed, for messages that list the valid ones. */
export const flagNames = (flags: object): string =>
  Object.keys(flags)
    .map((name) => `--${name}`)
    .join(", ");

export interface BenchOptions {
  profileName: string;
  suiteFile: string;
  outDir: string;
  cellTimeoutSeconds: number | null;
  /** The contenders typed in --runtimes (contenders.ts); null: the profile's runtimes, as pinned. */
  runtimes: ContenderSpec[] | null;
  seed: number | null;
  /** A real API the I/O cells go to instead of the mock API (--target); null: the mock API. */
  target: string | null;
  /** Patterns choosing the cells to measure (--scenarios); null: every cell of the profile. */
  scenarios: string[] | null;
  /** A user's task module to measure instead of the suite's cells (--task), as an absolute path; null: the suite. */
  taskFile: string | null;
  /** With --task: also measure the warmed pools with each executor building its own input (--compute-only). */
  computeOnly: boolean;
  help: boolean;
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  return benchOptionsFrom(parseFlags(argv));
}

function parseFlags(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: BENCH_FLAGS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(`${toMessage(error)}; the flags are ${flagNames(BENCH_FLAGS)}`);
  }
}

/** Checks and resolves the parsed flags (also used by the report, which takes these flags and one of its own). */
export function benchOptionsFrom(
  values: { [K in keyof typeof BENCH_FLAGS]?: (typeof BENCH_FLAGS)[K]["type"] extends "boolean" ? boolean : string },
): BenchOptions {
  if (values.quick && values.profile && values.profile !== "quick") {
    throw new UsageError(`--quick and --profile ${values.profile} contradict each other`);
  }
  const timeout = values["cell-timeout"];
  if (timeout !== undefined && !(Number(timeout) > 0 && Number(timeout) <= 86_400)) {
    throw new UsageError(`--cell-timeout must be a number of seconds from 0 to 86400, got "${timeout}"`);
  }
  const seed = values.seed;
  if (seed !== undefined && !/^\d{1,9}$/.test(seed))
    throw new UsageError(`--seed must be a whole number from 0 to 999999999, got "${seed}"`);
  const taskFile = values.task === undefined ? null : fromCaller(values.task);
  if (taskFile !== null && (values.scenarios !== undefined || values.target !== undefined))
    throw new UsageError("--task measures the task's own cells: it takes neither --scenarios nor --target");
  if (values["compute-only"] && taskFile === null)
    throw new UsageError("--compute-only goes with --task: it says how a task's input reaches the executors");
  const options = {
    profileName: values.quick ? "quick" : (values.profile ?? DEFAULT_PROFILE),
    suiteFile: values.suite === undefined ? join(repoRoot, "benchmarks/suite.json") : fromCaller(values.suite),
    outDir: values.out !== undefined ? fromCaller(values.out) : taskFile !== null ? taskOutDir(taskFile) : PUBLISHED_RESULTS,
    cellTimeoutSeconds: timeout === undefined ? null : Number(timeout),
    runtimes: values.runtimes === undefined ? null : parseRuntimeList(values.runtimes),
    seed: seed === undefined ? null : Number(seed),
    target: values.target === undefined ? null : parseTarget(values.target),
    scenarios: values.scenarios === undefined ? null : parseScenarioPatterns(values.scenarios),
    taskFile,
    computeOnly: values["compute-only"] ?? false,
    help: values.help ?? false,
  };
  if (taskFile !== null && options.outDir === PUBLISHED_RESULTS)
    throw new UsageError("--task writes its own report: results/ holds the suite's published run only (choose another --out)");
  if (process.env[FAULT_VARIABLE] && options.outDir === PUBLISHED_RESULTS) {
    throw new UsageError(`${FAULT_VARIABLE} is a test hook; a run with it set may not write to results/ (use --out)`);
  }
  return options;
}

/**
 * A task's report folder by default, in the caller's folder: named after its file ("tasks/resize.ts" -> "resize"), or
 * after its folder where the file is only called task or index ("markdown-render/task.ts" -> "markdown-render"). The
 * file, not the task's name: every step of the pipeline (the report too, which never loads the module) finds it.
 */
function taskOutDir(taskFile: string): string {
  const stem = basename(taskFile).replace(/\.[cm]?[jt]s$/, "");
  return fromCaller(stem === "task" || stem === "index" ? basename(dirname(taskFile)) : stem);
}

/** An http(s) URL without a trailing slash, so "<target>/posts/1" is the post's address. */
function parseTarget(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--target must be an http(s) URL such as https://jsonplaceholder.typicode.com, got "${raw}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new UsageError(`--target must be an http(s) URL, got the ${url.protocol.slice(0, -1)} scheme in "${raw}"`);
  return url.href.replace(/\/+$/, "");
}

/** The items of a comma-separated list, each once, blanks dropped. */
const splitList = (list: string): string[] => [
  ...new Set(
    list
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item !== ""),
  ),
];

function parseScenarioPatterns(list: string): string[] {
  const patterns = splitList(list);
  if (patterns.length === 0)
    throw new UsageError(`--scenarios takes a comma-separated list of scenario ids, cell ids or globs; got "${list}"`);
  return patterns;
}

function parseRuntimeList(list: string): ContenderSpec[] {
  try {
    return parseContenders(list);
  } catch (error) {
    if (error instanceof ContenderError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * The contenders a run measures: those chosen with --runtimes (of the suite's runtimes), or else the profile's own
 * list (every runtime of the suite unless the profile names fewer), as pinned.
 */
export function selectRuntimes(
  chosen: ContenderSpec[] | null,
  suiteRuntimes: readonly RuntimeName[],
  profileDefault: readonly RuntimeName[] = suiteRuntimes,
): ContenderSpec[] {
  if (chosen === null) return profileDefault.map(pinnedContender);
  const outside = [...new Set(chosen.map((spec) => spec.runtime).filter((name) => !suiteRuntimes.includes(name)))];
  if (outside.length > 0)
    throw new UsageError(`--runtimes: ${outside.join(", ")} not in the suite's runtimes (${suiteRuntimes.join(", ")})`);
  return chosen;
}
