import { relative } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, found from this file's place in it. */
export const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

/** A path as it may appear in a committed result: relative to the repo, never machine-specific. */
export function repoRelative(path: string): string {
  return path.startsWith(repoRoot) ? relative(repoRoot, path) || "." : path;
}
