/**
 * `pnpm turbo bench`'s last step, and `pnpm report`: reads run.json, validates it, and writes the report beside it
 * (report-files.ts: README.md, results.csv, charts/*.svg). A missing, broken or differently versioned file stops
 * it with exit code 2 and a message naming the file and field; nothing is overwritten then. Otherwise it exits 3
 * when a runtime could not be measured, 1 when a cell failed, else 0 (the measuring step itself exits 0 once it
 * wrote an honest file). Every input is read and every output rendered before the first file is written.
 */
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { writeFileAtomic } from "@runtime-bench/model/cli/atomic-write";
import { BENCH_FLAGS, benchOptionsFrom, flagNames, UsageError } from "@runtime-bench/model/cli/flags";
import { fromCaller, repoRelative } from "@runtime-bench/model/cli/repo";
import { labelOf } from "@runtime-bench/model/comparisons";
import { toMessage } from "@runtime-bench/model/errors";
import { isUnderTest } from "@runtime-bench/model/runtimes";
import { type CellResult, ResultFileError, type RunResult } from "@runtime-bench/model/schema";
import { analyze } from "./analyze.ts";
import { compareRuns } from "./compare-runs.ts";
import { updateFrontPage } from "./front-page.ts";
import { COMPARISON_FILE, DETAILS_FILE, RAW_FILES, REPORT_FILE } from "./links.ts";
import { readResults } from "./read-results.ts";
import { renderComparison } from "./render-comparison.ts";
import { machineFolders, mergedCsv, renderMachines } from "./render-machines.ts";
import { type ReportFiles, renderReportFiles, writeReportFiles } from "./report-files.ts";
import { isTaskCell } from "./task-run.ts";
import { verdictAgreement } from "./verdict-agreement.ts";

const REPORT_FLAGS = {
  ...BENCH_FLAGS,
  dir: { type: "string" },
  baseline: { type: "string" },
  merge: { type: "string", multiple: true },
} as const;

const USAGE = `usage: pnpm report [--dir DIR] [--baseline DIR] | --merge DIR [--merge DIR ...] --out DIR

  --dir DIR        the folder holding run.json, where the report is written (default: --out, else results/)
  --baseline DIR   also write DIR/comparison.md: this run against the run.json in the baseline folder, regressions first
  --merge DIR      one report over several machines' result folders (each holding a run.json), a section per run,
                   written to --out with each run's full report in a folder of its own; never averaged across machines
  --help           print this
(the bench's flags are accepted too, as \`pnpm turbo bench -- <flags>\` hands them to every step)
`;

type Plan = { kind: "help" } | { kind: "report"; dir: string; baseline: string | null } | { kind: "merge"; sources: string[]; out: string };

function plan(argv: string[]): Plan {
  const parse = (args: string[]) => parseArgs({ args, options: REPORT_FLAGS, strict: true });
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new UsageError(`${toMessage(error)}; the flags are ${flagNames(REPORT_FLAGS)}`);
  }
  const { dir, baseline, merge, ...benchFlags } = values;
  const options = benchOptionsFrom(benchFlags);
  if (options.help) return { kind: "help" };
  if (merge === undefined) {
    return {
      kind: "report",
      dir: dir === undefined ? options.outDir : fromCaller(dir),
      baseline: baseline === undefined ? null : fromCaller(baseline),
    };
  }
  if (dir !== undefined || baseline !== undefined) throw new UsageError("--merge writes to --out; it takes neither --dir nor --baseline");
  if (benchFlags.out === undefined) throw new UsageError("--merge needs --out DIR, the folder the merged report goes to");
  return { kind: "merge", sources: merge.map(fromCaller), out: options.outDir };
}

async function main(argv: string[]): Promise<number> {
  try {
    const planned = plan(argv);
    if (planned.kind === "help") {
      process.stdout.write(USAGE);
      return 0;
    }
    return planned.kind === "merge" ? await merge(planned.sources, planned.out) : await report(planned.dir, planned.baseline);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ResultFileError) {
      process.stderr.write(`report: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function report(dir: string, baseline: string | null): Promise<number> {
  const result = readResults(dir);
  // Both files are read before anything is written: a bad baseline leaves every file as it was.
  const before = baseline === null ? null : readResults(baseline);
  const analysis = analyze(result);
  const files = await renderReportFiles(result, analysis);
  writeReportFiles(dir, files);
  process.stderr.write(
    `report: wrote ${repoRelative(join(dir, REPORT_FILE))}, ${DETAILS_FILE}, ${RAW_FILES.csv} and ${files.charts.length} chart(s)\n`,
  );
  if (updateFrontPage(dir)) process.stderr.write(`report: the front page (${REPORT_FILE}) now leads with this run's summary\n`);
  if (baseline !== null && before !== null) {
    writeFileAtomic(
      join(dir, COMPARISON_FILE),
      renderComparison(result, before, compareRuns(result, before), verdictAgreement(analysis, analyze(before))),
    );
    process.stderr.write(`report: wrote ${repoRelative(join(dir, COMPARISON_FILE))} (against ${repoRelative(baseline)})\n`);
  }
  return exitCodeFor(result);
}

/** Several machines' runs into one report: every run read and rendered first, then written, each in its own folder. */
async function merge(sources: string[], out: string): Promise<number> {
  const results = sources.map(readResults);
  const folders = machineFolders(results);
  const runs = results.map((result, index) => ({
    // The input's folder name: an absolute path would print the reader's machine layout into the report.
    source: basename(sources[index]!),
    folder: folders[index]!,
    result,
    analysis: analyze(result),
  }));
  const perRun: Array<[string, ReportFiles]> = [];
  for (const run of runs) perRun.push([run.folder, await renderReportFiles(run.result, run.analysis)]);
  for (const [folder, files] of perRun) writeReportFiles(join(out, folder), files);
  // Each run's own result file goes beside its report, so every figure of the merged report can be traced to its runs.
  for (const run of runs) writeFileAtomic(join(out, run.folder, RAW_FILES.json), `${JSON.stringify(run.result, null, 2)}\n`);
  writeFileAtomic(join(out, RAW_FILES.csv), mergedCsv(runs));
  writeFileAtomic(join(out, REPORT_FILE), renderMachines(runs));
  process.stderr.write(`report: wrote ${repoRelative(join(out, REPORT_FILE))}, a section for each of ${runs.length} runs\n`);
  return Math.max(...results.map(exitCodeFor));
}

const isTaskRun = (cells: readonly CellResult[]) => cells.length > 0 && cells.every(isTaskCell);

/**
 * The last word of `pnpm turbo bench`: 3 when a selected runtime under test could not run, 1 when a cell failed,
 * else 0. A Python reference that is not installed is n/a in the report and no failure: nothing requires it.
 */
function exitCodeFor(result: RunResult): number {
  const skipped = result.runtimes.flatMap((runtime) =>
    runtime.status === "n/a" && runtime.selected && isUnderTest(runtime.name) ? [runtime] : [],
  );
  for (const runtime of skipped) process.stderr.write(`report: ${labelOf(runtime)} was skipped: ${runtime.reason}\n`);
  const failed = result.runtimes.flatMap((runtime) =>
    runtime.status === "measured"
      ? runtime.cells.filter((cell) => cell.status === "failed").map((cell) => `${labelOf(runtime)} ${cell.cellId}: ${cell.reason}`)
      : [],
  );
  for (const line of failed) process.stderr.write(`report: failed cell ${line}\n`);
  // A user's task that a runtime could not load at all (n/a in every cell) skipped that runtime, as a missing one would be.
  const couldNotLoad = result.runtimes.flatMap((runtime) =>
    runtime.status === "measured" &&
    isUnderTest(runtime.name) &&
    isTaskRun(runtime.cells) &&
    runtime.cells.every((cell) => cell.status === "n/a")
      ? [runtime]
      : [],
  );
  for (const runtime of couldNotLoad)
    process.stderr.write(`report: ${labelOf(runtime)} could not run the task: ${runtime.cells[0]?.reason}\n`);
  if (skipped.length > 0 || couldNotLoad.length > 0) return 3;
  return failed.length > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
