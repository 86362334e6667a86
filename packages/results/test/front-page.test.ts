/** The front page leads with the committed answer: its block is the leads of results/README.md's first claims. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "@runtime-bench/model/cli/repo";
import { describe, expect, it } from "vitest";
import { FRONT_PAGE, frontPageBlock, summaryLeads, withBlock } from "../src/front-page.ts";

const SUMMARY = `# r

## Summary

| this run | |
| - | -: |

- **A warmed worker pool: paid off on every runtime.** 1.85x [1.62–1.94, n = 6] faster (node), 1.98x
  [1.65–2.29, n = 6] faster (bun).
- **At the smallest size (n = 10000000), starting an executor per task cost more than the work: a fresh worker
  thread per task: slower on every runtime.** A fresh worker thread per task: 0.13x.
- **Memory per unit of concurrency** (slope of peak PSS): 98.5 KiB.

## Charts

- **Not a claim.**
`;

describe("the front page", () => {
  it("takes each claim's bold lead, a wrapped one whole, from the summary only", () => {
    expect(summaryLeads(SUMMARY, 2)).toEqual([
      "A warmed worker pool: paid off on every runtime.",
      "At the smallest size (n = 10000000), starting an executor per task cost more than the work: a fresh worker thread per task: slower on every runtime.",
    ]);
    expect(summaryLeads(SUMMARY)).toHaveLength(3);
  });

  it("replaces its block between the markers and nothing else", () => {
    const block = frontPageBlock(SUMMARY);
    const page = `# top\n\n${frontPageBlock("")}\n\n## after\n`;
    expect(withBlock(page, block)).toBe(`# top\n\n${block}\n\n## after\n`);
    expect(withBlock("no markers here", block)).toBe("no markers here");
  });

  it("holds the committed run's claims, as the report writes them (npx pnpm report rewrites the block)", () => {
    const published = readFileSync(join(repoRoot, "results/README.md"), "utf8");
    expect(readFileSync(FRONT_PAGE, "utf8")).toContain(frontPageBlock(published));
  });

  it("shows the commands, the chart and the answer on its first screen (60 lines)", () => {
    const firstScreen = readFileSync(FRONT_PAGE, "utf8").split("\n").slice(0, 60).join("\n");
    for (const text of [
      "npx -y pnpm@",
      "npx pnpm turbo bench ",
      "npx pnpm test",
      "results/charts/headline.svg",
      "/front-page-summary -->",
      "## Where the rest is",
    ])
      expect(firstScreen).toContain(text);
  });
});
