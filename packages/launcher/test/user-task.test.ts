/**
 * A user's task (--task): the examples load and verify in every runtime; bad tasks get exit 2 before anything is
 * measured; a task that throws, fails its check or never returns fails its cells (the others still run) and the
 * report exits 1; a runtime that cannot load the task is n/a in its loader's words and the report exits 3; nothing
 * is left running, and results/ is never written.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "@runtime-bench/model/cli/repo";
import { afterAll, describe, expect, it } from "vitest";
import { runtimeBinary } from "../src/runtime-binaries.ts";
import { bench, cellsOf, leftoverProcesses, readRun, report, writeTaskModule } from "./bench-helpers.ts";

const scratch = mkdtempSync(join(tmpdir(), "rb-user-task-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const taskFile = (name: string, source: string): string => writeTaskModule(scratch, name, source);

const examples = ["mandelbrot", "markdown-render"].map((name) => join(repoRoot, "examples", name, "task.ts"));
const verifyScript = join(repoRoot, "packages/launcher/test/verify-task.ts");

describe("the examples", () => {
  const commands: Record<string, (module: string) => [string, string[]]> = {
    node: (module) => [process.execPath, [verifyScript, module]],
    bun: (module) => [runtimeBinary("bun"), ["run", verifyScript, module]],
    deno: (module) => [runtimeBinary("deno"), ["run", "--no-prompt", "--no-lock", `--allow-read=${repoRoot}`, verifyScript, module]],
  };
  for (const example of examples)
    for (const [runtime, command] of Object.entries(commands))
      it(`${example.split("/").at(-2)} loads, runs and passes its check in ${runtime}`, () => {
        const [program, args] = command(pathToFileURL(example).href);
        const run = spawnSync(program, args, { encoding: "utf8", timeout: 60_000 });
        expect(run.status, run.stderr).toBe(0);
        expect(JSON.parse(run.stdout.trim().split("\n").at(-1)!)).toMatchObject({ verdict: true });
      });

  it("a task run writes its own report, by default into a folder named after the file in the caller's folder", () => {
    const caller = join(scratch, "caller");
    mkdirSync(caller, { recursive: true });
    const resultsBefore = statSync(join(repoRoot, "results/run.json")).mtimeMs;
    const env = { RUNTIME_BENCH_CALLER_CWD: caller };
    // A file named task.ts takes its folder's name; one size keeps the run short (the examples load above).
    const file = taskFile(
      "word-count",
      `export default { name: "word-count", sizes: { "100 words": 100 }, input: (n: number) => "word ".repeat(n),
         run: (text: string) => text.split(" ").filter(Boolean).length, check: (count: number, n: number) => count === n };`,
    );
    const run = bench(["--task", file], env);
    expect(run.status, run.stderr).toBe(0);
    const out = join(caller, "word-count");
    const cells = cellsOf(readRun(out));
    expect(cells.filter((cell) => cell.status === "ok").length).toBeGreaterThan(0);
    expect(cells.find((cell) => cell.scenarioId === "cpu.async-main")?.reason).toMatch(/word-count offers no form that yields/);
    const built = spawnSync(process.execPath, [join(repoRoot, "packages/results/src/main.ts"), "--task", file], {
      encoding: "utf8",
      env: { ...process.env, ...env },
    });
    expect(built.status, built.stderr).toBe(0);
    expect(existsSync(join(out, "README.md"))).toBe(true);
    expect(statSync(join(repoRoot, "results/run.json")).mtimeMs).toBe(resultsBefore);
  }, 120_000);
});

describe("what each model pays for the task's input", () => {
  /**
   * The first input an executor (a process or a worker thread: each loads the module anew) builds takes 0.8 s: a figure
   * that included building it could not be under that, as any build on the clock would be an executor's first.
   */
  const BUILD_MS = 800;
  const costly = () =>
    taskFile(
      "costly-input",
      `let built = false;
       export default { name: "costly-input", sizes: { "1 MiB": 1 << 20 },
         input: (n: number) => { const until = built ? 0 : Date.now() + ${BUILD_MS}; built = true; while (Date.now() < until); return new Uint8Array(n).fill(7); },
         transfer: (bytes: Uint8Array) => [bytes.buffer],
         run: (bytes: Uint8Array) => bytes.reduce((sum, byte) => sum + byte, 0),
         check: (sum: number, n: number) => sum === 7 * n || "wrong sum" };`,
    );

  it("no figure includes building it; hand-off models receive it copied, worker models moved too, pools in place with --compute-only", () => {
    const out = join(scratch, "out-costly");
    const run = bench(["--task", costly(), "--out", out, "--compute-only"]);
    expect(run.status, run.stderr).toBe(0);
    const cells = cellsOf(readRun(out)).filter((cell) => cell.status !== "n/a");
    for (const cell of cells) {
      expect(cell.status, `${cell.cellId}: ${cell.reason}`).toBe("ok");
      for (const sample of cell.samples) expect(sample.wallMs, cell.cellId).toBeLessThan(BUILD_MS);
    }
    const viewOf = (cellId: string) => {
      const cell = cells.find((one) => one.cellId === cellId);
      return cell?.params.kind === "cpu" ? (cell.params.task?.input ?? "held on the main thread") : "absent";
    };
    const id = (scenario: string, view = "") => `${scenario}/user-task/n=1048576${view}`;
    expect(viewOf(id("cpu.sequential"))).toBe("held on the main thread");
    for (const scenario of ["cpu.worker-per-task", "cpu.worker-pool", "cpu.process-pool", "cpu.process-per-task"])
      expect(viewOf(id(scenario))).toBe("copied");
    for (const scenario of ["cpu.worker-per-task", "cpu.worker-pool"]) {
      expect(viewOf(id(scenario, "/transferred"))).toBe("transferred");
      // The harness checked that every buffer the mark names left the main thread (a copy would fail the cell).
      expect(cells.find((cell) => cell.cellId === id(scenario, "/transferred"))?.notes.join(" ")).toMatch(/input moved, not copied/);
    }
    // A child process cannot take a transfer; a fresh executor would build its own input on the clock.
    for (const missing of [id("cpu.process-pool", "/transferred"), id("cpu.worker-per-task", "/in-place")])
      expect(viewOf(missing)).toBe("absent");
    for (const scenario of ["cpu.worker-pool", "cpu.process-pool"]) expect(viewOf(id(scenario, "/in-place"))).toBe("in-place");
    expect(report(out).status).toBe(0);
    const readme = readFileSync(join(out, "README.md"), "utf8").replace(/\s+/g, " ");
    for (const row of [
      "a warmed worker pool (input copied)",
      "a warmed worker pool (input moved)",
      "a warmed worker pool (input in place)",
    ])
      expect(readme).toContain(row);
    expect(readme).toMatch(/no figure includes building it/);
  }, 180_000);

  it("--compute-only is refused without --task", () => {
    const run = bench(["--compute-only", "--out", join(scratch, "out-no-task")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--compute-only goes with --task/);
  });
});

describe("bad tasks", () => {
  it.each([
    ["a module that does not exist", () => join(scratch, "nowhere.ts"), /--task: no task module at .*nowhere\.ts/],
    ["a module without a task definition", () => taskFile("empty", "export const x = 1;"), /exports no task definition/],
    [
      "a size the task refuses",
      () =>
        taskFile("negative", `export default { name: "negative", sizes: { less: -1 }, input: () => 0, run: () => 0, check: () => true };`),
      /task negative: size "less" must be a whole number from 1/,
    ],
    [
      "permissions the runtime cannot read",
      () =>
        taskFile(
          "bad-permissions",
          `export default { name: "bad-permissions", sizes: { one: 1 }, permissions: { write: "/tmp" }, input: () => 0, run: () => 0, check: () => true };`,
        ),
      /task bad-permissions: permissions\.write must be a list of non-empty strings/,
    ],
  ])("%s: exit 2 before anything is measured, one line naming it", (_, file, message) => {
    const out = join(scratch, `out-${Math.random()}`);
    const run = bench(["--task", file(), "--out", out]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(existsSync(join(out, "run.json"))).toBe(false);
  });

  it("a task that throws, fails its check or never returns fails its cells at that size, the others run, the report exits 1", () => {
    // One run, one size per misbehaviour: healthy cells here take milliseconds, a hung one is stopped after a second.
    const file = taskFile(
      "misbehaving",
      `export default { name: "misbehaving", sizes: { fine: 1, throws: 2, "fails its check": 3, "never returns": 4 },
         input: (n: number) => n,
         run: (n: number) => { if (n === 2) throw new Error("boom at two"); if (n === 3) return n + 1; if (n === 4) for (;;); return n; },
         check: (out: number, n: number) => out === n || "not n" };`,
    );
    const out = join(scratch, "out-misbehaving");
    const run = bench(["--task", file, "--out", out, "--cell-timeout", "1"]);
    expect(run.status, run.stderr).toBe(0);
    const cells = cellsOf(readRun(out));
    const atSize = (n: number) => cells.filter((cell) => cell.params.kind === "cpu" && cell.params.n === n && cell.status !== "n/a");
    for (const [n, reason] of [
      [2, /boom at two/],
      [3, /the check failed at size 3: not n/],
      [4, /timed out after 1 s/],
    ] as const) {
      expect(atSize(n).length, `size ${n}`).toBeGreaterThan(0);
      for (const cell of atSize(n)) expect(cell.status, `${cell.cellId}`).toBe("failed");
      expect(
        atSize(n).some((cell) => reason.test(cell.reason ?? "")),
        `size ${n}`,
      ).toBe(true);
    }
    expect(atSize(1).filter((cell) => cell.status === "ok").length).toBeGreaterThan(0);
    const built = report(out);
    expect(built.status).toBe(1);
    expect(built.stderr).toMatch(/report: failed cell node cpu\.\S+\/user-task\/n=2:/);
    expect(leftoverProcesses()).toBe("");
  }, 120_000);

  it("a task whose input throws fails every cell with why, fresh executors included (none waits for its timeout)", () => {
    const file = taskFile(
      "input-throws",
      `export default { name: "input-throws", sizes: { one: 1 }, input: () => { throw new Error("no input today"); }, run: (n: number) => n, check: () => true };`,
    );
    const out = join(scratch, "out-input-throws");
    const run = bench(["--task", file, "--out", out, "--cell-timeout", "30"]);
    expect(run.status, run.stderr).toBe(0);
    const measured = cellsOf(readRun(out)).filter((cell) => cell.status !== "n/a");
    expect(measured.length).toBeGreaterThan(0);
    for (const cell of measured) expect(cell.reason).toMatch(/no input today/);
    expect(leftoverProcesses()).toBe("");
  }, 120_000);

  it("a module only Bun can load is n/a in Node and Deno with the loader's error, and the report exits 3", () => {
    const file = taskFile(
      "bun-only",
      `const version = Bun.version;
       export default { name: "bun-only", sizes: { one: 1000 }, input: (n: number) => n, run: (n: number) => n + 0 * version.length, check: () => true };`,
    );
    const out = join(scratch, "out-bun-only");
    const run = bench(["--task", file, "--out", out, "--runtimes", "node,bun,deno"]);
    expect(run.status, run.stderr).toBe(0);
    const result = readRun(out);
    for (const runtime of ["node", "deno"])
      for (const cell of cellsOf(result, runtime))
        expect(cell.reason).toMatch(/bun-only: this runtime cannot load the task: .*Bun is not defined/);
    expect(cellsOf(result, "bun").filter((cell) => cell.status === "ok").length).toBeGreaterThan(0);
    const built = report(out);
    expect(built.status).toBe(3);
    expect(built.stderr).toMatch(/report: node could not run the task/);
    expect(leftoverProcesses()).toBe("");
  }, 120_000);
});

describe("what Deno gives a task", () => {
  it("what libraries do as they load (read an environment variable, read their package), and what the definition grants", () => {
    // Reads a variable as the module loads, as many libraries do (debug reads DEBUG); writes a file only where granted.
    const source = (name: string, grant: string) =>
      `import { writeFileSync } from "node:fs";
       const level = process.env.TASK_LOG_LEVEL ?? "info";
       export default { name: "${name}", sizes: { one: 10 }, ${grant} input: (n: number) => n,
         run: (n: number) => { writeFileSync(new URL("./out.txt", import.meta.url), level); return n; },
         check: (out: number, n: number) => out === n || "not n" };`;
    const granted = taskFile("deno-granted", source("deno-granted", `permissions: { write: ["out.txt"] },`));
    const out = join(scratch, "out-deno-granted");
    const run = bench(["--task", granted, "--out", out, "--runtimes", "deno"]);
    expect(run.status, run.stderr).toBe(0);
    const cells = cellsOf(readRun(out), "deno").filter((cell) => cell.status !== "n/a");
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(cell.status, cell.reason).toBe("ok");
    expect(report(out).status).toBe(0);
    expect(readFileSync(join(out, "README.md"), "utf8").replaceAll("\n", " ")).toMatch(
      /Deno ran the task, .* every environment variable .* and what the task's definition grants: write `.*deno-granted\/out\.txt`/,
    );

    const ungranted = taskFile("deno-ungranted", source("deno-ungranted", ""));
    const denied = join(scratch, "out-deno-ungranted");
    expect(bench(["--task", ungranted, "--out", denied, "--runtimes", "deno"]).status).toBe(0);
    const failed = cellsOf(readRun(denied), "deno").filter((cell) => cell.status === "failed");
    expect(failed.length).toBeGreaterThan(0);
    for (const cell of failed)
      expect(cell.reason).toMatch(
        /the task needs a permission Deno was not given \(Requires write access to ".*out\.txt"\); grant it in the task's definition: permissions: \{ write: \[".*out\.txt"\] \}/,
      );
    expect(leftoverProcesses()).toBe("");
  }, 180_000);
});
