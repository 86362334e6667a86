/**
 * The written documentation holds together: every relative link in the README, docs/ and each package's, app's and
 * example's README reaches a file that exists, and a link to a heading (`file.md#heading`) reaches a heading of that
 * file. (The reports under results/ are generated, and their links are the report's own tests' business.)
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** The hand-written markdown files: the README, docs/, and the README of every workspace folder. */
function writtenDocs(): string[] {
  const inFolder = (folder: string) =>
    existsSync(join(repoRoot, folder)) ? readdirSync(join(repoRoot, folder)).map((name) => join(folder, name)) : [];
  return [
    "README.md",
    ...inFolder("docs").filter((file) => file.endsWith(".md")),
    ...["packages", "apps", "examples"].flatMap((group) => inFolder(group).map((folder) => join(folder, "README.md"))),
    "benchmarks/README.md",
  ].filter((file) => existsSync(join(repoRoot, file)));
}

/** GitHub's anchor for a heading: lower case, punctuation dropped (hyphens and underscores kept), spaces to hyphens. */
const slugOf = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");

/** The anchors a markdown file's headings give it (outside code blocks). */
function anchorsOf(file: string): Set<string> {
  const text = readFileSync(file, "utf8").replace(/```[\s\S]*?```/g, "");
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((match) => slugOf(match[1]!)));
}

/** Every relative link of a markdown file (outside code blocks and inline code), as written. */
function linksOf(file: string): string[] {
  const text = readFileSync(file, "utf8")
    .replace(/```[\s\S]*?```/g, "")
    .replace(/`[^`\n]*`/g, "");
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!).filter((target) => !/^[a-z]+:/i.test(target));
}

describe("the written documentation", () => {
  const files = writtenDocs();

  it("has the README, the docs/ pages and the folders' READMEs to check", () => {
    expect(files).toContain("README.md");
    expect(files.filter((file) => file.startsWith("docs/")).length).toBeGreaterThan(3);
  });

  it("has no relative link that does not resolve, to a file or to a heading in it", () => {
    const broken = files.flatMap((file) =>
      linksOf(join(repoRoot, file)).flatMap((link) => {
        const [path, anchor] = link.split("#") as [string, string | undefined];
        const target = path === "" ? join(repoRoot, file) : resolve(dirname(join(repoRoot, file)), decodeURIComponent(path));
        if (!existsSync(target)) return [`${file}: ${link} (no such file)`];
        if (anchor === undefined || statSync(target).isDirectory() || !target.endsWith(".md")) return [];
        return anchorsOf(target).has(anchor) ? [] : [`${file}: ${link} (no heading "${anchor}" in ${relative(repoRoot, target)})`];
      }),
    );
    expect(broken).toEqual([]);
  });
});
