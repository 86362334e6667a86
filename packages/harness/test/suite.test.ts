import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../src/launcher/repo.ts";
import { expandCells, getProfile, loadSuite, type Suite, SuiteError } from "../src/suite.ts";

const suite = loadSuite(join(repoRoot, "benchmarks/suite.json"));
const profile = (change: (p: Suite["profiles"][string]) => void) => {
  const copy = structuredClone(getProfile(suite, "quick"));
  change(copy);
  return copy;
};

describe("the cells of a profile", () => {
  it("the headline: each scenario at each size, its baseline the sequential cell of that size", () => {
    const cells = expandCells(
      profile((p) => {
        p.scenarios = ["cpu.sequential", "cpu.worker-pool"];
        p.cpu = { tasks: 4, sizes: { big: 300_000_000, small: 10_000_000 }, workers: "cores" };
      }),
      { cores: 2, baseUrl: "" },
    );
    expect(cells.map((cell) => [cell.cellId, cell.group, cell.baseline])).toEqual([
      ["cpu.sequential/n=3e8", "headline", null],
      ["cpu.sequential/n=1e7", "headline", null],
      ["cpu.worker-pool/n=3e8", "headline", "cpu.sequential/n=3e8"],
      ["cpu.worker-pool/n=1e7", "headline", "cpu.sequential/n=1e7"],
    ]);
  });

  it("a scaling sweep: each pool at each worker count, and one baseline of the same tasks", () => {
    const cells = expandCells(
      profile((p) => {
        p.scenarios = ["cpu.sequential"];
        p.cpu = {
          tasks: 4,
          sizes: { big: 300_000_000 },
          workers: "cores",
          scaling: { scenarios: ["cpu.worker-pool", "cpu.process-pool"], n: 100_000_000, tasks: 8, workers: [1, 8] },
        };
      }),
      { cores: 2, baseUrl: "" },
    ).filter((cell) => cell.group === "scaling");
    expect(
      cells.map((cell) => [cell.cellId, cell.params.kind === "cpu" && [cell.params.tasks, cell.params.workers], cell.baseline]),
    ).toEqual([
      ["cpu.sequential/n=1e8/t=8", [8, 2], null],
      ["cpu.worker-pool/n=1e8/t=8/w=1", [8, 1], "cpu.sequential/n=1e8/t=8"],
      ["cpu.worker-pool/n=1e8/t=8/w=8", [8, 8], "cpu.sequential/n=1e8/t=8"],
      ["cpu.process-pool/n=1e8/t=8/w=1", [8, 1], "cpu.sequential/n=1e8/t=8"],
      ["cpu.process-pool/n=1e8/t=8/w=8", [8, 8], "cpu.sequential/n=1e8/t=8"],
    ]);
  });

  it("a crossover ladder: each model and its baseline at each size", () => {
    const cells = expandCells(
      profile((p) => {
        p.scenarios = ["cpu.sequential"];
        p.cpu = {
          tasks: 4,
          sizes: { big: 300_000_000 },
          workers: "cores",
          crossover: { scenarios: ["cpu.worker-pool"], tasks: 2, sizes: [100_000, 1_000_000_000] },
        };
      }),
      { cores: 2, baseUrl: "" },
    ).filter((cell) => cell.group === "crossover");
    expect(cells.map((cell) => [cell.cellId, cell.baseline])).toEqual([
      ["cpu.sequential/n=1e5/t=2", null],
      ["cpu.worker-pool/n=1e5/t=2", "cpu.sequential/n=1e5/t=2"],
      ["cpu.sequential/n=1e9/t=2", null],
      ["cpu.worker-pool/n=1e9/t=2", "cpu.sequential/n=1e9/t=2"],
    ]);
  });

  it("other workloads: each model and its baseline on each workload, matched by workload", () => {
    const cells = expandCells(
      profile((p) => {
        p.scenarios = ["cpu.sequential"];
        p.cpu = {
          tasks: 4,
          sizes: { big: 300_000_000 },
          workers: "cores",
          workloads: { scenarios: ["cpu.worker-pool"], tasks: 2, sizes: { "json-round-trip": 10_000, "prime-sieve": 1_000_000 } },
        };
      }),
      { cores: 2, baseUrl: "" },
    ).filter((cell) => cell.group === "workloads");
    expect(cells.map((cell) => [cell.cellId, cell.params.kind === "cpu" && cell.params.workload, cell.baseline])).toEqual([
      ["cpu.sequential/json-round-trip/n=1e4/t=2", "json-round-trip", null],
      ["cpu.worker-pool/json-round-trip/n=1e4/t=2", "json-round-trip", "cpu.sequential/json-round-trip/n=1e4/t=2"],
      ["cpu.sequential/prime-sieve/n=1e6/t=2", "prime-sieve", null],
      ["cpu.worker-pool/prime-sieve/n=1e6/t=2", "prime-sieve", "cpu.sequential/prime-sieve/n=1e6/t=2"],
    ]);
  });

  it("the primitive costs: each operation once, round trips per payload (bytes both copied and moved)", () => {
    const cells = expandCells(
      profile((p) => {
        p.scenarios = ["cpu.sequential"];
        p.cpu = {
          tasks: 4,
          sizes: { big: 300_000_000 },
          workers: "cores",
          primitives: { repetitions: 50, startRepetitions: 3, roundTripBytes: [0, 1024] },
        };
      }),
      { cores: 2, baseUrl: "" },
    ).filter((cell) => cell.group === "primitives");
    expect(cells.map((cell) => cell.cellId)).toEqual([
      "primitive.worker-start/x3",
      "primitive.process-start/x3",
      "primitive.round-trip/0B/clone/x50",
      "primitive.round-trip/1024B/clone/x50",
      "primitive.round-trip/1024B/transfer/x50",
      "primitive.atomics-hand-off/x50",
      "primitive.pool-dispatch/x50",
    ]);
    expect(cells.every((cell) => cell.baseline === null)).toBe(true);
  });

  it("refuses a sieve size without a published prime count", () => {
    const raw = JSON.parse(readFileSync(join(repoRoot, "benchmarks/suite.json"), "utf8")) as Suite;
    raw.profiles.quick!.cpu.workloads = { scenarios: ["cpu.worker-pool"], tasks: 2, sizes: { "prime-sieve": 1_234_567 } };
    const file = join(mkdtempSync(join(tmpdir(), "rb-suite-")), "suite.json");
    writeFileSync(file, JSON.stringify(raw));
    expect(() => loadSuite(file)).toThrow(
      /field "profiles\.quick\.cpu\.workloads\.sizes\.prime-sieve": a size with a published prime count/,
    );
  });

  it.each([
    [
      "fewer tasks than workers",
      { scenarios: ["cpu.worker-pool"], n: 1000, tasks: 2, workers: [1, 4] },
      /tasks must be at least the largest worker count/,
    ],
    [
      "a scenario without a baseline",
      { scenarios: ["cpu.sequential"], n: 1000, tasks: 4, workers: [1] },
      /not a CPU scenario with a baseline/,
    ],
    ["an I/O scenario", { scenarios: ["io.async-fetch"], n: 1000, tasks: 4, workers: [1] }, /not a CPU scenario with a baseline/],
  ])("refuses a sweep with %s, naming the field", (_, scaling, message) => {
    const raw = JSON.parse(readFileSync(join(repoRoot, "benchmarks/suite.json"), "utf8")) as Suite;
    raw.profiles.quick!.cpu.scaling = scaling as never;
    const file = join(mkdtempSync(join(tmpdir(), "rb-suite-")), "suite.json");
    writeFileSync(file, JSON.stringify(raw));
    expect(() => loadSuite(file)).toThrow(SuiteError);
    expect(() => loadSuite(file)).toThrow(message);
  });
});
