import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, found from this file's place in it. */
export const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

/** A path as it may appear in a committed result: relative to the repo, never machine-specific. */
export function repoRelative(path: string): string {
  return path.startsWith(repoRoot) ? relative(repoRoot, path) || "." : path;
}

/**
 * The folder the person typed the command in, which relative paths in flags are taken from: `pnpm turbo bench`
 * runs each task in its package's folder, so the root scripts record the caller's folder (pnpm's INIT_CWD) in
 * RUNTIME_BENCH_CALLER_CWD, which turbo passes on (RUNTIME_BENCH_*); a script run directly uses its own folder.
 */
export const CALLER_CWD_VARIABLE = "RUNTIME_BENCH_CALLER_CWD";

export const fromCaller = (path: string): string => resolve(process.env[CALLER_CWD_VARIABLE] || process.cwd(), path);
