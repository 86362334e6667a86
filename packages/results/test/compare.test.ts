import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RunResult } from "@runtime-bench/model/schema";
import { describe, expect, it } from "vitest";
import { analyze } from "../src/analyze.ts";
import { type Claim, subjectOf } from "../src/claims.ts";
import { compareRuns } from "../src/compare-runs.ts";
import { renderComparison } from "../src/render-comparison.ts";
import { verdictAgreement } from "../src/verdict-agreement.ts";
import { around, cpuCell, measured, runResult } from "./fixtures.ts";

const mainFile = fileURLToPath(new URL("../src/main.ts", import.meta.url));

const baseline = runResult([
  measured("node", [
    cpuCell("cpu.sequential", around(100)),
    cpuCell("cpu.worker-pool", around(50)),
    cpuCell("cpu.async-main", around(100)),
  ]),
]);
const current = runResult([
  measured("node", [
    cpuCell("cpu.sequential", around(102)), // 2%: within ±5%, equivalent
    cpuCell("cpu.worker-pool", around(65)), // 30% slower: a regression
    cpuCell("cpu.async-main", around(80)), // 20% faster
    cpuCell("cpu.process-pool", around(60)), // new: not in the baseline
  ]),
]);

describe("a run against a baseline", () => {
  const comparison = compareRuns(current, baseline);

  it("lists regressions first, then improvements, then the rest, each change with its interval", () => {
    expect(comparison.changes.map((change) => [change.cellId, change.verdict])).toEqual([
      ["cpu.worker-pool/n=1e8", "slower"],
      ["cpu.async-main/n=1e8", "faster"],
      ["cpu.sequential/n=1e8", "equivalent"],
    ]);
    const regression = comparison.changes[0]!;
    expect(regression.timeRatio).toBeCloseTo(1.3, 5);
    expect(regression.ci95[0]).toBeGreaterThan(1);
  });

  it("says which cells it could not compare, and whether the machines differ", () => {
    expect(comparison.unmatched).toEqual([{ runtime: "node", cellId: "cpu.process-pool/n=1e8", why: "not in the baseline run" }]);
    expect(comparison.machineDifferences).toEqual([]);
    const elsewhere = structuredClone(baseline);
    elsewhere.machine.cores = 16;
    const rendered = renderComparison(
      current,
      elsewhere,
      compareRuns(current, elsewhere),
      verdictAgreement(analyze(current), analyze(elsewhere)),
    );
    expect(rendered).toContain("⚠ The machines differ (cores: 2 now, 16 in the baseline)");
  });

  it("renders a table of the changes, labelled unpaired, equivalent where the verdict rule shows no change", () => {
    const rendered = renderComparison(current, baseline, comparison, verdictAgreement(analyze(current), analyze(baseline)));
    expect(rendered).toContain("**Unpaired**");
    expect(rendered).toContain("- 1 slower, 1 faster, 1 equivalent, 0 inconclusive, of 3 cells compared.");
    expect(rendered).toMatch(/\| node \| `cpu\.worker-pool\/n=1e8` \| 50\.0 ms \| 65\.0 ms \| 0\.77x \[[\d.]+–[\d.]+\] \| slower ⚠ \|/);
    expect(rendered).toMatch(/\| node \| `cpu\.sequential\/n=1e8` \| 100 ms \| 102 ms \| 0\.98x \[[\d.]+–[\d.]+\] \| equivalent \|/);
  });
});

describe("whether two runs tell the same lesson", () => {
  // Each run's own paired verdicts: the pool is faster in both; async tasks equivalent in the baseline, 22% faster now.
  const agreement = verdictAgreement(analyze(current), analyze(baseline));

  it("counts the paired comparisons both runs made in the same class, and calls a difference against equivalent a conflict", () => {
    expect(agreement.compared).toBe(2);
    expect(agreement.same).toBe(1);
    expect(agreement.changes).toEqual([
      { comparison: "node: cpu.async-main/n=1e8 vs cpu.sequential/n=1e8", baseline: "equivalent", now: "faster", conflict: true },
    ]);
  });

  it("is no conflict where one side is inconclusive", () => {
    const noisy = runResult([
      measured("node", [
        cpuCell("cpu.sequential", around(100)),
        cpuCell("cpu.worker-pool", around(50)),
        cpuCell("cpu.async-main", [100, 80, 120, 90, 115, 85]),
      ]),
    ]);
    expect(verdictAgreement(analyze(noisy), analyze(baseline)).changes).toEqual([
      { comparison: "node: cpu.async-main/n=1e8 vs cpu.sequential/n=1e8", baseline: "equivalent", now: "inconclusive", conflict: false },
    ]);
    // An equivalent comparison and an inconclusive one make the same summary claim: "not shown to pay off".
    expect(verdictAgreement(analyze(noisy), analyze(baseline)).claims.differing).toEqual([]);
  });

  it("names the summary claims that differ, compared as records (subject and outcome), and renders all of it in comparison.md", () => {
    const subjects = agreement.claims.differing.map(({ baseline, now }) => [baseline && subjectOf(baseline), now && subjectOf(now)]);
    expect(subjects).toEqual([
      ["model cpu.async-main", "model cpu.async-main"],
      // A cell only this run measured: its claim has no counterpart.
      [null, "model cpu.process-pool"],
    ]);
    const answers = (claim: Claim | null) => (claim?.kind === "model" ? claim.outcomes.map((one) => [one.column.label, one.answer]) : null);
    const [asyncMain] = agreement.claims.differing;
    expect(answers(asyncMain!.baseline)).toEqual([["node", "no"]]); // equivalent: shown not to pay off
    expect(answers(asyncMain!.now)).toEqual([["node", "yes"]]);
    const rendered = renderComparison(current, baseline, compareRuns(current, baseline), agreement);
    expect(rendered).toContain("- 1 of 2 paired comparisons both runs made read the same class (50.0%).");
    expect(rendered).toContain(
      "- 1 settled one way in one run and another way in the other (faster against slower, or a difference against equivalent): node: cpu.async-main/n=1e8 vs cpu.sequential/n=1e8.",
    );
    expect(rendered).toMatch(/\| node: cpu\.async-main\/n=1e8 vs cpu\.sequential\/n=1e8 \| equivalent \| faster \| yes \|/);
    expect(rendered).toContain("- baseline: Concurrent async tasks on one thread: not shown to pay off on node.");
    expect(rendered).toContain("- 2 of 3 summary claims differ (what each claims of each runtime, figures aside).");
  });
});

describe("pnpm report --baseline", () => {
  const folder = (result: RunResult) => {
    const dir = mkdtempSync(join(tmpdir(), "rb-compare-"));
    writeFileSync(join(dir, "run.json"), JSON.stringify(result));
    return dir;
  };

  it("writes comparison.md beside the report", () => {
    const dir = folder(current);
    const run = spawnSync(process.execPath, [mainFile, "--dir", dir, "--baseline", folder(baseline)], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(dir, "comparison.md"), "utf8")).toContain("# runtime-bench: this run against a baseline");
  });

  it("`pnpm report` (the README's command, through pnpm) ends with the report's own exit code: 2 for a truncated file", () => {
    const dir = mkdtempSync(join(tmpdir(), "rb-truncated-"));
    writeFileSync(join(dir, "run.json"), JSON.stringify(current).slice(0, 500));
    const pnpm = fileURLToPath(new URL("../../../node_modules/.bin/pnpm", import.meta.url));
    const run = spawnSync(pnpm, ["report", "--dir", dir], { encoding: "utf8", cwd: fileURLToPath(new URL("../../..", import.meta.url)) });
    expect(run.stderr).toMatch(/report: .*run\.json: not valid JSON .*is it truncated\?/);
    expect(run.stderr).not.toMatch(/recursive run/);
    expect(run.status).toBe(2);
  });

  it("stops at a baseline folder without a result file: exit 2, the message names it, nothing written", () => {
    const dir = folder(current);
    const empty = mkdtempSync(join(tmpdir(), "rb-compare-empty-"));
    const run = spawnSync(process.execPath, [mainFile, "--dir", dir, "--baseline", empty], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(join(empty, "run.json"));
    expect(existsSync(join(dir, "README.md"))).toBe(false);
    expect(existsSync(join(dir, "comparison.md"))).toBe(false);
  });
});
