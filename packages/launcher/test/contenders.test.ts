/**
 * Contenders through the bench (issue 29): a local build (the pinned binary under another label, with a flag) through
 * the quick profile beside the pinned one; an unreachable registry refused in one line before anything runs; and how a
 * contender is made ready (labels, a missing binary, two contenders under one label), without the network.
 */
import { chmodSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { repoRoot } from "@runtime-bench/model/cli/repo";
import { ContenderError, parseContenders } from "@runtime-bench/model/contenders";
import { fingerprintOf } from "@runtime-bench/model/machine-fingerprint";
import { parseRunResult } from "@runtime-bench/model/schema";
import { describe, expect, it } from "vitest";
import { readyContenders } from "../src/contender-launches.ts";
import { loadAdapter } from "../src/launches.ts";
import { describeRuntime } from "../src/process-backend.ts";
import { readMergeTarget } from "../src/rerun-merge.ts";
import { pinnedVersion, runtimeBinary } from "../src/runtime-binaries.ts";
import { bench, readRun, report, temporary, writeSuite } from "./bench-helpers.ts";

const pinnedNode = realpathSync(runtimeBinary("node"));
const node = await loadAdapter("node");
const adapters = { node, deno: await loadAdapter("deno"), bun: await loadAdapter("bun") } as const;
const adapterOf = (runtime: string) => adapters[runtime as keyof typeof adapters] ?? node;
/** A path as a person types it: relative to the folder the command runs in (the tests run in the repo root). */
const typedPath = relative(process.cwd(), pinnedNode);

describe("contenders made ready", () => {
  it("labels a pinned runtime by its name alone, and by its version beside another contender of it", async () => {
    const alone = await readyContenders(parseContenders("node,deno"), adapterOf);
    expect(alone.map((contender) => contender.label)).toEqual(["node", "deno"]);
    expect(alone[0]!.launch).toBe(node.launch); // the pinned launch itself: a run without contenders is unchanged
    const rivals = await readyContenders(parseContenders(`node,node=${typedPath}[--no-opt]`), adapterOf);
    expect(rivals.map((contender) => contender.label)).toEqual([
      `node ${pinnedVersion("node")}`,
      `node ${pinnedVersion("node")} local --no-opt`,
    ]);
    expect(rivals[1]!.record).toEqual({ source: { kind: "local", path: typedPath }, flags: ["--no-opt"] });
    expect(rivals[1]!.launch.command.argv.slice(0, 2)).toEqual([join(process.cwd(), typedPath), "--no-opt"]);
    expect(rivals[1]!.launch.version).toBeNull(); // a local build is whatever version it reports
  });

  it("puts a runtime's flags where it reads them: Deno's after run, and in the variable its children are started from", async () => {
    const [deno] = await readyContenders(parseContenders("deno[--v8-flags=--max-old-space-size=512]"), adapterOf);
    expect(deno!.launch.command.argv.slice(1, 3)).toEqual(["run", "--v8-flags=--max-old-space-size=512"]);
    expect(deno!.launch.command.env).toEqual({ RUNTIME_BENCH_DENO_FLAGS: '["--v8-flags=--max-old-space-size=512"]' });
  });

  it("refuses a path with no executable, and two contenders that end under one label, naming the contender", async () => {
    await expect(readyContenders(parseContenders("node=./no/such/node"), adapterOf)).rejects.toThrow(
      /--runtimes: "node=\.\/no\/such\/node": no executable file at \.\/no\/such\/node/,
    );
    await expect(readyContenders(parseContenders(`node,x:node=${typedPath},x2:node=${typedPath}`), adapterOf)).resolves.toHaveLength(3);
    await expect(
      readyContenders(parseContenders(`a:node,node=${typedPath},b:node=${typedPath}[--no-opt]`), adapterOf),
    ).resolves.toHaveLength(3);
    const same = readyContenders(parseContenders(`node=${typedPath},node=./${typedPath}`), adapterOf);
    await expect(same).rejects.toThrow(ContenderError);
    await expect(same).rejects.toThrow(/two contenders are both "node 26\.\d+\.\d+ local"; give one a label of its own/);
  });
});

describe("a re-run of some cells (--scenarios) with contenders", () => {
  it("is refused before measuring where the result has no column for a contender: its cells would be lost", () => {
    const dir = temporary("rerun-columns");
    const previous = parseRunResult(JSON.parse(readFileSync(join(repoRoot, "results/versions/run.json"), "utf8")), "run.json");
    writeFileSync(join(dir, "run.json"), JSON.stringify(previous));
    const expected = { profileName: previous.run.profile, fingerprint: fingerprintOf(previous.machine), target: null };
    expect(readMergeTarget(dir, { ...expected, labels: ["node 24.21.0", "bun 1.4.5"] })).not.toBeNull();
    expect(() => readMergeTarget(dir, { ...expected, labels: ["node 22.0.0", "node 26.10.0"] })).toThrow(
      /has no column "node 22\.0\.0" \(its columns: node 24\.21\.0, node 26\.10\.0, bun 1\.3\.14, bun 1\.4\.5, deno, cpython, pypy, jython\)/,
    );
  });
});

describe("a version that cannot run the harness", () => {
  it("is unavailable, with the reason, when it cannot run TypeScript: found before any cell", async () => {
    // A stand-in for a Node before type stripping (22.18, 23.6): it fails to load main.ts as such a Node does.
    const old = join(temporary("old-node"), "node");
    writeFileSync(old, `#!/bin/sh\necho 'TypeError [ERR_UNKNOWN_FILE_EXTENSION]: Unknown file extension ".ts" for main.ts' >&2\nexit 1\n`);
    chmodSync(old, 0o755);
    const described = await describeRuntime({ ...node.launchWith!(old, []), version: null });
    expect(described).toEqual({
      unavailable: expect.stringMatching(/^node could not start: it does not run TypeScript files \(Node strips types/),
    });
  });
});

describe("contenders through the bench", () => {
  it("measures a local build beside the pinned one, under its own label and with its flag, and reports the pair", () => {
    const out = temporary("contenders");
    const suite = writeSuite(out, () => {});
    const run = bench([
      "--suite",
      suite,
      "--runtimes",
      `node,copy:node=${typedPath}[--max-semi-space-size=32]`,
      "--scenarios",
      "cpu.sequential,cpu.worker-pool,cpu.process-pool",
      "--out",
      out,
    ]);
    expect(run.status, run.stderr).toBe(0);
    const result = parseRunResult(readRun(out), "run.json");
    const nodes = result.runtimes.filter((runtime) => runtime.name === "node");
    expect(nodes.map((runtime) => [runtime.label, runtime.status, runtime.contender])).toEqual([
      [`node ${pinnedVersion("node")}`, "measured", { source: { kind: "pinned" }, flags: [] }],
      ["copy", "measured", { source: { kind: "local", path: typedPath }, flags: ["--max-semi-space-size=32"] }],
    ]);
    const copy = nodes[1]!;
    expect(copy.status === "measured" && copy.description.runtime.execArgv).toEqual(["--max-semi-space-size=32"]);
    // Every cell ran and verified in both: workers and forked children started with the flag.
    for (const runtime of nodes)
      for (const cell of runtime.status === "measured" ? runtime.cells : []) expect(cell.status, cell.reason).toBe("ok");
    expect(run.stderr).toMatch(/\[round 1 · \d+\/\d+\] copy cpu\.worker-pool/);
    const reported = report(out);
    expect(reported.status, reported.stderr).toBe(0);
  });

  it("stops in one line, exit 2, before anything runs, where the registry cannot be reached", () => {
    const out = temporary("offline");
    const run = bench(["--runtimes", "node@24,node", "--out", out], { npm_config_registry: "http://127.0.0.1:9/" });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^bench: --runtimes: "node@24": the npm registry could not be reached to resolve 24 \(\w+\)$/),
    ]);
  });
});
