/**
 * The folder a file cell writes in: made by the launcher for one run of one cell, and removed when that run
 * ends however it ends (verified, failed, timed out and killed, or interrupted), so no file outlives its cell.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const SCRATCH_PREFIX = "runtime-bench-files-";

export async function withScratchFolder<T>(use: (folder: string) => Promise<T>): Promise<T> {
  const folder = mkdtempSync(join(tmpdir(), SCRATCH_PREFIX));
  try {
    return await use(folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
