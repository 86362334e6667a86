/**
 * The repository's front page shows the committed answer before anyone runs anything: the headline chart and the
 * leads of the first claims of results/README.md's summary, in a block of the root README between two markers. The
 * report writes the block whenever it writes the published results/, and a test holds the two in step.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "@runtime-bench/model/cli/atomic-write";
import { repoRoot } from "@runtime-bench/model/cli/repo";
import { REPORT_FILE } from "./links.ts";
import { wrapBullet } from "./text.ts";

export const FRONT_PAGE = join(repoRoot, REPORT_FILE);
export const PUBLISHED_RESULTS = join(repoRoot, "results");
const START = "<!-- front-page-summary: written by the report from results/README.md; do not edit by hand -->";
const END = "<!-- /front-page-summary -->";
/** How many of the summary's claims the front page leads with: the lesson's models and their start-up cost. */
export const FRONT_PAGE_CLAIMS = 8;

/** The bold lead of each of the summary's first claims ("- **A warmed worker pool: paid off on every runtime.** ..."). */
export function summaryLeads(resultsReadme: string, count = FRONT_PAGE_CLAIMS): string[] {
  const summary = resultsReadme.split(/^## Summary$/m)[1]?.split(/^## /m)[0] ?? "";
  // A claim is a bullet and its wrapped lines; its lead is the bold text it opens with.
  const bullets = summary
    .split(/^- /m)
    .slice(1)
    .map((bullet) => bullet.replace(/\s*\n\s*/g, " "));
  return bullets.flatMap((bullet) => /^\*\*(.+?)\*\*/.exec(bullet)?.[1] ?? []).slice(0, count);
}

/** The front page's block for a results/README.md: its claims' leads, each a bullet, between the markers. */
export const frontPageBlock = (resultsReadme: string): string =>
  [START, ...summaryLeads(resultsReadme).flatMap((lead) => wrapBullet(lead)), END].join("\n");

/** The front page with its block replaced by `block` (unchanged where it has no markers). */
export function withBlock(frontPage: string, block: string): string {
  const start = frontPage.indexOf(START);
  const end = frontPage.indexOf(END);
  return start === -1 || end === -1 ? frontPage : frontPage.slice(0, start) + block + frontPage.slice(end + END.length);
}

/** After the published results/ is reported: the front page's block rewritten from its README.md. */
export function updateFrontPage(resultsDir: string): boolean {
  if (resultsDir !== PUBLISHED_RESULTS || !existsSync(FRONT_PAGE)) return false;
  const current = readFileSync(FRONT_PAGE, "utf8");
  const updated = withBlock(current, frontPageBlock(readFileSync(join(resultsDir, REPORT_FILE), "utf8")));
  if (updated !== current) writeFileAtomic(FRONT_PAGE, updated);
  return updated !== current;
}
