/**
 * `pnpm turbo bench`'s last step: reads results/run.json, validates it, and writes results/README.md and
 * results/results.csv (the same figures, one row per runtime x cell x statistic). A
 * missing, broken or differently versioned file stops it with exit code 2 and a message naming the file and
 * field; nothing is overwritten then. Otherwise it exits 3 when a runtime could not be measured, 1 when a
 * cell failed, else 0 (the measuring step itself exits 0 once it wrote an honest file).
 *
 *   node src/main.ts [--dir DIR | --out DIR] [--baseline DIR]   (the bench's other flags are accepted, and checked, too)
 *
 * With --baseline, it also writes <dir>/comparison.md: this run against the baseline run's run.json, regressions first.
 */
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { toMessage } from "@runtime-bench/harness/errors";
import { writeFileAtomic } from "@runtime-bench/harness/launcher/atomic-write";
import { BENCH_FLAGS, benchOptionsFrom } from "@runtime-bench/harness/launcher/flags";
import { repoRelative } from "@runtime-bench/harness/launcher/repo";
import { ResultFileError, type RunResult } from "@runtime-bench/harness/schema";
import { compareRuns } from "./compare-runs.ts";
import { readResults } from "./read-results.ts";
import { renderComparison } from "./render-comparison.ts";
import { renderCsv } from "./render-csv.ts";
import { renderReport } from "./render-markdown.ts";

const CSV_FILE = "results.csv";
const COMPARISON_FILE = "comparison.md";

/** A path as the person typed it: `pnpm report` runs this in packages/results, pnpm keeps their folder in INIT_CWD. */
const fromCaller = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);

function main(argv: string[]): number {
  let dir: string;
  let baseline: string | null;
  try {
    // Every flag of `pnpm turbo bench -- ...` reaches this script too; --out names the folder as it does for the run.
    const { values } = parseArgs({
      args: argv,
      options: { ...BENCH_FLAGS, dir: { type: "string" }, baseline: { type: "string" } },
      strict: true,
    });
    const { dir: explicitDir, baseline: baselineDir, ...benchFlags } = values;
    const options = benchOptionsFrom(benchFlags);
    dir = explicitDir === undefined ? options.outDir : fromCaller(explicitDir);
    baseline = baselineDir === undefined ? null : fromCaller(baselineDir);
  } catch (error) {
    process.stderr.write(`report: ${toMessage(error)}\n`);
    return 2;
  }
  try {
    const result = readResults(dir);
    // Both files are read before anything is written: a bad baseline leaves every file as it was.
    const before = baseline === null ? null : readResults(baseline);
    writeFileAtomic(join(dir, "README.md"), renderReport(result));
    writeFileAtomic(join(dir, CSV_FILE), renderCsv(result));
    process.stderr.write(`report: wrote ${repoRelative(join(dir, "README.md"))} and ${CSV_FILE}\n`);
    if (baseline !== null && before !== null) {
      writeFileAtomic(join(dir, COMPARISON_FILE), renderComparison(result, before, compareRuns(result, before)));
      process.stderr.write(`report: wrote ${repoRelative(join(dir, COMPARISON_FILE))} (against ${repoRelative(baseline)})\n`);
    }
    return exitCodeFor(result);
  } catch (error) {
    if (error instanceof ResultFileError) {
      process.stderr.write(`report: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** The last word of `pnpm turbo bench`: 3 when a selected runtime could not run, 1 when a cell failed, else 0. */
function exitCodeFor(result: RunResult): number {
  const skipped = result.runtimes.flatMap((runtime) => (runtime.status === "n/a" && runtime.selected ? [runtime] : []));
  for (const runtime of skipped) process.stderr.write(`report: ${runtime.name} was skipped: ${runtime.reason}\n`);
  const failed = result.runtimes.flatMap((runtime) =>
    runtime.status === "measured"
      ? runtime.cells.filter((cell) => cell.status === "failed").map((cell) => `${runtime.name} ${cell.cellId}: ${cell.reason}`)
      : [],
  );
  for (const line of failed) process.stderr.write(`report: failed cell ${line}\n`);
  if (skipped.length > 0) return 3;
  return failed.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
