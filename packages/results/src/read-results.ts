/** Reads and validates every runtime's result file in a folder. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseResultFile, ResultFileError, type RunResult, type UnavailableRun } from "@runtime-bench/harness/schema";
import type { RuntimeName } from "@runtime-bench/harness/primitives";

export const RUNTIMES: readonly RuntimeName[] = ["node", "bun", "deno"];

export interface LoadedResults {
  results: RunResult[];
  /** Runtimes with no result file, and why they are absent. */
  missing: Array<{ runtime: RuntimeName; reason: string }>;
}

/** Reads `<dir>/<runtime>.json` for every runtime; a missing file is reported, a broken one throws. */
export function readResults(dir: string): LoadedResults {
  const loaded: LoadedResults = { results: [], missing: [] };
  for (const runtime of RUNTIMES) {
    const file = join(dir, `${runtime}.json`);
    if (!existsSync(file)) {
      loaded.missing.push({ runtime, reason: `no result file (${runtime}.json)` });
      continue;
    }
    const result = readResultFile(file);
    if ("unavailable" in result) {
      loaded.missing.push({ runtime, reason: result.unavailable.reason });
      continue;
    }
    if (result.runtime.runtime !== runtime) {
      throw new ResultFileError(file, `field "runtime.runtime": the file is named for ${runtime} but holds ${result.runtime.runtime}`);
    }
    loaded.results.push(result);
  }
  return loaded;
}

export function readResultFile(file: string): RunResult | UnavailableRun {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ResultFileError(file, `not valid JSON (${(error as Error).message}); is it truncated?`);
  }
  return parseResultFile(json, file);
}
