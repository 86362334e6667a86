/** Runs from several machines merged into one report: a section per run, nothing averaged across hardware. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fingerprintOf, machineFingerprint } from "@runtime-bench/model/machine-fingerprint";
import type { RunResult } from "@runtime-bench/model/schema";
import { describe, expect, it } from "vitest";
import { analyze } from "../src/analyze.ts";
import { machineFolders, renderMachines } from "../src/render-machines.ts";
import { around, cpuCell, measured, runResult } from "./fixtures.ts";

const mainFile = fileURLToPath(new URL("../src/main.ts", import.meta.url));

const onMachine = (cpuModel: string, sequential: number, pool: number): RunResult => {
  const run = runResult([measured("node", [cpuCell("cpu.sequential", around(sequential)), cpuCell("cpu.worker-pool", around(pool))])]);
  return { ...run, machine: { ...run.machine, cpuModel, fingerprint: machineFingerprint({ ...run.machine, cpuModel }) } };
};
// A fast 2-core machine where the pool gains 1.9x, a slower one where it gains 1.25x.
const small = onMachine("Small CPU", 100, 52.6);
const large = onMachine("Large CPU", 300, 240);

describe("the machine fingerprint", () => {
  it("names the hardware, not the moment: load and kernel do not change it; cores, CPU and memory do", () => {
    const base = small.machine;
    expect(machineFingerprint({ ...base })).toBe(fingerprintOf(base));
    expect(fingerprintOf({ ...base, fingerprint: undefined, kernel: "Linux other", loadAverage: [3, 3, 3] })).toBe(fingerprintOf(base));
    expect(machineFingerprint({ ...base, cores: 16 })).not.toBe(fingerprintOf(base));
    expect(machineFingerprint({ ...base, memoryBytes: 2 ** 35 })).not.toBe(fingerprintOf(base));
    expect(fingerprintOf(large.machine)).not.toBe(fingerprintOf(base));
  });
});

describe("a report over two machines", () => {
  const runs = machineFolders([small, large]).map((folder, index) => {
    const result = [small, large][index]!;
    return { source: `in-${index}`, folder, result, analysis: analyze(result) };
  });
  const report = renderMachines(runs);

  it("has a section per machine, each with that machine's own figures, and no figure across them", () => {
    const [claims, ...sections] = report.split(/^## /m).slice(1);
    expect(sections).toHaveLength(2);
    // It opens with the claims as one table, a column per machine, each its own figure and verdict.
    expect(claims).toMatch(/^The claims, machine by machine/);
    expect(claims).toMatch(
      /\| node: cpu\.worker-pool\/n=1e8 vs cpu\.sequential\/n=1e8 \| 1\.90x \[1\.90–1\.90, n = 6\] faster \| 1\.25x \[1\.25–1\.25, n = 6\] faster \| same \|/,
    );
    expect(sections[0]).toMatch(/^2 x Small CPU, 16 GiB, x64 \(machine-[0-9a-f]{12}\)/);
    expect(sections[0]).toMatch(/1\.90x \[1\.90–1\.90, n = 6\] faster \(node\)/);
    expect(sections[1]).toMatch(/^2 x Large CPU/);
    expect(sections[1]).toMatch(/1\.25x \[1\.25–1\.25, n = 6\] faster \(node\)/);
    // Neither the mean of the two speed-ups (1.58x) nor any ratio between the machines appears anywhere.
    expect(report).not.toMatch(/1\.57x|1\.58x/);
    expect(report).toMatch(/nothing here is averaged or compared across machines: runs of different machines are unpaired by design/);
  });

  it("gives two runs of the same machine a section each, in folders of their own", () => {
    expect(machineFolders([small, small, large])).toEqual([
      `machine-${fingerprintOf(small.machine)}`,
      `machine-${fingerprintOf(small.machine)}-2`,
      `machine-${fingerprintOf(large.machine)}`,
    ]);
  });

  it("pnpm report --merge writes the merged report, a CSV with a machine column, and each run's own report and file", () => {
    const root = mkdtempSync(join(tmpdir(), "rb-merge-"));
    const sources = [small, large].map((result, index) => {
      const dir = join(root, `in-${index}`);
      mkdirSync(dir);
      writeFileSync(join(dir, "run.json"), JSON.stringify(result));
      return dir;
    });
    const out = join(root, "merged");
    const run = spawnSync(process.execPath, [mainFile, "--merge", sources[0]!, "--merge", sources[1]!, "--out", out], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const readme = readFileSync(join(out, "README.md"), "utf8");
    expect(readme.match(/^## /gm)).toHaveLength(3);
    // Each input named by its folder's name, never by the path it had on the machine that merged it.
    expect(readme).toContain("From the folder `in-0`;");
    expect(readme).not.toContain(root);
    const csv = readFileSync(join(out, "results.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toBe("machine,runtime,group,cell,scenario,statistic,value,ci_low,ci_high,unit,verdict,n");
    const folders = runs.map((one) => one.folder);
    expect(new Set(csv.slice(1).map((line) => line.split(",")[0]))).toEqual(new Set(folders));
    for (const folder of folders) {
      expect(existsSync(join(out, folder, "README.md"))).toBe(true);
      expect(existsSync(join(out, folder, "run.json"))).toBe(true);
    }
  });

  it("a folder without a result file: exit 2, the file named, nothing written", () => {
    const root = mkdtempSync(join(tmpdir(), "rb-merge-bad-"));
    const good = join(root, "good");
    mkdirSync(good);
    writeFileSync(join(good, "run.json"), JSON.stringify(small));
    const out = join(root, "merged");
    const run = spawnSync(process.execPath, [mainFile, "--merge", good, "--merge", join(root, "missing"), "--out", out], {
      encoding: "utf8",
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/missing\/run\.json/);
    expect(existsSync(out)).toBe(false);
    const noOut = spawnSync(process.execPath, [mainFile, "--merge", good], { encoding: "utf8" });
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toMatch(/--merge needs --out DIR/);
  });
});
