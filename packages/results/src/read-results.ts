/** Reads and validates a run's result file. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { toMessage } from "@runtime-bench/model/errors";
import { parseRunResult, RESULT_FILE, ResultFileError, type RunResult } from "@runtime-bench/model/schema";

/** `<dir>/run.json`, validated; throws a ResultFileError naming the file and field when it is absent or broken. */
export function readResults(dir: string): RunResult {
  const file = join(dir, RESULT_FILE);
  if (!existsSync(file)) throw new ResultFileError(file, "no result file here; run `pnpm turbo bench` first");
  return readResultFile(file);
}

export function readResultFile(file: string): RunResult {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ResultFileError(file, `not valid JSON (${toMessage(error)}); is it truncated?`);
  }
  return parseRunResult(json, file);
}
