import { describe, expect, it } from "vitest";
import { analyze, isMeasured, type MeasuredRow } from "../src/analyze.ts";
import { claimLine } from "../src/claim-words.ts";
import { readingClaims, subjectOf } from "../src/claims.ts";
import { ioSweep } from "../src/io-sweep.ts";
import { renderReport } from "../src/render-markdown.ts";
import { reading as findings } from "../src/summary.ts";
import { reasonOf } from "../src/text.ts";
import { around, cpuCell, ioCell, ioParams, ioSweepShape, measured, notSelected, reportText, runResult, workloadCell } from "./fixtures.ts";

const node = measured("node", [
  cpuCell("cpu.sequential", around(400)),
  cpuCell("cpu.async-main", around(404)),
  cpuCell("cpu.worker-pool", around(210)),
  ioCell("io.sequential", around(5000)),
  ioCell("io.async-fetch", around(600)),
]);
const bun = measured("bun", [
  cpuCell("cpu.sequential", around(200)),
  cpuCell("cpu.async-main", around(200)),
  cpuCell("cpu.worker-pool", around(105)),
  ioCell("io.sequential", around(5000)),
  ioCell("io.async-fetch", around(600)),
]);
const run = runResult([node, bun, notSelected("deno")]);

/** A ranked row's comparison with the fastest column of its cell. */
const versusFastest = ({ standing }: MeasuredRow) => (standing?.role === "ranked" ? standing.versusFastest : undefined);

const row = (result: ReturnType<typeof runResult>, cellId: string, runtime: string): MeasuredRow => {
  const found = analyze(result)
    .tables.find((t) => t.cellId === cellId)!
    .rows.find((r) => r.column.label === runtime)!;
  if (!isMeasured(found)) throw new Error(`${runtime} ${cellId} is not measured: ${reasonOf(found)}`);
  return found;
};

describe("analysis", () => {
  it("computes the speed-up over the declared baseline, paired by round, and efficiency against the ideal", () => {
    const pool = row(run, "cpu.worker-pool/n=1e8", "node");
    expect(1 / pool.versusBaseline!.timeRatio).toBeCloseTo(400 / 210, 9);
    expect(pool.versusBaseline!.verdict).toBe("faster");
    expect(pool.efficiency).toBeCloseTo(400 / 210 / 2, 9);
  });

  it("pairs runs on the recorded round, not on their position", () => {
    const sequential = cpuCell("cpu.sequential", [100, 200, 300, 400]);
    const pool = cpuCell("cpu.worker-pool", [50, 100, 150, 200]);
    pool.samples = [pool.samples[3]!, pool.samples[1]!, pool.samples[0]!, pool.samples[2]!]; // stored out of order
    expect(row(runResult([measured("node", [sequential, pool])]), "cpu.worker-pool/n=1e8", "node").versusBaseline!.timeRatio).toBeCloseTo(
      0.5,
      9,
    );
  });

  it("compares runtimes run by run: a slow round slows both and drops out of their ratio", () => {
    const slowRounds = [1, 1.4, 1, 1.3, 1.1, 1];
    const nodeRun = measured("node", [
      cpuCell(
        "cpu.sequential",
        slowRounds.map((f) => 300 * f),
      ),
    ]);
    const bunRun = measured("bun", [
      cpuCell(
        "cpu.sequential",
        slowRounds.map((f) => 200 * f),
      ),
    ]);
    const versus = versusFastest(row(runResult([nodeRun, bunRun]), "cpu.sequential/n=1e8", "node"))!;
    expect(versus.timeRatio).toBeCloseTo(1.5, 9);
    expect(versus.ci95![0]).toBeCloseTo(1.5, 9);
    expect(versus.ci95![1]).toBeCloseTo(1.5, 9);
  });

  it("marks the fastest runtime only where every other one is slower by the verdict rule", () => {
    const { tables } = analyze(run);
    expect(tables.find((t) => t.cellId === "cpu.worker-pool/n=1e8")!.fastest?.label).toBe("bun");
    expect(tables.find((t) => t.cellId === "io.async-fetch")!.fastest).toBeNull(); // the same times: equivalent
  });

  it("a significant but small difference (3%) is equivalent, and names no fastest", () => {
    const nodeRun = measured("node", [cpuCell("cpu.sequential", around(103))]);
    const bunRun = measured("bun", [cpuCell("cpu.sequential", around(100))]);
    const table = analyze(runResult([nodeRun, bunRun])).tables[0]!;
    const versus = versusFastest(table.rows.find((r) => r.column.label === "node") as MeasuredRow)!;
    expect(versus.ci95![0]).toBeGreaterThan(1); // the interval excludes 1.0 ...
    expect(versus.verdict).toBe("equivalent"); // ... but the whole interval lies within ±5%
    expect(table.fastest).toBeNull();
  });

  it("a runtime compared with itself is never the fastest", () => {
    const twin = measured("deno", (node as Extract<typeof node, { status: "measured" }>).cells);
    for (const table of analyze(runResult([node, twin])).tables) expect(table.fastest).toBeNull();
  });

  it("marks a runtime that was not selected or could not run n/a, and a failed cell with its reason", () => {
    const failing = measured("deno", [cpuCell("cpu.sequential", [], { status: "failed", reason: "timed out after 60 s" })]);
    const missing = { name: "bun" as const, status: "n/a" as const, selected: true, reason: "bun could not start: ENOENT" };
    const table = analyze(runResult([node, missing, failing])).tables.find((t) => t.cellId === "cpu.sequential/n=1e8")!;
    expect(table.rows.map((r) => (isMeasured(r) ? "measured" : reasonOf(r)))).toEqual([
      "measured",
      "n/a (bun could not start: ENOENT)",
      "failed (timed out after 60 s)",
    ]);
  });

  it("summarises start-up and teardown of fresh executors, and says where teardown is not reported", () => {
    const perTask = cpuCell("cpu.worker-per-task", around(300));
    perTask.samples = perTask.samples.map((s) => ({
      ...s,
      executors: [
        { kind: "worker" as const, readyMs: 20, teardownMs: null, teardownUnseen: "no exit event" },
        { kind: "worker" as const, readyMs: 30, teardownMs: null, teardownUnseen: "no exit event" },
      ],
    }));
    const startup = row(
      runResult([measured("deno", [cpuCell("cpu.sequential", around(400)), perTask])]),
      "cpu.worker-per-task/n=1e8",
      "deno",
    ).startup;
    expect(startup).toEqual({ perRun: 2, readyMs: 25, teardownMs: null, unseen: "no exit event" });
  });
});

describe("the reading", () => {
  it("is the reading's claims, each worded once: every model with its variants, start-up, the ladder, the fastest", () => {
    const analysis = analyze(run);
    const claims = readingClaims(analysis);
    expect(claims.map(subjectOf)).toEqual([
      "model cpu.async-main",
      "model cpu.worker-pool",
      "model io.async-fetch",
      "fastest per workload",
    ]);
    expect(findings(analysis)).toEqual(claims.map((claim) => claimLine(claim, "reading")));
  });

  it("reads out a scenario it has no words for from its title: the report knows no scenario id", () => {
    const newModel = cpuCell("cpu.teleport", around(100), { title: "Teleported tasks" });
    const reading = findings(analyze(runResult([measured("deno", [cpuCell("cpu.sequential", around(400)), newModel])])));
    expect(reading[0]).toMatch(
      /^\*\*Teleported tasks paid off on deno:\*\* 4\.00x \[4\.00–4\.00, n = 6\] \(deno\) against the sequential run/,
    );
  });
});

describe("the report rendered from fixed inputs", () => {
  const report = reportText(run);

  it("comes in two layers: a README a person reads in minutes, and details.md with the rest", () => {
    const { readme, details } = renderReport(run);
    const lines = readme.split("\n");
    expect(lines.length).toBeLessThanOrEqual(300);
    expect(lines.filter((line) => line.length > 400)).toEqual([]);
    expect(readme).toMatch(/## Contents\n\n- \[Summary\]\(#summary\)\n/);
    expect(readme).toContain("- [details.md](details.md): the rest");
    expect(readme).toContain("| this run |");
    // What a person does not need first lives in the second file, which the README links.
    for (const heading of ["## Environment", "## How this run was measured", "## Verdicts", "## Noise guards", "## How to read this"]) {
      expect(readme).not.toContain(heading);
      expect(details).toContain(heading);
    }
    // One ratio direction, explained once in each file.
    expect(readme).toContain("**How to read a figure.** Every ratio is a speed-up");
    expect(report).not.toMatch(/time ratio|this runtime's time over/);
  });

  it("has the environment, how the run was measured, the verdicts and one table per cell", () => {
    expect(report).toContain("Machine: Test CPU, 2 cores");
    expect(report).toContain("| version | 1.0.0 | 1.0.0 | n/a (not selected: --runtimes node,bun) |");
    expect(report).toContain("| order | blocks, seed 42:");
    expect(report).toContain("| rounds | 6 counted, 10.0 min; runs per round: 9, 9, 9, 9, 9, 9 |");
    expect(report).toMatch(/Stopped because every comparison had settled and every cell had its minimum of rounds/);
    expect(report).toMatch(
      /\| comparisons \| \d+: \d+ faster, \d+ slower, \d+ equivalent, 0 inconclusive; rounds behind each: 6 to 6 \(median 6\) \|/,
    );
    expect(report).toContain("| `cpu.worker-pool/n=1e8` | faster · 1.90x · n=6 | faster · 1.90x · n=6 | faster · 2.00x · n=6 |");
    expect(report).toContain("`cpu.worker-pool/n=1e8`");
    expect(report).toContain("| **bun** (fastest) | 105 ms [");
    expect(report).toMatch(
      /\| node \| 210 ms \[[\d.]+–[\d.]+\] \| 1\.90x \[1\.90–1\.90, n = 6\] faster \| 95% of 2\.00x \| 0\.50x \[0\.50–0\.50, n = 6\] slower \|/,
    );
  });

  it("says which variables the measured processes were given", () => {
    expect(report).toContain("| environment of every process started | not recorded in this file |");
    const recorded = runResult([node]);
    recorded.run.environment = {
      passed: [
        { name: "UV_THREADPOOL_SIZE", why: "a setting", set: true },
        { name: "DENO_V8_FLAGS", why: "flags", set: false },
      ],
      note: "every other variable is left out",
    };
    expect(reportText(recorded)).toContain(
      "| environment of every process started | only UV_THREADPOOL_SIZE, DENO_V8_FLAGS passed on, where set (set for this run: UV_THREADPOOL_SIZE); every other variable is left out |",
    );
  });

  it("shows the main thread's event-loop lag, or that an older file did not record it", () => {
    const lagged = cpuCell("cpu.sequential", around(100));
    lagged.samples = lagged.samples.map((sample, index) => ({ ...sample, eventLoopLag: { maxMs: 90 + index, p99Ms: 80, samples: 1 } }));
    const rendered = reportText(runResult([measured("node", [lagged]), measured("bun", [cpuCell("cpu.sequential", around(100))])]));
    expect(rendered).toMatch(/\| node \| .* \| 92\.5 \/ 80\.0 ms \| /);
    expect(rendered).toMatch(/\| bun \| .* \| n\/a \(not recorded\) \| /);
  });

  it("prints equivalent with its interval for runtimes shown to be within ±5% of each other", () => {
    // Equal medians: the first listed is taken as the reference, and the other is equivalent to it.
    expect(report).toMatch(/\| node \| 600 ms \[[^\]]+\] \| 8\.33x \[8\.33–8\.33, n = 6\] faster \| 83% of 500 ms \| — \|/);
    expect(report).toMatch(
      /\| bun \| 600 ms \[[^\]]+\] \| 8\.33x \[8\.33–8\.33, n = 6\] faster \| 83% of 500 ms \| 1\.00x \[1\.00–1\.00, n = 6\] equivalent \|/,
    );
  });

  it("lists the comparisons that did not settle, with too few rounds for an interval among them", () => {
    const noisy = runResult([
      measured("node", [cpuCell("cpu.sequential", [100, 100, 100, 100]), cpuCell("cpu.worker-pool", [50, 70, 40, 65])]),
    ]);
    expect(reportText(noisy)).toMatch(
      /- node: cpu\.worker-pool\/n=1e8 vs cpu\.sequential\/n=1e8: speed-up \d\.\d\dx \[no interval: n = 4\]; 4 rounds, fewer than the 6 an interval needs/,
    );
  });

  it("shows a labelled variant apart, compared with its baseline only", () => {
    const withVariant = runResult([
      measured("node", [
        ioCell("io.async-fetch", around(600), { baseline: null }),
        ioCell("io.async-client", around(540), {
          cellId: "io.async-client/node-http",
          params: ioParams("node-http"),
          baseline: "io.async-fetch",
          comparedAcrossRuntimes: false,
        }),
        ioCell("io.async-client", around(600), {
          cellId: "io.async-client/fetch-configured",
          params: ioParams("fetch-configured"),
          baseline: "io.async-fetch",
          comparedAcrossRuntimes: false,
        }),
      ]),
      measured("bun", [
        ioCell("io.async-fetch", around(500), { baseline: null }),
        ioCell("io.async-client", [], {
          cellId: "io.async-client/node-http",
          status: "n/a",
          reason: "no node-http client is set up for this runtime",
          comparedAcrossRuntimes: false,
        }),
      ]),
    ]);
    const report = reportText(withVariant);
    expect(report).toContain("## Labelled variants (not compared across runtimes)");
    expect(report).toMatch(/### I\/O: io\.async-client — `io\.async-client\/node-http`/);
    expect(report).toContain("| bun | n/a (no node-http client is set up for this runtime) |");
    // In the verdicts, the variant has its comparison with its baseline and no runtime-vs-runtime ratio.
    expect(report).toContain("| `io.async-client/node-http` | faster · 1.11x · n=6 | — | — |");
    // Each client its own sentence in the reading, named by its id.
    expect(report).toMatch(
      /\*\*Another HTTP client \(a labelled variant, shown apart\), `fetch-configured` did not pay off on node \(equivalent\):\*\* 1\.00x/,
    );
  });
});

describe("noise guards", () => {
  it("flags a cell whose runs vary beyond the CV threshold", () => {
    const noisy = runResult([measured("node", [cpuCell("cpu.sequential", [100, 140, 90, 160, 100, 120])])]);
    expect(reportText(noisy)).toMatch(/⚠ node cpu\.sequential\/n=1e8: runs vary by \d+% \(CV; flag above 10%\)/);
  });

  it("counts the rounds after which one core was slow, and the rounds in which every core was", () => {
    const result = runResult([measured("node", [cpuCell("cpu.sequential", around(100))])]);
    const cores = [0, 1];
    result.run.coreProbe = {
      start: { ms: [15, 15.5], cores },
      afterEachRound: [
        { ms: [15, 15.5], cores },
        { ms: [20, 15], cores },
        { ms: [18, 17.5], cores },
        { ms: [15, 18], cores },
        { unavailable: "no taskset" },
      ],
      rounds: 5,
    };
    const report = reportText(result);
    expect(report).toMatch(/\| probe per core, start \| [^|]+ \(each reading the median of 5 timed rounds\) \|/);
    expect(report).toContain("| rounds after which one core was slow | 2 of 4 (worst 33%) ⚠ |");
    expect(report).toMatch(/⚠ after 2 of 4 rounds the probe ran more than 10% slower on one core than on another \(at worst 33%\)/);
    expect(report).toContain(
      "| rounds in which the whole machine was slow (probe) | 1 of 4 (worst 17% behind the run's fastest reading) ⚠ |",
    );
    expect(report).toMatch(/⚠ in 1 of 4 rounds \(3\) every core ran the probe more than 10% slower than the fastest reading of the run/);
  });

  it("says so when nothing was flagged", () => {
    const calm = runResult([measured("node", [cpuCell("cpu.sequential", around(100))])]);
    expect(reportText(calm)).toContain("No cell or round was flagged.");
  });

  it("shows the in-process (mitata) figure, or why there is none", () => {
    const withMitata = measured("node", [
      cpuCell("cpu.sequential", around(100), { inProcess: { tool: "mitata", label: "one task", samplesMs: [8, 8.1, 7.9, 8] } }),
    ]);
    const skipped = measured("bun", [
      cpuCell("cpu.sequential", around(100), {
        inProcess: { tool: "mitata", label: "one task", samplesMs: [], skipped: "one call takes 230 ms (> 50 ms)" },
      }),
    ]);
    const report = reportText(runResult([withMitata, skipped]));
    expect(report).toContain("(one task): node: 8.00 ms [no interval: too few rounds] (n=4)");
    expect(report).toContain("bun: not measured (one call takes 230 ms (> 50 ms))");
  });
});

describe("the scaling sweep and the crossover ladder", () => {
  const sweepCell = (scenarioId: string, walls: number[], workers: number | null, pssMiB = 40) => {
    const cell = cpuCell(scenarioId, walls, {
      cellId: `${scenarioId}/n=1e8/t=8${workers === null ? "" : `/w=${workers}`}`,
      group: "scaling",
      params: { kind: "cpu", workload: "sum-of-squares", tasks: 8, n: 100_000_000, workers: workers ?? 2 },
      ideal: { speedup: workers === null ? 1 : Math.min(8, workers, 2) },
      baseline: workers === null ? null : "cpu.sequential/n=1e8/t=8",
    });
    cell.samples = cell.samples.map((sample) => ({ ...sample, peakPssKiB: pssMiB * 1024 }));
    return cell;
  };
  const ladderCell = (scenarioId: string, n: number, walls: number[]) =>
    cpuCell(scenarioId, walls, {
      cellId: `${scenarioId}/n=${n}/t=2`,
      group: "crossover",
      params: { kind: "cpu", workload: "sum-of-squares", tasks: 2, n, workers: 2 },
      ideal: { speedup: scenarioId === "cpu.sequential" ? 1 : 2 },
      baseline: scenarioId === "cpu.sequential" ? null : `cpu.sequential/n=${n}/t=2`,
    });
  const result = runResult([
    measured("node", [
      cpuCell("cpu.sequential", around(400)),
      sweepCell("cpu.sequential", around(800), null),
      sweepCell("cpu.worker-pool", around(800), 1, 45),
      sweepCell("cpu.worker-pool", around(400), 2, 50),
      sweepCell("cpu.worker-pool", around(400), 4, 60),
      ladderCell("cpu.sequential", 100_000, around(0.4)),
      ladderCell("cpu.worker-pool", 100_000, around(0.8)),
      ladderCell("cpu.sequential", 10_000_000, around(20)),
      ladderCell("cpu.worker-pool", 10_000_000, around(11)),
    ]),
  ]);
  const report = reportText(result);

  it("says why the largest size stops short of the ideal: the slower core, as the per-core probe measured it", () => {
    const probed = structuredClone(result);
    probed.run.coreProbe.afterEachRound = [
      { ms: [15, 16.5], cores: [0, 1] },
      { ms: [15, 15.3], cores: [0, 1] },
      { ms: [15.6, 15], cores: [0, 1] },
    ];
    const rendered = reportText(probed);
    expect(rendered).toContain(
      "**Why the largest size (n = 10000000) stops short of 2.00x:** the best was 1.82x (a warmed worker pool, node).",
    );
    // Spreads of 10%, 2% and 4%: a median of 4%, and 2 / 1.04 = 1.92x.
    expect(rendered).toMatch(
      /the per-core probe put one core a median 4% behind the other \(worst 10%\), which alone caps one task per core at about 1\.92x/,
    );
    expect(rendered).toContain("Those runs kept 1.00-1.00 cores busy, beside 0.00-0.00 cores of other load");
    expect(report).toContain("The cores were not probed, so how far they differed is unknown.");
  });

  it("shows speed-up and efficiency per worker count, and the memory each added worker costs", () => {
    expect(report).toContain("## Scaling: speed-up against the number of workers");
    expect(report).toContain("| 1 | 1.00x [1.00–1.00, n = 6] (100%) |");
    expect(report).toContain("| 2 | 2.00x [2.00–2.00, n = 6] (100%) |");
    expect(report).toContain("| 4 | 2.00x [2.00–2.00, n = 6] (100%) |");
    expect(report).toContain("| memory per added worker | 5.0 MiB [5.0–5.0] |"); // 45, 50, 60 MiB at 1, 2, 4 workers
  });

  it("shows the other workloads, each model against the sequential run of the same workload", () => {
    const sieveCell = (scenarioId: string, walls: number[]) => workloadCell(scenarioId, "prime-sieve", { n: 1_000_000, tasks: 2 }, walls);
    const rendered = reportText(
      runResult([measured("bun", [sieveCell("cpu.sequential", around(20)), sieveCell("cpu.worker-pool", around(12))])]),
    );
    expect(rendered).toContain("### prime sieve (memory-bound), 2 tasks of n = 1000000");
    expect(rendered).toContain("| the sequential run: work per task | 10.0 ms |");
    expect(rendered).toContain("| a warmed worker pool | 1.67x [1.67–1.67, n = 6] faster |");
  });

  it("compares native key derivation with the same work in plain JavaScript, and shows where it runs", () => {
    const keyCell = (scenarioId: string, workload: "pbkdf2-native" | "pbkdf2-javascript", walls: number[]) =>
      workloadCell(scenarioId, workload, { n: 200_000, tasks: 4 }, walls, {
        // As the suite declares it: the native sequential run is paired with the same work in plain JavaScript.
        pairedWith: scenarioId === "cpu.sequential" && workload === "pbkdf2-native" ? "cpu.sequential/pbkdf2-javascript/n=2e5/t=4" : null,
      });
    const node = measured("node", [
      keyCell("cpu.sequential", "pbkdf2-native", around(100)),
      keyCell("cpu.async-main", "pbkdf2-native", around(50)),
      keyCell("cpu.sequential", "pbkdf2-javascript", around(500)),
    ]);
    if (node.status === "measured") node.description.nativeOffload = "crypto.pbkdf2 on a thread pool";
    const rendered = reportText(runResult([node]));
    expect(rendered).toContain("| the sequential run against the same work in plain JavaScript | 5.00x [5.00–5.00, n = 6] faster |");
    expect(rendered).toContain("| concurrent async tasks on one thread | 2.00x [2.00–2.00, n = 6] faster |");
    expect(rendered).toContain("| native key derivation (offload) | crypto.pbkdf2 on a thread pool |");
  });

  it("says from what work per task a model paid off, and keeps sweep cells out of the verdicts", () => {
    expect(report).toContain("| a warmed worker pool | between 0.200 and 10.0 ms per task |");
    expect(report).toContain("| 100000 (0.200 ms) | 0.50x [0.50–0.50, n = 6] slower |");
    expect(findings(analyze(result)).join("\n")).toContain(
      "**On the crossover ladder (2 tasks of each size; the headline runs 4), a warmed worker pool paid off on node:** between 0.200 and 10.0 ms per task (node).",
    );
    expect(report).not.toMatch(/\| `cpu\.worker-pool\/n=1e8\/t=8\/w=1` \|/);
  });
});

describe("the primitive costs", () => {
  it("shows one operation's cost per runtime: the timed part over the repetitions, with its interval", () => {
    const cost = (
      operation: "worker-start" | "round-trip",
      walls: number[],
      extra: { payloadBytes?: number; transfer?: boolean; repetitions: number },
    ) =>
      cpuCell(`primitive.${operation}`, walls, {
        cellId: `primitive.${operation}/x${extra.repetitions}`,
        kind: "primitive",
        group: "primitives",
        title: operation === "worker-start" ? "Worker thread: start to first message" : "Message round trip to a worker",
        params: {
          kind: "primitive",
          operation,
          repetitions: extra.repetitions,
          payloadBytes: extra.payloadBytes ?? 0,
          transfer: extra.transfer ?? false,
          workers: 2,
        },
        baseline: null,
      });
    const rendered = reportText(
      runResult([
        measured("bun", [
          cost("worker-start", [40, 40, 40, 40, 40, 40], { repetitions: 4 }),
          cost("round-trip", [2, 2, 2, 2, 2, 2], { repetitions: 200, payloadBytes: 16_384, transfer: true }),
        ]),
      ]),
    );
    expect(rendered).toContain("## Primitive costs");
    expect(rendered).toContain("| Worker thread: start to first message | 10.0 ms [10.0–10.0] |");
    expect(rendered).toContain("| Message round trip to a worker: 16 KiB, transferred | 10.0 µs [10.0–10.0] |");
  });
});

describe("the I/O sweep", () => {
  const point = (
    scenarioId: string,
    latencyMs: number,
    concurrency: number,
    walls: number[],
    extra: { workers?: number; pssMiB?: number; serverCores?: number; baseline?: string | null; requests?: number } = {},
  ) => {
    const workers = extra.workers ?? 1;
    const cell = ioCell(scenarioId, walls, {
      ...ioSweepShape(scenarioId, latencyMs, concurrency, workers, extra.requests),
      baseline: extra.baseline ?? null,
    });
    cell.samples = cell.samples.map((sample) => ({
      ...sample,
      peakPssKiB: (extra.pssMiB ?? 40) * 1024,
      requestLatency: { p50Ms: latencyMs + 1, p99Ms: latencyMs + 4, requests: 10 * concurrency },
      serverBusyCores: extra.serverCores ?? 0.1,
    }));
    return cell;
  };
  const asyncAt = (concurrency: number) => `io.async-fetch/L=50ms/C=${concurrency}/N=${10 * concurrency}`;
  const cells = [
    point("io.async-fetch", 0, 10, around(20), { pssMiB: 40 }),
    point("io.async-fetch", 50, 10, around(520), { pssMiB: 40 }),
    point("io.async-fetch", 50, 100, around(550), { pssMiB: 42, serverCores: 0.7 }),
    point("io.worker-threads", 50, 100, around(605), { workers: 1, pssMiB: 60, baseline: asyncAt(100) }),
    point("io.worker-threads", 50, 100, around(605), { workers: 2, pssMiB: 70, baseline: asyncAt(100) }),
    // The memory cells: N = 500 held while C grows, 0.02 MiB (20.5 KiB) more for each request in flight.
    ...[50, 100, 250].map((c) => point("io.async-fetch", 100, c, around(100_000 / c), { pssMiB: 40 + (c - 50) * 0.02, requests: 500 })),
  ];
  const withCapacity = (requestsPerSecond: number) => {
    const result = runResult([measured("node", cells)]);
    result.run.mockApi = {
      latencyMs: 50,
      runtime: "node 26",
      capacity: { tool: "autocannon 9.0.0", connections: 100, durationSeconds: 5, latencyMs: 0, requestsPerSecond, errors: 0 },
      pinning: "not pinned",
    };
    return reportText(result);
  };
  const report = withCapacity(100_000);

  it("shows efficiency against the ideal, requests per second and latency percentiles at each point", () => {
    expect(report).toContain("## I/O: requests in flight, latency and the models");
    expect(report).toContain("### 0 ms latency");
    // At 0 ms the ideal is no time at all: no efficiency, the rate tells the models apart.
    // The fixture's CPU time is the wall time plus 1 ms: 21 ms over 100 requests is 210 µs each.
    expect(report).toContain(
      "| node | concurrent async requests | 10 | — | 100 | 20.0 ms | — | — | 5000 | 1.00 ms | 4.00 ms | 210 µs | — | 0.10 |",
    );
    expect(report).toContain(
      "| node | concurrent async requests | 100 | — | 1000 | 550 ms | 500 ms | 91% | 1818 | 51.0 ms | 54.0 ms | 551 µs | — | 0.70 ⚠ |",
    );
    expect(report).toMatch(
      /\| node \| requests spread over worker threads \| 100 \| 2 \| 1000 \| 605 ms \| 500 ms \| 83% \| 1653 \| .* \| 0\.91x \[0\.91–0\.91, n = 6\] slower \| 0\.10 \|/,
    );
  });

  it("derives the memory per in-flight request from the cells that hold N constant, and per worker thread", () => {
    // The sweep's own points (N = 10 x C) are left out: 40 MiB at C = 10 and 42 MiB at C = 100 would give 22.8 KiB.
    // 60 and 70 MiB at 1 and 2 workers.
    expect(report).toContain("| node | 20.5 KiB [20.5–20.5] (C = 50, 100, 250; N = 500, 100 ms) | 10.0 MiB [10.0–10.0] (C = 100) |");
    expect(report).toContain("garbage not yet collected included");
  });

  it("reads memory cells that older files kept in the sweep's group: the cells at a latency without sequential requests", () => {
    const older = [
      point("io.sequential", 0, 1, around(5)),
      point("io.sequential", 50, 1, around(520)),
      ...cells.map((cell) => (cell.group === "io-memory" ? { ...cell, group: "io-sweep" as const } : cell)),
    ];
    const sweep = ioSweep(runResult([measured("node", older)]), analyze(runResult([measured("node", older)])))!;
    expect(sweep.points.every((one) => one.latencyMs !== 100)).toBe(true);
    expect(sweep.memory[0]!.inFlight).toEqual({ latencyMs: 100, requests: 500, concurrency: [50, 100, 250], cap: null });
  });

  it("takes memory per in-flight request only from the C a runtime's client really holds in flight", () => {
    const capped = measured("bun", cells);
    if (capped.status === "measured") capped.description.httpClients.default.settings = { maxRequestsInFlight: 100 };
    // C = 250 is past the cap: its requests wait in the client's queue, and its point would add their bookkeeping.
    const [bun] = ioSweep(runResult([capped]), analyze(runResult([capped])))!.memory;
    expect(bun!.inFlight).toEqual({ latencyMs: 100, requests: 500, concurrency: [50, 100], cap: 100 });
    expect(reportText(runResult([capped]))).toContain("(C = 50, 100, up to its client's cap of 100; N = 500, 100 ms)");
  });

  it("flags a cell where the server was busy, and whether its capacity left 5x headroom over the fastest client", () => {
    expect(report).toMatch(/⚠ 1 cells had the mock API busy more than 0\.5 cores/);
    expect(report).toMatch(
      /Mock API capacity: 100000 requests\/s to autocannon 9\.0\.0 at 0 ms latency; highest client rate 5000 requests\/s \(node, io\.async-fetch\/L=0ms\/C=10\/N=100\); 20\.0x the highest client rate/,
    );
    const tight = withCapacity(20_000);
    expect(tight).toMatch(/⚠ only 4\.0x the highest client rate \(5x needed\): 1 points reached more than 1\/5 of it/);
    expect(tight).toContain("| 5000 ⚠ |");
    expect(report).not.toContain("| 5000 ⚠ |");
    expect(reportText(runResult([measured("node", cells)]))).toMatch(
      /n\/a \(not measured in this run\): whether the server was the bottleneck is unknown/,
    );
  });

  it("shows each request's latency and the server's CPU in the headline I/O tables", () => {
    const headline = ioCell("io.async-fetch", around(520), { baseline: null });
    headline.samples = headline.samples.map((sample) => ({
      ...sample,
      requestLatency: { p50Ms: 51, p99Ms: 58, requests: 100 },
      serverBusyCores: 0.2,
    }));
    const rendered = reportText(runResult([measured("node", [headline])]));
    expect(rendered).toContain("request latency: p50 / p99");
    expect(rendered).toContain("51.0 / 58.0 ms");
  });
});

describe("the file scenarios", () => {
  const fileCell = (scenarioId: string, walls: number[]) =>
    cpuCell(scenarioId, walls, {
      cellId: `${scenarioId}/10x1MiB`,
      kind: "files",
      group: "files",
      size: "10 x 1MiB",
      params: { kind: "files", files: 10, bytes: 2 ** 20, concurrency: 8, workers: 2 },
      ideal: { speedup: scenarioId === "files.sync" ? 1 : 2 },
      baseline: scenarioId === "files.sync" ? null : "files.sync/10x1MiB",
    });
  it("shows each model against the blocking calls, with its rate", () => {
    const rendered = reportText(runResult([measured("deno", [fileCell("files.sync", around(40)), fileCell("files.async", around(25))])]));
    expect(rendered).toContain("## Files: blocking calls, async calls and worker threads");
    expect(rendered).toContain("### 10 x 1MiB");
    expect(rendered).toContain("| deno | the synchronous file API | 40.0 ms | 524 | — (the baseline) |");
    expect(rendered).toContain("| deno | the async file API on the main thread | 25.0 ms | 839 | 1.60x [1.60–1.60, n = 6] faster (80%) |");
  });
});

describe("a run against a real API (--target)", () => {
  it("is marked at the top, with the mock API named as not used", () => {
    const result = runResult([measured("node", [ioCell("io.async-fetch", around(300), { baseline: null })])]);
    result.run.target = "https://api.example.test";
    result.run.mockApi = null;
    const rendered = reportText(result);
    expect(rendered).toMatch(/> ⚠ \*\*The I\/O cells of this run went to a real API, https:\/\/api\.example\.test\*\*/);
    expect(rendered).toContain("| mock API | not used: the I/O cells went to https://api.example.test (--target) |");
  });
});
