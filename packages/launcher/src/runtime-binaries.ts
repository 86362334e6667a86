/**
 * Where each runtime under test lives. They are pinned devDependencies of the repo root, so their real
 * binaries sit in node_modules (runtimes.ts says which package and file); RUNTIME_BENCH_<NAME>_BIN overrides
 * one (e.g. to try another build).
 */
import { accessSync, constants, readFileSync, realpathSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, dirname, join } from "node:path";
import { repoRoot } from "@runtime-bench/model/cli/repo";
import { binaryOverrideVariable, RUNTIMES, type RuntimeName } from "@runtime-bench/model/runtimes";

export function runtimeBinary(runtime: RuntimeName): string {
  const override = process.env[binaryOverrideVariable(runtime)];
  if (override) return override;
  const { installation } = RUNTIMES[runtime];
  if (installation.kind === "system") return installation.program; // found on PATH when it is started
  const requireFromRoot = createRequire(join(repoRoot, "package.json"));
  try {
    // The real path: pnpm links packages, and Deno's --allow-run matches the resolved binary.
    return realpathSync(join(dirname(requireFromRoot.resolve(`${installation.npmPackage}/package.json`)), installation.binaryInPackage));
  } catch {
    // Not installed as a package: fall back to PATH, and let the launch say if it is missing there too.
    return runtime;
  }
}

/** The version the root package.json pins for a runtime (its devDependency), or null if it pins none (a system program). */
export function pinnedVersion(runtime: RuntimeName): string | null {
  const { installation } = RUNTIMES[runtime];
  if (installation.kind !== "npm") return null;
  const manifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { devDependencies?: Record<string, string> };
  return manifest.devDependencies?.[installation.npmPackage] ?? null;
}

/** Whether a program can be started: a path to an executable file, or a name found in one of PATH's folders. */
export function onPath(program: string): boolean {
  const executable = (file: string) => {
    try {
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false;
    }
  };
  if (program.includes("/")) return executable(program);
  return (process.env.PATH ?? "").split(delimiter).some((folder) => folder !== "" && executable(join(folder, program)));
}
