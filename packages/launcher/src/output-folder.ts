/**
 * The result folder, checked before anything is measured: a run of many minutes that cannot write its result
 * at the end is refused at the start instead.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "@runtime-bench/model/cli/flags";

export function assertWritableFolder(dir: string): void {
  const existing = statSync(dir, { throwIfNoEntry: false });
  if (existing && !existing.isDirectory()) throw new UsageError(`--out ${dir}: is a file, not a folder; nothing was measured`);
  // Creating and removing a file is the only test that holds for read-only mounts and for root alike.
  const probe = join(dir, `.write-check-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, "");
    rmSync(probe);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new UsageError(`--out ${dir}: the result folder cannot be written (${code ?? message}); nothing was measured`);
  }
}
