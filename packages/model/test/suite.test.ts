import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../src/cli/repo.ts";
import { scenarioRecords } from "../src/scenarios/records.ts";
import { expandCells, getProfile, loadSuite, type Suite, SuiteError } from "../src/suite.ts";

const suite = loadSuite(join(repoRoot, "benchmarks/suite.json"));
const SWEEP = ["io.sequential", "io.async-fetch", "io.worker-threads"];
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
    ).filter((cell) => cell.group === "headline");
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
          primitives: {
            scenarios: [...scenarioRecords.values()].filter((record) => record.kind === "primitive").map((record) => record.id),
            repetitions: 50,
            startRepetitions: 3,
            roundTripBytes: [0, 1024],
          },
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

  it("the memory cells: async requests at each C with N held, at a latency of their own", () => {
    const cells = expandCells(
      profile((p) => {
        p.io.sweep = {
          scenarios: SWEEP,
          concurrency: [10],
          latencyMs: [50],
          requestsPerInFlight: 10,
          workers: [],
          workersLatencyMs: 50,
          memory: { latencyMs: 100, requests: 500, concurrency: [50, 250] },
        };
      }),
      { cores: 2, baseUrl: "http://api" },
    ).filter((cell) => cell.group === "io-memory");
    expect(cells.map((cell) => [cell.cellId, cell.params.kind === "io" && cell.params.requests, cell.baseline])).toEqual([
      ["io.async-fetch/L=100ms/C=50/N=500", 500, null],
      ["io.async-fetch/L=100ms/C=250/N=500", 500, null],
    ]);
  });

  it("the I/O sweep: sequential and async at each latency and C (N = 10 x C), workers at one latency with W <= C", () => {
    const cells = expandCells(
      profile((p) => {
        p.io.sweep = {
          scenarios: SWEEP,
          concurrency: [1, 10],
          latencyMs: [0, 50],
          requestsPerInFlight: 10,
          workers: [1, 4, 16],
          workersLatencyMs: 50,
        };
      }),
      { cores: 2, baseUrl: "http://api" },
    ).filter((cell) => cell.group === "io-sweep");
    const described = cells.map((cell) => [
      cell.cellId,
      cell.params.kind === "io" && [cell.params.requests, cell.params.concurrency, cell.params.workers, cell.params.latencyMs],
      cell.baseline,
    ]);
    expect(described).toEqual([
      ["io.sequential/L=0ms/N=10", [10, 1, 1, 0], null],
      ["io.async-fetch/L=0ms/C=1/N=10", [10, 1, 1, 0], "io.sequential/L=0ms/N=10"],
      ["io.async-fetch/L=0ms/C=10/N=100", [100, 10, 1, 0], null],
      ["io.sequential/L=50ms/N=10", [10, 1, 1, 50], null],
      ["io.async-fetch/L=50ms/C=1/N=10", [10, 1, 1, 50], "io.sequential/L=50ms/N=10"],
      ["io.worker-threads/L=50ms/C=1/W=1/N=10", [10, 1, 1, 50], "io.async-fetch/L=50ms/C=1/N=10"],
      ["io.async-fetch/L=50ms/C=10/N=100", [100, 10, 1, 50], null],
      ["io.worker-threads/L=50ms/C=10/W=1/N=100", [100, 10, 1, 50], "io.async-fetch/L=50ms/C=10/N=100"],
      ["io.worker-threads/L=50ms/C=10/W=4/N=100", [100, 10, 4, 50], "io.async-fetch/L=50ms/C=10/N=100"],
    ]);
    expect(
      cells.every((cell) => cell.params.kind === "io" && cell.params.client === "default" && cell.params.baseUrl === "http://api"),
    ).toBe(true);
  });

  it("the other clients: one labelled variant per client, each against the default fetch", () => {
    const cells = expandCells(
      profile((p) => {
        p.scenarios = ["io.async-fetch", "io.async-client"];
        p.io.clients = ["fetch-configured", "node-http"];
      }),
      { cores: 2, baseUrl: "" },
    ).filter((cell) => cell.group === "headline");
    expect(
      cells.map((cell) => [cell.cellId, cell.params.kind === "io" && cell.params.client, cell.baseline, cell.comparedAcrossRuntimes]),
    ).toEqual([
      ["io.async-fetch", "default", null, true],
      ["io.async-client/fetch-configured", "fetch-configured", "io.async-fetch", false],
      ["io.async-client/node-http", "node-http", "io.async-fetch", false],
    ]);
  });

  it("the file scenarios: each model and the blocking baseline on each set of files", () => {
    const cells = expandCells(
      profile((p) => {
        p.files = {
          scenarios: ["files.workers"],
          sets: [
            { files: 1000, bytes: 4096 },
            { files: 3, bytes: 1000 },
          ],
          concurrency: 8,
          workers: "cores",
        };
      }),
      { cores: 2, baseUrl: "" },
    ).filter((cell) => cell.group === "files");
    expect(cells.map((cell) => [cell.cellId, cell.baseline, cell.params.kind === "files" && cell.params.workers])).toEqual([
      ["files.sync/1000x4KiB", null, 2],
      ["files.workers/1000x4KiB", "files.sync/1000x4KiB", 2],
      ["files.sync/3x1000B", null, 2],
      ["files.workers/3x1000B", "files.sync/3x1000B", 2],
    ]);
  });

  it.each([
    [
      "a worker latency that is not swept",
      ["io", "sweep", "workersLatencyMs"],
      50,
      /workersLatencyMs must be one of the sweep's latencies/,
    ],
    [
      "memory cells at one of the sweep's latencies (their ids would collide)",
      ["io", "sweep", "memory"],
      { latencyMs: 10, requests: 100, concurrency: [10, 100] },
      /the memory cells' latencyMs must differ from the sweep's latencies/,
    ],
    ["an unknown client", ["io", "clients"], ["curl"], /profiles\.quick\.io\.clients\.0/],
    ["a CPU scenario as a file scenario", ["files", "scenarios"], ["cpu.sequential"], /not a file scenario/],
    [
      "a file scenario in the headline (its cell would fail inside the cell process)",
      ["scenarios"],
      ["cpu.sequential", "files.async"],
      /field "profiles\.quick\.scenarios\.1": not a CPU or I\/O scenario/,
    ],
    ["a primitive scenario in the headline", ["scenarios"], ["primitive.worker-start"], /not a CPU or I\/O scenario/],
    ["an unknown scenario", ["scenarios"], ["cpu.nope"], /field "profiles\.quick\.scenarios\.0": unknown scenario id/],
    [
      "a scenario without a part in the I/O sweep",
      ["io", "sweep", "scenarios"],
      ["io.async-client"],
      /not an I\/O scenario with a part in the sweep/,
    ],
    ["a CPU scenario among the primitive costs", ["cpu", "primitives", "scenarios"], ["cpu.worker-pool"], /not a primitive scenario/],
  ])("refuses %s", (_, path, value, message) => {
    const raw = JSON.parse(readFileSync(join(repoRoot, "benchmarks/suite.json"), "utf8")) as Suite;
    let target: Record<string, unknown> = raw.profiles.quick as unknown as Record<string, unknown>;
    for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
    target[path.at(-1)!] = value;
    const file = join(mkdtempSync(join(tmpdir(), "rb-suite-")), "suite.json");
    writeFileSync(file, JSON.stringify(raw));
    expect(() => loadSuite(file)).toThrow(message);
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
