/**
 * The runtime registry is the one list of runtimes; where a file cannot read it (JSON configs, the CI script),
 * these checks keep that file in step with it.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { unpairedScenarios } from "@runtime-bench/in-runtime/scenarios/index";
import { repoRoot } from "@runtime-bench/model/cli/repo";
import { BENCH_PROCESS_PATTERN, binaryOverrideVariable, RUNTIME_NAMES, RUNTIMES } from "@runtime-bench/model/runtimes";
import { scenarioRecords } from "@runtime-bench/model/scenarios/records";
import { loadSuite } from "@runtime-bench/model/suite";
import { describe, expect, it } from "vitest";
import { PASSED_VARIABLES } from "../src/child-environment.ts";
import { loadLaunch } from "../src/launches.ts";

const readJson = (file: string) => JSON.parse(readFileSync(join(repoRoot, file), "utf8"));

describe("the runtime registry", () => {
  it.each(RUNTIME_NAMES)("%s has its app: measurement entry, launch, preflight and a test running it", async (name) => {
    const { app, reference } = RUNTIMES[name];
    const files = reference
      ? ["src/main.py", "src/launch.ts", "src/bench.ts"]
      : ["src/primitives.ts", "src/main.ts", "src/launch.ts", "src/bench.ts", "test/quick-profile.test.ts"];
    for (const file of files) expect(existsSync(join(repoRoot, app, file)), `${app}/${file}`).toBe(true);
    expect((await loadLaunch(name)).runtime).toBe(name);
  });

  it("every runtime under test is pinned in the root package.json, and the benchmarks package depends on every app (turbo's ^bench)", () => {
    const root = readJson("package.json");
    const benchmarks = readJson("benchmarks/package.json");
    for (const name of RUNTIME_NAMES) {
      const { installation, reference } = RUNTIMES[name];
      // A runtime under test is a pinned npm package; a reference is a program of the machine, optional.
      expect(installation.kind, name).toBe(reference ? "system" : "npm");
      if (installation.kind === "npm") expect(root.devDependencies[installation.npmPackage], name).toMatch(/^\d+\.\d+\.\d+$/);
      expect(benchmarks.dependencies[readJson(`${RUNTIMES[name].app}/package.json`).name], name).toBe("workspace:*");
    }
  });

  it("every scenario record has an implementation, and every implementation a record", () => {
    expect(unpairedScenarios()).toEqual([]);
    expect(scenarioRecords.size).toBeGreaterThan(0);
  });

  it("every baseline a record declares is a scenario of the same kind, without a baseline variant", () => {
    for (const record of scenarioRecords.values()) {
      if (record.baseline === undefined) continue;
      const baseline = scenarioRecords.get(record.baseline);
      expect(baseline?.kind, `${record.id} -> ${record.baseline}`).toBe(record.kind);
      expect(baseline?.variant, record.id).toBeUndefined();
    }
  });

  it("the suite lists only registered runtimes", () => {
    const suite = loadSuite(join(repoRoot, "benchmarks/suite.json"));
    expect(suite.runtimes.every((name) => (RUNTIME_NAMES as readonly string[]).includes(name))).toBe(true);
  });

  it("turbo passes through every variable the launcher passes on, and every binary override", () => {
    const passThrough: string[] = readJson("turbo.json").globalPassThroughEnv;
    const covered = (name: string) =>
      passThrough.some((entry) => (entry.endsWith("*") ? name.startsWith(entry.slice(0, -1)) : entry === name));
    for (const name of [...PASSED_VARIABLES.map((variable) => variable.name), ...RUNTIME_NAMES.map(binaryOverrideVariable)]) {
      expect(covered(name), name).toBe(true);
    }
  });

  it("CI checks for leftover processes with the same pattern as the tests", () => {
    expect(readFileSync(join(repoRoot, ".ci/run"), "utf8")).toContain(`pgrep -af "${BENCH_PROCESS_PATTERN}"`);
  });
});
