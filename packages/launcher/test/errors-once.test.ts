/**
 * Bad input to the main command is answered once, before turbo starts a task per app: the reason in one line (with
 * what to type instead where there is one) and exit 2, between pnpm's echo of the script and its one-line exit note,
 * and nothing else (docs/commands.md shows the first case as a person sees it).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "@runtime-bench/model/cli/repo";
import { afterAll, describe, expect, it } from "vitest";

const scratch = mkdtempSync(join(tmpdir(), "rb-errors-once-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** `npx pnpm turbo bench -- ARGS` as a person types it in the repository. */
function turboBench(args: string[]) {
  const bin = join(repoRoot, "node_modules/.bin");
  return spawnSync(join(bin, "pnpm"), ["turbo", "bench", "--", ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
    timeout: 60_000,
  });
}

const badSuite = join(scratch, "suite.json");
writeFileSync(badSuite, JSON.stringify({ runtimes: ["node"], profiles: { main: { description: 1 } } }));

describe("bad input to the main command, said once", () => {
  it.each([
    [
      "an unknown flag",
      ["--bogus"],
      "bench: Unknown option '--bogus'; the flags are --quick, --profile, --suite, --out, --cell-timeout, --runtimes, --seed, --target, --scenarios, --task, --compute-only, --help",
    ],
    [
      "an unknown runtime",
      ["--runtimes", "node,rust"],
      'bench: --runtimes: "rust": "rust" is none of the runtimes (node, bun, deno, cpython, pypy, jython)',
    ],
    [
      "a task module that does not exist",
      ["--task", "nowhere/task.ts"],
      `bench: --task: no task module at ${join(repoRoot, "nowhere/task.ts")}`,
    ],
    [
      "a suite file with an error",
      ["--suite", badSuite],
      `bench: ${badSuite}: field "profiles.main.description": Invalid input: expected string, received number`,
    ],
  ])("%s: one line, exit 2, no app started", (_what, args, line) => {
    const run = turboBench(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trimEnd().split("\n")).toEqual([
      `$ node packages/launcher/src/turbo-main.ts bench -- ${args.join(" ")}`,
      line,
      "[ELIFECYCLE] Command failed with exit code 2.",
    ]);
  });

  it("--help is printed once, and no app starts", () => {
    const run = turboBench(["--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout.match(/^usage: pnpm turbo bench/gm)).toHaveLength(1);
    // turbo never ran: none of its task prefixes ("@runtime-bench/node:bench: ...") is in the output.
    expect(run.stdout).not.toMatch(/^@runtime-bench\/\w+:bench:/m);
  });
});
