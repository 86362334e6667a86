/**
 * Faults and bad input, end to end through the real launcher and the Node app (the quickest to start):
 * each must end in a clear message, the rest of the run going on, nothing overwritten, nothing left running.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "@runtime-bench/model/cli/repo";
import { RUNTIME_NAMES, RUNTIMES_UNDER_TEST } from "@runtime-bench/model/runtimes";
import type { RunResult } from "@runtime-bench/model/schema";
import type { Suite } from "@runtime-bench/model/suite";
import { describe, expect, it } from "vitest";
import { SCRATCH_PREFIX } from "../src/scratch-folder.ts";
import { bench, cellsOf, leftoverProcesses, readRun, report, runFile, temporary, writeSuite } from "./bench-helpers.ts";

describe("a runtime that is missing or broken", () => {
  it("is n/a with its reason; the others run, the report builds and exits 3", () => {
    const out = temporary("missing");
    const suite = writeSuite(out, (p) => (p.scenarios = ["cpu.sequential"]));
    const fakeBun = join(out, "old-bun");
    writeFileSync(
      fakeBun,
      `#!/bin/sh\necho '@@runtime-bench {"type":"described","description":{"runtime":{"runtime":"bun","version":"0.0.1","engine":"JavaScriptCore","engineVersion":"x","reportedParallelism":2,"execArgv":[],"relevantEnv":{}},"httpClients":{"default":{"name":"x","configuration":"default","settings":{}}},"clock":{"resolutionMs":0.001,"callOverheadNs":50}}}'\n`,
    );
    chmodSync(fakeBun, 0o755);
    const run = bench(["--runtimes", RUNTIMES_UNDER_TEST.join(","), "--suite", suite, "--out", out], {
      RUNTIME_BENCH_BUN_BIN: fakeBun,
      RUNTIME_BENCH_DENO_BIN: join(out, "no-such-deno"),
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/\[bun\] SKIPPED: expected bun 1\.4\.5 .*found bun 0\.0\.1/);
    expect(run.stderr).toMatch(/\[deno\] SKIPPED: deno could not start: cannot start .*no-such-deno: spawn .* ENOENT/);
    const runtimes = readRun(out).runtimes;
    expect(runtimes.map((r) => [r.name, r.status])).toEqual(RUNTIME_NAMES.map((name) => [name, name === "node" ? "measured" : "n/a"]));

    const built = report(out);
    expect(built.status).toBe(3);
    expect(built.stderr).toMatch(/bun was skipped: expected bun/);
    // The per-cell tables are in the report's second file.
    const markdown = readFileSync(join(out, "details.md"), "utf8");
    expect(markdown).toMatch(/\| node \| [\d.]+ ms \[/);
    expect(markdown).toMatch(/\| bun \| n\/a \(expected bun 1\.4\.5/);
    expect(markdown).toMatch(/\| deno \| n\/a \(deno could not start/);
  });

  it("is n/a when it crashes on start", () => {
    const out = temporary("crash");
    const suite = writeSuite(out, (p) => (p.scenarios = ["cpu.sequential"]));
    const run = bench(["--runtimes", "deno", "--suite", suite, "--out", out], { RUNTIME_BENCH_DENO_BIN: "/bin/false" });
    expect(run.stderr).toMatch(/\[deno\] SKIPPED: deno could not start: exited with code 1/);
  });

  it("a runtime left out with --runtimes is not a failure: the report exits 0", () => {
    const out = temporary("subset");
    const suite = writeSuite(out, (p) => (p.scenarios = ["cpu.sequential"]));
    expect(bench(["--suite", suite, "--out", out]).status).toBe(0);
    expect(
      readRun(out)
        .runtimes.filter((r) => r.status === "n/a")
        .map((r) => r.name),
    ).toEqual(RUNTIME_NAMES.filter((name) => name !== "node"));
    expect(report(out).status).toBe(0);
  });
});

describe("a worker or child process that fails", () => {
  it("a Python reference that is not installed is n/a with how to install it, and no failure: the report exits 0", () => {
    const out = temporary("missing-reference");
    const suite = writeSuite(out, (p) => (p.scenarios = ["cpu.sequential", "cpu.worker-pool"]));
    const run = bench(["--runtimes", "node,cpython,jython", "--suite", suite, "--out", out], {
      RUNTIME_BENCH_JYTHON_BIN: join(out, "no-such-jython"),
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/\[jython\] SKIPPED: not installed: apt-get install jython/);
    const runtimes = readRun(out).runtimes;
    expect(runtimes.find((r) => r.name === "jython")).toMatchObject({
      status: "n/a",
      selected: true,
      reason: "not installed: apt-get install jython",
    });
    // CPython runs the lesson's cells (this suite's tiny size is within the lesson's), verified like any runtime's.
    expect(cellsOf(readRun(out), "cpython").map((cell) => cell.status)).toEqual(["ok", "ok"]);
    const built = report(out);
    expect(built.status, built.stderr).toBe(0);
    expect(readFileSync(join(out, "README.md"), "utf8")).toMatch(/n\/a \(not installed: apt-get install jython\)/);
  }, 60_000);

  it.each([
    ["throw", /4 of 4 tasks failed: .*injected fault: the task threw/, /injected fault: the task threw/],
    ["crash", /tasks failed: .*(exited|error)/, /exited|error/],
    ["hang", /timed out after 2 s and was stopped/, /timed out after 2 s and was stopped/],
    [
      "wrong-value",
      /4 of 4 tasks failed: verification failed for sum-of-squares\(n=1000000\): expected \d+, got \d+/,
      /verification failed for sum-of-squares\(n=1000000\)/,
    ],
  ])(
    "%s: the worker and pool cells fail with the reason, the run goes on, nothing is left running",
    (fault, reason, poolReason) => {
      const out = temporary(`fault-${fault}`);
      const suite = writeSuite(out, (p) => (p.scenarios = ["cpu.worker-per-task", "cpu.worker-pool", "cpu.sequential"]));
      const run = bench(["--suite", suite, "--out", out, "--cell-timeout", "2"], { RUNTIME_BENCH_INJECT_FAULT: fault });
      expect(run.status, run.stderr).toBe(0);
      const cells = cellsOf(readRun(out));
      const failed = cells.find((cell) => cell.scenarioId === "cpu.worker-per-task")!;
      expect(failed.status).toBe("failed");
      expect(failed.reason).toMatch(reason);
      expect(failed.samples).toHaveLength(0); // a failed run is never timed into a result
      // The pool (piscina on Node) goes through the same hook: its failure paths are tested too.
      const pool = cells.find((cell) => cell.scenarioId === "cpu.worker-pool")!;
      expect(pool.status).toBe("failed");
      expect(pool.reason).toMatch(poolReason);
      expect(cells.find((cell) => cell.scenarioId === "cpu.sequential")!.status).toBe("ok"); // the main thread is not faulted
      expect(leftoverProcesses()).toBe("");
    },
    60_000,
  );

  it("a child process that exits with an error says why, in every runtime, also from a process pool", () => {
    const out = temporary("fault-child-stderr");
    const suite = writeSuite(out, (p) => (p.scenarios = ["cpu.process-per-task", "cpu.process-pool"]));
    const run = bench(["--runtimes", RUNTIMES_UNDER_TEST.join(","), "--suite", suite, "--out", out], {
      RUNTIME_BENCH_INJECT_FAULT: "crash",
    });
    expect(run.status, run.stderr).toBe(0);
    for (const runtime of RUNTIMES_UNDER_TEST) {
      for (const cell of cellsOf(readRun(out), runtime)) {
        expect(cell.status, `${runtime} ${cell.cellId}`).toBe("failed");
        // The pool's children crash during its warm-up, before any task is timed; the set-up failure says why.
        expect(cell.reason, `${runtime} ${cell.cellId}`).toMatch(/child process exited \(70\): injected fault: the executor crashed/);
      }
    }
    expect(leftoverProcesses()).toBe("");
  }, 60_000);

  it("child processes are stopped with their measurement process", () => {
    const out = temporary("fault-child");
    const suite = writeSuite(out, (p) => (p.scenarios = ["cpu.process-per-task"]));
    const run = bench(["--suite", suite, "--out", out, "--cell-timeout", "2"], { RUNTIME_BENCH_INJECT_FAULT: "hang" });
    expect(run.status).toBe(0);
    expect(cellsOf(readRun(out))[0]!.reason).toMatch(/timed out/);
    expect(leftoverProcesses()).toBe("");
  }, 60_000);

  it("refuses to write a faulted run into results/", () => {
    const run = bench([], { RUNTIME_BENCH_INJECT_FAULT: "throw" });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/test hook; a run with it set may not write to results\//);
  });
});

describe("the file cells' scratch folders", () => {
  it.each(["throw", "hang"])(
    "are removed after every run, also when the cell fails (%s) or its process is killed",
    (fault) => {
      const out = temporary(`files-${fault}`);
      const scratch = temporary(`files-tmp-${fault}`);
      const suite = writeSuite(out, (p) => {
        p.scenarios = ["cpu.sequential"];
        p.files = { scenarios: ["files.workers"], sets: [{ files: 20, bytes: 4096 }], concurrency: 4, workers: 2 };
      });
      // The launcher makes each folder under TMPDIR: this test's own, so other tests' folders cannot mix in.
      const run = bench(["--suite", suite, "--out", out, "--cell-timeout", "2"], { RUNTIME_BENCH_INJECT_FAULT: fault, TMPDIR: scratch });
      expect(run.status, run.stderr).toBe(0);
      const cells = cellsOf(readRun(out));
      expect(cells.find((cell) => cell.scenarioId === "files.sync")!.status).toBe("ok"); // the main thread wrote its files
      const workers = cells.find((cell) => cell.scenarioId === "files.workers")!;
      expect(workers.status).toBe("failed");
      expect(workers.reason).toMatch(fault === "hang" ? /timed out/ : /injected fault/);
      expect(readdirSync(scratch).filter((name) => name.startsWith(SCRATCH_PREFIX))).toEqual([]);
      expect(leftoverProcesses()).toBe("");
    },
    60_000,
  );
});

describe("interruption", () => {
  /** Runs three cells for many rounds; sends SIGTERM once the run logged a line matching `when`. */
  async function interruptWhen(when: RegExp, scenarios: string[], env: NodeJS.ProcessEnv = {}) {
    const out = temporary("interrupt");
    const suite = writeSuite(out, (p) => {
      p.scenarios = scenarios;
      p.rounds = { warmup: 0, min: 20, max: 20 };
    });
    const previous = join(out, "run.json");
    writeFileSync(previous, "the last complete result");
    const child = spawn(process.execPath, [runFile, "--quick", "--runtimes", "node", "--suite", suite, "--out", out], {
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, ...env },
    });
    let stderr = "";
    await new Promise<void>((resolve) =>
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk;
        if (when.test(stderr)) resolve();
      }),
    );
    const signalledAt = performance.now();
    child.kill("SIGTERM");
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    const stoppedWithinMs = performance.now() - signalledAt;
    const partial = JSON.parse(readFileSync(join(out, ".partial", "run.json"), "utf8")) as RunResult;
    const runsLogged = stderr.match(/^\[round \d+ · \d+\/\d+\] node \S+: [\d.]+ ms$/gm) ?? [];
    return { code, stoppedWithinMs, lastResult: readFileSync(previous, "utf8"), partial, runsLogged };
  }

  it("SIGTERM stops everything within seconds, keeps the finished runs apart, leaves the last result untouched", async () => {
    const { code, stoppedWithinMs, lastResult, partial, runsLogged } = await interruptWhen(/\[round 1 · 2\/3\]/, [
      "cpu.sequential",
      "cpu.worker-pool",
      "io.async-fetch",
    ]);
    expect(stoppedWithinMs).toBeLessThan(5000);
    expect(code).toBe(143);
    expect(lastResult).toBe("the last complete result");
    expect(partial.run.precision.stoppedBy).toBe("interrupted");
    // Every run logged as finished is kept; the one the signal cut short is not.
    const kept = cellsOf(partial).flatMap((cell) => cell.samples);
    expect(kept.length).toBe(runsLogged.length);
    expect(kept.length).toBeGreaterThanOrEqual(2);
    expect(leftoverProcesses()).toBe("");
  }, 60_000);

  it("keeps a cell that failed before the interruption, with its reason", async () => {
    const { code, partial } = await interruptWhen(
      /cpu\.worker-per-task\S*: FAILED/,
      ["cpu.sequential", "cpu.worker-per-task", "io.async-fetch"],
      {
        RUNTIME_BENCH_INJECT_FAULT: "throw",
      },
    );
    expect(code).toBe(143);
    const failed = cellsOf(partial).find((cell) => cell.scenarioId === "cpu.worker-per-task")!;
    expect(failed.status).toBe("failed");
    expect(failed.reason).toMatch(/injected fault/);
    expect(leftoverProcesses()).toBe("");
  }, 60_000);
});

describe("the mock API failing", () => {
  it("dying before it says its port: one line and exit code 4, no stack trace, nothing written", () => {
    const out = temporary("api-dead");
    const suite = writeSuite(out, (p) => (p.scenarios = ["io.async-fetch"]));
    const run = bench(["--suite", suite, "--out", out], { RUNTIME_BENCH_INJECT_FAULT: "mock-api-exit" });
    expect(run.status).toBe(4);
    expect(run.stderr).toMatch(
      /^bench: the mock API exited before it listened \(code 1\): mock-api: injected fault: exiting before it listens$/m,
    );
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(out, "run.json"))).toBe(false);
    expect(leftoverProcesses()).toBe("");
  });

  it("counts 5xx answers and timeouts per cell and fails the cell", () => {
    const out = temporary("api-faults");
    const suite = writeSuite(out, (p) => {
      p.scenarios = ["io.async-fetch"];
      p.io = { ...p.io, requests: 10, serverErrorEvery: 3 };
    });
    const errors = bench(["--suite", suite, "--out", out]);
    expect(errors.status).toBe(0);
    // Counted wherever they hit first: in the warm-up bursts or in the timed requests.
    expect(cellsOf(readRun(out))[0]!.reason).toMatch(/\d+ of \d+ (tasks|requests) failed: .*HTTP 503/);
  }, 60_000);

  it("a server crash mid-cell fails the cell with the failed requests counted", async () => {
    const out = temporary("api-crash");
    const suite = writeSuite(out, (p) => {
      p.scenarios = ["io.sequential"];
      p.io = { ...p.io, requests: 200, latencyMs: 20 };
    });
    const child = spawn(process.execPath, [runFile, "--quick", "--runtimes", "node", "--suite", suite, "--out", out], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    const apiListening = new Promise<void>((resolve) =>
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk;
        if (stderr.includes("mock API listening")) resolve();
      }),
    );
    // The timed requests take 4 s; kill the API (a child of this bench) well inside them.
    await apiListening;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    execFileSync("pkill", ["-KILL", "-P", String(child.pid), "-f", "mock-api/src/main.ts"]);
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code, stderr).toBe(0);
    expect(cellsOf(readRun(out))[0]!.reason).toMatch(/\d+ of 200 tasks failed: /);
    expect(leftoverProcesses()).toBe("");
  }, 60_000);

  it("a request that is never answered fails after the request timeout", () => {
    const out = temporary("api-drops");
    const suite = writeSuite(out, (p) => {
      p.scenarios = ["io.sequential"];
      // Warm-up takes requests 1-5 (at least C), so the 7th, never answered, is a timed one.
      p.io = { ...p.io, requests: 4, serverDropEvery: 7, requestTimeoutMs: 300, warmUpRequests: 0 };
    });
    const run = bench(["--suite", suite, "--out", out]);
    expect(run.status).toBe(0);
    expect(cellsOf(readRun(out))[0]!.reason).toMatch(/of 4 tasks failed: .*(timeout|aborted)/i);
  }, 60_000);
});

describe("bad input", () => {
  it.each([
    ["a negative size", (p: Suite["profiles"][string]) => (p.cpu.sizes = { bad: -5 }), /field "profiles\.quick\.cpu\.sizes\.bad"/],
    ["zero workers", (p: Suite["profiles"][string]) => (p.io.workers = 0), /field "profiles\.quick\.io\.workers"/],
    ["absurd concurrency", (p: Suite["profiles"][string]) => (p.io.concurrency = 1e9), /field "profiles\.quick\.io\.concurrency"/],
    ["an unknown scenario", (p: Suite["profiles"][string]) => (p.scenarios = ["cpu.teleport"]), /unknown scenario id/],
    [
      "more minimum rounds than maximum",
      (p: Suite["profiles"][string]) => (p.rounds = { warmup: 0, min: 5, max: 2 }),
      /field "profiles\.quick\.rounds": min must not exceed max/,
    ],
  ])("a suite with %s: exit 2, the field named, nothing written", (_, change, message) => {
    const out = temporary("bad-suite");
    const suite = writeSuite(out, change);
    const run = bench(["--suite", suite, "--out", out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(existsSync(join(out, "run.json"))).toBe(false);
  });

  it("a result folder that cannot be written is refused before anything is measured: exit 2", () => {
    const dir = temporary("bad-out");
    const file = join(dir, "a-file");
    writeFileSync(file, "not a folder");
    for (const [out, message] of [
      [file, /--out .*a-file: is a file, not a folder; nothing was measured/],
      [join(file, "below"), /--out .*a-file\/below: the result folder cannot be written \(\w+\)/],
      ["/proc/self", /--out \/proc\/self: the result folder cannot be written \(\w+\)/], // read-only even for root
    ] as const) {
      const run = bench(["--out", out]);
      expect(run.status, out).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\[round/);
    }
  });

  it("`pnpm turbo bench` from a fresh home prints no telemetry banner, and stops at a bad flag with exit 2", () => {
    const home = temporary("home");
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, ".config") };
    delete env.TURBO_TELEMETRY_DISABLED; // the project must turn it off itself, not the shell
    delete env.DO_NOT_TRACK;
    const run = spawnSync(join(repoRoot, "node_modules/.bin/pnpm"), ["turbo", "bench", "--", "--bogus"], {
      cwd: repoRoot,
      encoding: "utf8",
      env,
    });
    const output = run.stdout + run.stderr;
    expect(run.status, output).toBe(2);
    expect(output).toMatch(/Unknown option '--bogus'/);
    expect(output).not.toMatch(/collects completely anonymous telemetry|turborepo\.dev\/docs\/telemetry/i);
  });

  it.each([
    [["--cell-timeout", "0"], /--cell-timeout/],
    [["--cell-timeout", "soon"], /--cell-timeout/],
    [["--runtimes", "python"], /--runtimes: "python": "python" is none of the runtimes \(node, bun, deno/],
  ])("%j: exit 2", (args, message) => {
    const run = bench([...args, "--out", temporary("bad-flag")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it.each([
    ["truncated", (json: string) => json.slice(0, 120), /run\.json: not valid JSON/],
    [
      "from a newer schema",
      (json: string) => json.replace(/"schemaVersion": \d+/, '"schemaVersion": 99'),
      /run\.json: schemaVersion 99 is newer/,
    ],
    [
      "missing a field",
      (json: string) => json.replace(/"wallMs": [\d.]+,/, ""),
      /run\.json: field "runtimes\.0\.cells\.0\.samples\.0\.wallMs"/,
    ],
  ])(
    "a result file %s: the report exits 2, names the file, overwrites nothing",
    (_, corrupt, message) => {
      const out = temporary("bad-result");
      const suite = writeSuite(out, (p) => (p.scenarios = ["cpu.sequential"]));
      expect(bench(["--suite", suite, "--out", out]).status).toBe(0);
      const file = join(out, "run.json");
      writeFileSync(file, corrupt(readFileSync(file, "utf8")));
      writeFileSync(join(out, "README.md"), "the last report");
      const built = report(out);
      expect(built.status).toBe(2);
      expect(built.stderr).toMatch(message);
      expect(readFileSync(join(out, "README.md"), "utf8")).toBe("the last report");
    },
    60_000,
  );
});
