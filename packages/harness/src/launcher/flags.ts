/**
 * The bench's command line, in one place: `pnpm turbo bench -- <flags>` hands the same flags to every task
 * (each app's preflight, the run, the report), so all of them read them with this one parser.
 *
 *   --quick              the quick profile (same as --profile quick)
 *   --profile NAME       a profile of the suite (default: full)
 *   --suite FILE         the suite file (default: benchmarks/suite.json)
 *   --out DIR            where the result file and report go (default: results/)
 *   --cell-timeout SEC   stop a run of one cell after this long (default: the profile's cellTimeoutSeconds)
 *   --runtimes A,B       measure only these runtimes of the suite (the others are recorded as not selected)
 *   --seed N             seed of the round order (default: a fresh one, recorded in the result)
 *   --target URL         send the I/O cells to a real API at URL (JSONPlaceholder-style /posts/:id) instead of the
 *                        mock API; no latency is injected, the sweep is not run, and the report marks the run
 */
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { toMessage } from "../errors.ts";
import { FAULT_VARIABLE } from "../fault-injection.ts";
import { RUNTIME_NAMES, type RuntimeName } from "../runtimes.ts";
import { repoRoot } from "./repo.ts";

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
} as const;

export interface BenchOptions {
  profileName: string;
  suiteFile: string;
  outDir: string;
  cellTimeoutSeconds: number | null;
  /** null: every runtime the suite lists. */
  runtimes: RuntimeName[] | null;
  seed: number | null;
  /** A real API the I/O cells go to instead of the mock API (--target); null: the mock API. */
  target: string | null;
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  return benchOptionsFrom(parseFlags(argv));
}

function parseFlags(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: BENCH_FLAGS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(toMessage(error));
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
  const options = {
    profileName: values.quick ? "quick" : (values.profile ?? "full"),
    suiteFile: resolve(values.suite ?? join(repoRoot, "benchmarks/suite.json")),
    outDir: resolve(values.out ?? join(repoRoot, "results")),
    cellTimeoutSeconds: timeout === undefined ? null : Number(timeout),
    runtimes: values.runtimes === undefined ? null : parseRuntimeList(values.runtimes),
    seed: seed === undefined ? null : Number(seed),
    target: values.target === undefined ? null : parseTarget(values.target),
  };
  if (process.env[FAULT_VARIABLE] && options.outDir === resolve(repoRoot, "results")) {
    throw new UsageError(`${FAULT_VARIABLE} is a test hook; a run with it set may not write to results/ (use --out)`);
  }
  return options;
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

function parseRuntimeList(list: string): RuntimeName[] {
  const names = list
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  const unknown = names.filter((name) => !(RUNTIME_NAMES as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new UsageError(`--runtimes takes a comma-separated list of ${RUNTIME_NAMES.join(", ")}; got "${list}"`);
  }
  return [...new Set(names)] as RuntimeName[];
}

/** The runtimes a run measures: those chosen with --runtimes, which must be in the suite, or all of the suite's. */
export function selectRuntimes(chosen: RuntimeName[] | null, suiteRuntimes: readonly RuntimeName[]): RuntimeName[] {
  if (chosen === null) return [...suiteRuntimes];
  const outside = chosen.filter((name) => !suiteRuntimes.includes(name));
  if (outside.length > 0)
    throw new UsageError(`--runtimes: ${outside.join(", ")} not in the suite's runtimes (${suiteRuntimes.join(", ")})`);
  return chosen;
}
