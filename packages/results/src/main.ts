/**
 * `pnpm turbo bench`'s last step: reads results/run.json, validates it, and writes results/README.md and
 * results/results.csv (the same figures, one row per runtime x cell x statistic). A
 * missing, broken or differently versioned file stops it with exit code 2 and a message naming the file and
 * field; nothing is overwritten then. Otherwise it exits 3 when a runtime could not be measured, 1 when a
 * cell failed, else 0 (the measuring step itself exits 0 once it wrote an honest file).
 *
 *   node src/main.ts [--dir DIR | --out DIR]   (the bench's other flags are accepted, and checked, too)
 */
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { toMessage } from "@runtime-bench/harness/errors";
import { writeFileAtomic } from "@runtime-bench/harness/launcher/atomic-write";
import { BENCH_FLAGS, benchOptionsFrom } from "@runtime-bench/harness/launcher/flags";
import { repoRelative } from "@runtime-bench/harness/launcher/repo";
import { ResultFileError, type RunResult } from "@runtime-bench/harness/schema";
import { readResults } from "./read-results.ts";
import { renderCsv } from "./render-csv.ts";
import { renderReport } from "./render-markdown.ts";

const CSV_FILE = "results.csv";

function main(argv: string[]): number {
  let dir: string;
  try {
    // Every flag of `pnpm turbo bench -- ...` reaches this script too; --out names the folder as it does for the run.
    const { values } = parseArgs({ args: argv, options: { ...BENCH_FLAGS, dir: { type: "string" } }, strict: true });
    const { dir: explicitDir, ...benchFlags } = values;
    const options = benchOptionsFrom(benchFlags);
    dir = explicitDir === undefined ? options.outDir : resolve(explicitDir);
  } catch (error) {
    process.stderr.write(`report: ${toMessage(error)}\n`);
    return 2;
  }
  try {
    const result = readResults(dir);
    writeFileAtomic(join(dir, "README.md"), renderReport(result));
    writeFileAtomic(join(dir, CSV_FILE), renderCsv(result));
    process.stderr.write(`report: wrote ${repoRelative(join(dir, "README.md"))} and ${CSV_FILE}\n`);
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
