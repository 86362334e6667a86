/**
 * `pnpm turbo bench`'s last step: reads every result file in results/, validates it, and writes
 * results/README.md. A broken or newer-format file stops it with exit code 2 and a message naming the file
 * and field; nothing is overwritten then. Otherwise it exits 3 when a runtime was skipped and 1 when a cell
 * failed (the app benches themselves exit 0 once they wrote an honest file, so turbo runs every runtime).
 *
 *   node src/main.ts [--dir DIR | --out DIR]   (the app benches' other flags are accepted and ignored)
 */
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ResultFileError } from "@runtime-bench/harness/schema";
import { writeFileAtomic } from "@runtime-bench/harness/launcher/atomic-write";
import { repoRelative, repoRoot } from "@runtime-bench/harness/launcher/repo";
import { readResults, RUNTIMES, type LoadedResults } from "./read-results.ts";
import { renderReport } from "./render-markdown.ts";

function main(argv: string[]): number {
  let dir: string;
  try {
    // Every flag of `pnpm turbo bench -- ...` reaches this script too; the report covers whichever profile
    // the result files hold, so the apps' flags are accepted, and --out names the folder as it does for them.
    const { values } = parseArgs({
      args: argv,
      options: {
        dir: { type: "string" },
        out: { type: "string" }, // what the app benches call the same folder
        quick: { type: "boolean" },
        profile: { type: "string" },
        suite: { type: "string" },
        "cell-timeout": { type: "string" },
      },
      strict: true,
    });
    dir = resolve(values.dir ?? values.out ?? join(repoRoot, "results"));
  } catch (error) {
    process.stderr.write(`report: ${(error as Error).message}\n`);
    return 2;
  }
  try {
    const loaded = readResults(dir);
    if (loaded.results.length === 0) {
      process.stderr.write(`report: no result files in ${dir}; run \`pnpm turbo bench\` first\n`);
      return 2;
    }
    writeFileAtomic(join(dir, "README.md"), renderReport(loaded, RUNTIMES));
    process.stderr.write(`report: wrote ${repoRelative(join(dir, "README.md"))} from ${loaded.results.length} result file(s)\n`);
    return exitCodeFor(loaded);
  } catch (error) {
    if (error instanceof ResultFileError) {
      process.stderr.write(`report: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** The last word of `pnpm turbo bench`: 3 when a runtime was skipped, 1 when a cell failed, else 0. */
function exitCodeFor(loaded: LoadedResults): number {
  for (const { runtime, reason } of loaded.missing) process.stderr.write(`report: ${runtime} was skipped: ${reason}\n`);
  const failed = loaded.results.flatMap((result) =>
    result.cells.filter((cell) => cell.status === "failed").map((cell) => `${result.runtime.runtime} ${cell.cellId}: ${cell.reason}`),
  );
  for (const line of failed) process.stderr.write(`report: failed cell ${line}\n`);
  if (loaded.missing.length > 0) return 3;
  return failed.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
