/**
 * The bench's command line end to end: --help, every kind of bad input (exit 2, a message listing the valid
 * choices, nothing written), and a partial re-run (--scenarios) that replaces only its cells in an earlier result.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "@runtime-bench/model/cli/flags";
import { repoRoot } from "@runtime-bench/model/cli/repo";
import { expandCells, getProfile, loadSuite } from "@runtime-bench/model/suite";
import { describe, expect, it } from "vitest";
import { selectCells } from "../src/cell-selection.ts";
import { bench, cellsOf, readRun, report, temporary, writeSuite } from "./bench-helpers.ts";

const fullCells = expandCells(getProfile(loadSuite(join(repoRoot, "benchmarks/suite.json")), "full"), { cores: 2, baseUrl: "" });

describe("--scenarios chooses cells", () => {
  it("by scenario id, with the baselines the chosen cells are compared with", () => {
    const { cells, addedBaselines } = selectCells(fullCells, ["cpu.worker-pool"], "full");
    expect(cells.every((cell) => ["cpu.worker-pool", "cpu.sequential"].includes(cell.scenarioId))).toBe(true);
    expect(cells.filter((cell) => cell.scenarioId === "cpu.worker-pool").length).toBeGreaterThan(4); // headline, scaling, ladder, workloads
    expect(addedBaselines).toContain("cpu.sequential/n=1e7");
    for (const cell of cells) if (cell.baseline) expect(cells.map((c) => c.cellId)).toContain(cell.baseline);
  });

  it("by cell id or by glob over either", () => {
    expect(selectCells(fullCells, ["cpu.worker-pool/n=1e7"], "full").cells.map((cell) => cell.cellId)).toEqual([
      "cpu.sequential/n=1e7",
      "cpu.worker-pool/n=1e7",
    ]);
    const io = selectCells(fullCells, ["io.async-fetch/L=50ms/**"], "full").cells;
    expect(io.length).toBeGreaterThan(0);
    expect(io.every((cell) => cell.cellId.startsWith("io.async-fetch/L=50ms/") || cell.scenarioId === "io.sequential")).toBe(true);
    const primitives = selectCells(fullCells, ["primitive.*"], "full").cells;
    expect(new Set(primitives.map((cell) => cell.group))).toEqual(new Set(["primitives"]));
  });

  it("a pattern that matches nothing is a usage error listing the scenario ids", () => {
    expect(() => selectCells(fullCells, ["cpu.*", "cpu.teleport"], "full")).toThrow(UsageError);
    expect(() => selectCells(fullCells, ["cpu.teleport"], "full")).toThrow(
      /"cpu\.teleport" matches no cell.*cpu\.sequential, cpu\.async-main/,
    );
  });
});

describe("the command line", () => {
  it("--help lists the flags, the profiles and the scenario ids, measures nothing and writes nothing", () => {
    const out = temporary("help");
    const run = bench(["--help", "--out", out]);
    expect(run.status, run.stderr).toBe(0);
    for (const text of [
      "--scenarios P,Q",
      "--runtimes A,B",
      "node@24",
      "node=PATH",
      "bun[--smol]",
      "label:node@24",
      "--profile NAME",
      "quick",
      "full",
      "cpu.worker-pool",
      "io.async-fetch",
    ])
      expect(run.stdout).toContain(text);
    expect(run.stderr).not.toMatch(/\[round|\[bench\]/);
    expect(readdirSync(out)).toEqual([]);
  });

  it.each([
    [["--bogus"], /Unknown option '--bogus'; the flags are --quick, --profile, .*--scenarios, --task, --compute-only, --help/],
    [["--profile", "nightly"], /unknown profile "nightly"; the suite has: main, full, quick/],
    [["--runtimes", "python"], /--runtimes: "python": "python" is none of the runtimes \(node, bun, deno/],
    [["--scenarios", "cpu.teleport"], /--scenarios: "cpu\.teleport" matches no cell of profile "quick"\. Scenario ids: cpu\.sequential/],
    [["--scenarios", ","], /--scenarios takes a comma-separated list/],
  ])("%j: exit 2, the valid choices listed, nothing written", (args, message) => {
    const out = temporary("bad-cli");
    writeFileSync(join(out, "README.md"), "the last report");
    const run = bench([...args, "--out", out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(readdirSync(out)).toEqual(["README.md"]);
    expect(readFileSync(join(out, "README.md"), "utf8")).toBe("the last report");
  });

  it("the report: --help prints its usage; an unknown flag is exit 2 with the valid ones", () => {
    const out = temporary("report-cli");
    const help = report(out, ["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--baseline DIR[\s\S]*--merge DIR/);
    const bad = report(out, ["--bogus"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Unknown option '--bogus'; the flags are .*--dir, --baseline, --merge/);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe("a partial re-run (--scenarios)", () => {
  it("replaces only its cells (and their baselines) in the earlier result, numbers its rounds after it, and the report is rebuilt", () => {
    const out = temporary("rerun");
    const suite = writeSuite(out, (p) => {
      p.scenarios = ["cpu.sequential", "cpu.async-main", "cpu.worker-pool"];
      p.rounds = { warmup: 0, min: 3, max: 3 };
    });
    expect(bench(["--suite", suite, "--out", out]).status).toBe(0);
    const before = readRun(out);
    const cell = (run: typeof before, id: string) => cellsOf(run).find((c) => c.scenarioId === id)!;

    const rerun = bench(["--suite", suite, "--out", out, "--scenarios", "cpu.worker-pool"]);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(rerun.stderr).toMatch(/with the baselines they are compared with \(cpu\.sequential\/n=1e6\)/);
    expect(rerun.stderr).toMatch(/2 cell\(s\) of node replaced in .*run\.json; every other cell kept/);
    const after = readRun(out);

    expect(cell(after, "cpu.async-main")).toEqual(cell(before, "cpu.async-main")); // kept as it was
    for (const id of ["cpu.worker-pool", "cpu.sequential"]) {
      expect(cell(after, id).samples).not.toEqual(cell(before, id).samples);
      expect(cell(after, id).samples.map((sample) => sample.round)).toEqual([3, 4, 5]); // after the first run's rounds 0-2
    }
    expect(after.run.reruns).toEqual([
      expect.objectContaining({ scenarios: ["cpu.worker-pool"], runtimes: ["node"], rounds: { first: 3, warmup: 0, counted: 3 } }),
    ]);
    expect(after.run.coreProbe.afterEachRound).toHaveLength(6);
    expect(after.run.startedAt).toBe(before.run.startedAt);

    const built = report(out);
    expect(built.status, built.stderr).toBe(0);
    // How the run was measured, re-runs included, is in the report's second file.
    const readme = readFileSync(join(out, "details.md"), "utf8");
    expect(readme).toMatch(/Cells measured again later with `--scenarios`/);
    expect(readme).toMatch(/--scenarios cpu\.worker-pool/);
  }, 120_000);

  it("into a result of another profile or machine: exit 2 before measuring, the result untouched", () => {
    const out = temporary("rerun-refused");
    const suite = writeSuite(out, (p) => (p.scenarios = ["cpu.sequential"]));
    expect(bench(["--suite", suite, "--out", out]).status).toBe(0);
    const file = join(out, "run.json");
    const original = readRun(out);
    const elsewhere = { ...original, machine: { ...original.machine, cpuModel: "Another CPU", fingerprint: "0123456789ab" } };
    writeFileSync(file, JSON.stringify(elsewhere));
    const refused = bench(["--suite", suite, "--out", out, "--scenarios", "cpu.sequential"]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/was measured on another machine \(.*Another CPU.*\); nothing was measured/);
    expect(refused.stderr).not.toMatch(/\[round/);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(elsewhere);
    expect(existsSync(join(out, ".partial"))).toBe(false);
  }, 60_000);
});
