/**
 * Where each runtime under test lives. They are pinned devDependencies of the repo root, so their real
 * binaries sit in node_modules (runtimes.ts says which package and file); RUNTIME_BENCH_<NAME>_BIN overrides
 * one (e.g. to try another build).
 */
import { readFileSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { binaryOverrideVariable, RUNTIMES, type RuntimeName } from "../runtimes.ts";
import { repoRoot } from "./repo.ts";

export function runtimeBinary(runtime: RuntimeName): string {
  const override = process.env[binaryOverrideVariable(runtime)];
  if (override) return override;
  const requireFromRoot = createRequire(join(repoRoot, "package.json"));
  try {
    // The real path: pnpm links packages, and Deno's --allow-run matches the resolved binary.
    const { npmPackage, binaryInPackage } = RUNTIMES[runtime];
    return realpathSync(join(dirname(requireFromRoot.resolve(`${npmPackage}/package.json`)), binaryInPackage));
  } catch {
    // Not installed as a package: fall back to PATH, and let the launch say if it is missing there too.
    return runtime;
  }
}

/** The version the root package.json pins for a runtime (its devDependency), or null if it pins none. */
export function pinnedVersion(runtime: RuntimeName): string | null {
  const manifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { devDependencies?: Record<string, string> };
  return manifest.devDependencies?.[RUNTIMES[runtime].npmPackage] ?? null;
}
