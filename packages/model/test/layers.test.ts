/**
 * The layers the packages keep (issue 21): the report, the launcher and the code that runs inside a measured
 * runtime each build on the model; the report never imports the launcher or in-runtime code (it depends on the
 * model alone), and the model imports neither. Checked on every import of every source file and on the
 * package manifests, so a shortcut across a layer fails here rather than in a reader's head.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../src/cli/repo.ts";

/** Which workspace packages a package's sources may import (none of the others). */
const ALLOWED: Record<string, readonly string[]> = {
  model: ["workloads"],
  "in-runtime": ["model", "workloads"],
  launcher: ["model", "in-runtime", "workloads", "mock-api"],
  results: ["model"],
  workloads: [],
  "mock-api": ["workloads"],
};

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : name.endsWith(".ts") ? [full] : [];
  });

const workspaceImports = (file: string): string[] =>
  [...readFileSync(file, "utf8").matchAll(/(?:from\s+|import\s*\(\s*|import\s+)"@runtime-bench\/([^/"]+)/g)].map((match) => match[1]!);

describe("package layers", () => {
  for (const [name, allowed] of Object.entries(ALLOWED)) {
    it(`${name} imports only ${allowed.length ? allowed.join(", ") : "no other workspace package"}`, () => {
      const src = join(repoRoot, "packages", name, "src");
      const offending = sourceFiles(src).flatMap((file) =>
        workspaceImports(file)
          .filter((target) => target !== name && !allowed.includes(target))
          .map((target) => `${relative(repoRoot, file)} imports @runtime-bench/${target}`),
      );
      expect(offending).toEqual([]);
      const manifest = JSON.parse(readFileSync(join(repoRoot, "packages", name, "package.json"), "utf8"));
      const declared = Object.keys(manifest.dependencies ?? {})
        .filter((dependency) => dependency.startsWith("@runtime-bench/"))
        .map((dependency) => dependency.slice("@runtime-bench/".length));
      expect(declared.filter((dependency) => !allowed.includes(dependency))).toEqual([]);
    });
  }

  it("every package says what it offers in an explicit exports map (no wildcard)", () => {
    for (const name of Object.keys(ALLOWED)) {
      const manifest = JSON.parse(readFileSync(join(repoRoot, "packages", name, "package.json"), "utf8"));
      expect(
        Object.keys(manifest.exports ?? {}).filter((key) => key.includes("*")),
        name,
      ).toEqual([]);
    }
  });
});
