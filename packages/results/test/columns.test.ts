/**
 * A column is a value, not a runtime's name: one runtime under two labels (two versions of node, say) is two columns,
 * in the analysis, the tables, the comparisons, the claims, the charts and the CSV.
 */
import { parseRunResult, type RuntimeRun } from "@runtime-bench/model/schema";
import { describe, expect, it } from "vitest";
import { analyze } from "../src/analyze.ts";
import { renderCharts } from "../src/charts/index.ts";
import { RUNTIME_COLOURS } from "../src/charts/theme.ts";
import { modelClaims, summaryClaims } from "../src/claims.ts";
import { renderCsv } from "../src/render-csv.ts";
import { renderReport } from "../src/render-markdown.ts";
import { rivalsOf, versionsSection } from "../src/render-versions.ts";
import { headlineCells } from "./chart-fixtures.ts";
import { around, cpuCell, measured, runResult } from "./fixtures.ts";

const labelled = (label: string, run: RuntimeRun): RuntimeRun => ({ ...run, label });
// node 26 runs the loop faster than node 24 and than bun; its pool 2.00x, node 24's 2.00x, bun's 1.90x.
const result = runResult([
  labelled("node 24", measured("node", headlineCells(400, 200))),
  labelled("node 26", measured("node", headlineCells(300, 150))),
  measured("bun", headlineCells(380, 200)),
]);
const analysis = analyze(result);
const { readme, details } = renderReport(result, [], analysis);

describe("one runtime under two labels", () => {
  it("is two columns, each with its runtime, its label and its role, in the run's order", () => {
    expect(analysis.runs.map(({ column }) => column)).toEqual([
      { label: "node 24", runtime: "node", role: "ranked" },
      { label: "node 26", runtime: "node", role: "ranked" },
      { label: "bun", runtime: "bun", role: "ranked" },
    ]);
    for (const table of analysis.tables) expect(table.rows.map((row) => row.column.label)).toEqual(["node 24", "node 26", "bun"]);
  });

  it("compares the two columns with each other, side by side, as two runtimes are, and ranks the fastest by label", () => {
    const pairs = analysis.comparisons.filter((one) => one.kind === "runtimes" && one.cellId === "cpu.sequential/n=1e8");
    expect(pairs.map((one) => (one.kind === "runtimes" ? `${one.subject} vs ${one.reference}` : ""))).toEqual([
      "node 26 vs node 24",
      "bun vs node 24",
      "bun vs node 26",
    ]);
    expect(analysis.tables.find((table) => table.cellId === "cpu.sequential/n=1e8")!.fastest?.label).toBe("node 26");
  });

  it("has both columns in the claims", () => {
    const pool = modelClaims(analysis).find((claim) => claim.model.cell.scenarioId === "cpu.worker-pool")!;
    expect(pool.outcomes.map((outcome) => [outcome.column.label, outcome.answer])).toEqual([
      ["node 24", "yes"],
      ["node 26", "yes"],
      ["bun", "yes"],
    ]);
    const fastest = summaryClaims(analysis).find((claim) => claim.kind === "fastest");
    expect(fastest?.kind === "fastest" && fastest.entries[0]!.leader?.label).toBe("node 26");
    const summary = readme.replaceAll("\n  ", " ");
    expect(summary).toContain("**A warmed worker pool: paid off on every runtime.** 2.00x [2.00–2.00, n = 6] faster (node 24), 2.00x");
    expect(summary).toContain("node 26 for sum of squares (a tight integer loop) (n = 100000000).** Speed against it: sum of squares");
  });

  it("has both columns in the tables: the overview, the verdicts, each cell, the environment", () => {
    expect(readme).toContain("| | node 24 | node 26 | bun |");
    expect(details).toContain("| cell | node 24: vs baseline | node 26: vs baseline | bun: vs baseline | node 26 vs node 24: speed-up |");
    expect(details).toContain("| **node 26** (fastest) | 300 ms [");
    expect(details).toMatch(/\| version \| 1\.0\.0 \| 1\.0\.0 \| 1\.0\.0 \|/);
  });

  it("has both columns in the CSV, each row named by its label", () => {
    const runtimes = new Set(
      renderCsv(result, analysis)
        .split("\n")
        .slice(1, -1)
        .map((line) => line.split(",")[0]),
    );
    expect([...runtimes]).toEqual(["node 24", "node 26", "bun"]);
  });

  it("has both columns in the charts, each in a colour of its own: the runtime's for its first column", async () => {
    const [headline] = await renderCharts(result, analysis);
    expect(headline!.alt).toContain("on node 24, node 26 and bun");
    expect(headline!.svg).toContain(RUNTIME_COLOURS.node);
    expect(headline!.svg).toContain("#000000");
    expect(headline!.svg).toContain(RUNTIME_COLOURS.bun);
    expect(headline!.svg).toContain(">node 26<");
  });

  it("refuses two columns under one label when the file is read: their rows could not be told apart", () => {
    const twice = runResult([measured("node", headlineCells(400, 200)), labelled("node", measured("node", headlineCells(300, 150)))]);
    expect(() => parseRunResult(JSON.parse(JSON.stringify(twice)), "run.json")).toThrow(/two runtimes under one label, "node"/);
  });
});

describe("contenders of one runtime: the version question", () => {
  const contender = (label: string, run: RuntimeRun, contenderRecord: RuntimeRun["contender"]): RuntimeRun => ({
    ...run,
    label,
    contender: contenderRecord,
  });
  const pinned = { source: { kind: "pinned" as const }, flags: [] };
  const release = { source: { kind: "registry" as const, requested: "24", version: "24.21.0" }, flags: ["--no-opt"] };

  it("pairs the contenders of one runtime only, and says what each is, where it came from and its flags", () => {
    expect(rivalsOf(analysis).map(({ older, newer }) => [older.label, newer.label])).toEqual([["node 24", "node 26"]]);
    const run = runResult([
      contender("node 24", measured("node", headlineCells(400, 200)), release),
      contender("node 26", measured("node", headlineCells(300, 150)), pinned),
      measured("bun", headlineCells(380, 200)),
    ]);
    const lines = versionsSection(analyze(run)).join("\n").replaceAll("\n  ", " ");
    expect(lines).toContain("| node 24 | 1.0.0 | npm registry: 24 resolved to 24.21.0 | `--no-opt` |");
    expect(lines).toContain("| node 26 | 1.0.0 | pinned (root package.json) | none |");
    expect(lines).not.toContain("| bun |");
    expect(lines).toContain("### node 26 against node 24");
    expect(lines).toMatch(
      /\*\*Settled differences \(2 of 4\)\*\*: cpu\.sequential\/n=1e8 1\.33x \[[\d.–]+, n = 6\] faster; cpu\.worker-pool\/n=1e8 1\.33x/,
    );
    expect(lines).toContain("**Equivalent (within ±5%, 2)**: io.sequential and io.async-fetch.");
    expect(lines).toContain("**The lesson's claims read the same on both**");
    expect(renderReport(run).readme).toContain("## Versions and builds: contenders of one runtime");
  });

  it("says where a claim reads differently: a model that pays off on one and not the other", () => {
    const slowPool = [cpuCell("cpu.sequential", around(300)), cpuCell("cpu.worker-pool", around(330))];
    const run = runResult([
      contender("node 24", measured("node", headlineCells(400, 200)), release),
      contender("node 26", measured("node", slowPool), pinned),
    ]);
    const lines = versionsSection(analyze(run)).join("\n").replaceAll("\n  ", " ");
    expect(lines).toContain(
      "**The lesson's claims differ (1)**: cpu.worker-pool/n=1e8 pays off: shown on node 24, shown not to on node 26.",
    );
  });

  it("is no section where no runtime has two contenders", () => {
    expect(
      versionsSection(analyze(runResult([measured("node", headlineCells(400, 200)), measured("bun", headlineCells(380, 200))]))),
    ).toEqual([]);
  });
});
