/**
 * A user's I/O-bound task (--task with `kind: "io"`): its units run through the three I/O models (one after another,
 * async on the main thread with C in flight, over W worker threads) against the mock API on Node, Bun and Deno, each
 * model against the sequential run; a target that refuses connections fails the cells with why and the run goes on;
 * a permission Deno refused is named; bad definitions are exit 2; nothing is left running.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bench, cellsOf, leftoverProcesses, readRun, report, writeTaskModule } from "./bench-helpers.ts";

const scratch = mkdtempSync(join(tmpdir(), "rb-io-task-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** An I/O task module in a folder of its own, outside the repo: `fields` go into its definition. */
function ioTask(name: string, fields: string, run = "async (id: number, target: string) => (await fetch(target + '/posts/' + id)).json()") {
  return writeTaskModule(
    scratch,
    name,
    `export default { kind: "io", name: "${name}", ${fields}
       input: (index: number) => index + 1,
       run: ${run},
       check: (post: { id: number }, id: number) => post.id === id || \`asked for post \${id}, got \${post.id}\` };`,
  );
}

const LATENCY_MS = 20;
const UNITS = 12;

describe("an I/O task against the mock API", () => {
  it("runs every model at each level on every runtime, each against the sequential run, and reports the I/O question", () => {
    const file = ioTask(
      "posts",
      `target: { mockApi: { latencyMs: ${LATENCY_MS} } }, units: ${UNITS}, inFlight: { "6 at once": 6 }, workers: [1, 3],`,
    );
    const out = join(scratch, "out-posts");
    const run = bench(["--task", file, "--out", out, "--runtimes", "node,bun,deno"]);
    expect(run.status, run.stderr).toBe(0);
    const result = readRun(out);
    for (const runtime of ["node", "bun", "deno"]) {
      const cells = cellsOf(result, runtime);
      expect(cells.map((cell) => cell.cellId).sort()).toEqual(
        ["io.sequential", "io.async-fetch/C=6", "io.worker-threads/C=6/W=1", "io.worker-threads/C=6/W=3"].sort(),
      );
      for (const cell of cells) {
        expect(cell.status, `${runtime} ${cell.cellId}: ${cell.reason}`).toBe("ok");
        // Every model is compared with the same sequential run of the same units.
        expect(cell.baseline).toBe(cell.cellId === "io.sequential" ? null : "io.sequential");
        const sample = cell.samples.at(-1)!;
        expect(sample.requestLatency?.requests).toBe(UNITS);
        // Physical limits: C in flight cannot beat ceil(N / C) latencies; one after another takes N of them.
        const params = cell.params.kind === "io" ? cell.params : null;
        expect(sample.wallMs).toBeGreaterThanOrEqual(Math.ceil(UNITS / params!.concurrency) * LATENCY_MS - 1);
      }
      const sequential = cells.find((cell) => cell.cellId === "io.sequential")!.samples.at(-1)!.wallMs;
      const atSix = cells.find((cell) => cell.cellId === "io.async-fetch/C=6")!.samples.at(-1)!.wallMs;
      // Six in flight, not one at a time: well under half the sequential time (the ideal is a sixth).
      expect(atSix).toBeLessThan(sequential / 2);
    }
    // The Python reference runs the lesson's own requests only.
    expect(cellsOf(result, "cpython").length).toBe(0);
    expect(report(out).status).toBe(0);
    const readme = readFileSync(join(out, "README.md"), "utf8").replaceAll("\n", " ");
    expect(readme).toContain("posts: which model pays off at which in-flight level, on which runtime");
    expect(readme).toMatch(/\| 6 at once \| over 3 worker threads \|/);
    expect(readme).toMatch(/the harness's mock API, answering each unit after 20\.0 ms/);
    expect(readme).toMatch(/\| unit p50 \/ p99 \|/);
    expect(leftoverProcesses()).toBe("");
  }, 180_000);

  it("a target that refuses connections fails the task's cells with why; the run goes on to the end", () => {
    // Port 9 (discard) has nothing listening on loopback: every connection is refused.
    const file = ioTask("refused", `target: { url: "http://127.0.0.1:9" }, units: 4, inFlight: { "2 at once": 2 }, workers: [1],`);
    const out = join(scratch, "out-refused");
    const run = bench(["--task", file, "--out", out, "--runtimes", "node,deno"]);
    expect(run.status, run.stderr).toBe(0);
    for (const runtime of ["node", "deno"]) {
      const cells = cellsOf(readRun(out), runtime);
      expect(cells.length).toBe(3);
      for (const cell of cells) {
        expect(cell.status).toBe("failed");
        expect(cell.reason).toMatch(/warm-up: 4 of 4 units failed: .*(fetch failed|refused|ECONNREFUSED|Connection refused)/i);
      }
    }
    expect(report(out).status).toBe(1);
    expect(leftoverProcesses()).toBe("");
  }, 180_000);

  it("a permission Deno was not given is named in the failure, with how to grant it", () => {
    const file = ioTask(
      "writes",
      `target: { mockApi: { latencyMs: 0 } }, units: 2, inFlight: { "2 at once": 2 }, workers: [1],`,
      `async (id: number, target: string) => { const { writeFile } = await import("node:fs/promises");
         await writeFile(new URL("./seen.txt", import.meta.url), String(id)); return (await fetch(\`\${target}/posts/\${id}\`)).json(); }`,
    );
    const out = join(scratch, "out-writes");
    expect(bench(["--task", file, "--out", out, "--runtimes", "deno"]).status).toBe(0);
    const failed = cellsOf(readRun(out), "deno");
    expect(failed.length).toBe(3);
    for (const cell of failed)
      expect(cell.reason).toMatch(/the task needs a permission Deno was not given \(Requires write access to ".*seen\.txt"\)/);
  }, 120_000);
});

describe("a bad I/O task stops before anything runs, in one line, exit 2", () => {
  const cases: Array<[string, string, RegExp]> = [
    ["no target", `units: 4,`, /task no-target: target must be \{ mockApi: \{ latencyMs: 20 \} \} or \{ url: /],
    [
      "a level past the units",
      `target: { mockApi: { latencyMs: 5 } }, units: 4, inFlight: { many: 10 },`,
      /inFlight "many" must be a whole number from 1 to units \(4\), got 10/,
    ],
    ["a latency past the mock API's limit", `target: { mockApi: { latencyMs: 20000 } },`, /the mock API's latencyMs must be 0 to 10000 ms/],
    [
      "workers that are not counts",
      `target: { mockApi: { latencyMs: 5 } }, workers: [0],`,
      /workers must be a list of whole numbers from 1 to 256/,
    ],
  ];
  for (const [what, fields, message] of cases)
    it(what, () => {
      const name = what.replaceAll(" ", "-").replaceAll("'", "");
      const run = bench(["--task", ioTask(name, fields.replace("no-target", name)), "--out", join(scratch, `out-${name}`)]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
    });
});
