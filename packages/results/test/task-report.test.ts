/** A user's task's report (--task), from fixed inputs with known answers: its title, its summary, its table. */
import type { RuntimeName } from "@runtime-bench/model/runtimes";
import type { CellResult } from "@runtime-bench/model/schema";
import { describe, expect, it } from "vitest";
import { analyze } from "../src/analyze.ts";
import { claimLine } from "../src/claim-words.ts";
import { type LadderClaim, taskClaims } from "../src/claims.ts";
import { renderReport } from "../src/render-markdown.ts";
import { taskSummary } from "../src/summary.ts";
import { taskOf } from "../src/task-run.ts";
import { around, measured, noisy, runResult, userTaskCell } from "./fixtures.ts";

const SIZES = { small: 10, large: 1000 } as const;
type Size = keyof typeof SIZES;
const NO_YIELD = "md-render offers no form that yields to the event loop (no runAsync)";

/** One cell of the task at one size, as the headline group expands a task (cpu.<model>/user-task/n=<n>). */
const MD_RENDER = { module: "file:///tasks/md-render.ts", name: "md-render", folder: "/tasks" };
const taskCell = (scenarioId: string, size: Size, walls: number[], overrides: Partial<CellResult> = {}): CellResult =>
  userTaskCell(scenarioId, SIZES[size], size, walls, overrides, MD_RENDER);

/** Sequential medians per size, and each model's walls per size, for one runtime. */
function taskCells(sequential: Record<Size, number>, models: Record<string, Record<Size, number[]>>): CellResult[] {
  const sizes = Object.keys(SIZES) as Size[];
  return [
    ...sizes.map((size) => taskCell("cpu.sequential", size, around(sequential[size]))),
    ...sizes.map((size) => taskCell("cpu.async-main", size, [], { status: "n/a", reason: NO_YIELD })),
    ...Object.entries(models).flatMap(([scenarioId, walls]) => sizes.map((size) => taskCell(scenarioId, size, walls[size]))),
  ];
}

const runtime = (name: RuntimeName, sequential: Record<Size, number>, models: Record<string, Record<Size, number[]>>) =>
  measured(name, taskCells(sequential, models));

const result = runResult([
  runtime(
    "node",
    { small: 100, large: 1000 },
    {
      // Slower at the small size, faster at the large: pays off from the large size only.
      "cpu.worker-pool": { small: around(150), large: around(520) },
      "cpu.process-per-task": { small: around(400), large: around(1500) },
      "cpu.worker-per-task": { small: around(300), large: noisy(1000) },
    },
  ),
  runtime(
    "bun",
    { small: 60, large: 1000 },
    {
      "cpu.worker-pool": { small: around(40), large: around(510) },
      "cpu.process-per-task": { small: around(300), large: around(1000) }, // equivalent at the large size
      "cpu.worker-per-task": { small: around(200), large: around(600) },
    },
  ),
  runtime(
    "deno",
    { small: 80, large: 1200 },
    {
      "cpu.worker-pool": { small: noisy(80), large: around(600) },
      "cpu.process-per-task": { small: around(300), large: around(1300) },
      "cpu.worker-per-task": { small: around(200), large: around(700) },
    },
  ),
]);

const analysis = analyze(result);
const task = taskOf(analysis.tables)!;
const lines = taskSummary(task);
const { readme, details } = renderReport(result, [], analysis);
const claims = taskClaims(task);

describe("a user's task's report", () => {
  it("is recognised from its cells, with its sizes smallest first", () => {
    expect(task.name).toBe("md-render");
    expect(task.sizes).toEqual([
      { label: "small", n: 10 },
      { label: "large", n: 1000 },
    ]);
  });

  it("names the task in its title", () => {
    expect(readme.split("\n")[0]).toBe("# md-render: which model pays off, from what size, on which runtime");
    expect(details.split("\n")[0]).toBe("# md-render: the details");
  });

  it("claims, per model, from what size it paid off on each column, and that it did not only where every size was shown not to", () => {
    const ladder = (scenarioId: string) =>
      claims.find((claim): claim is LadderClaim => claim.kind === "ladder" && claim.scenarioId === scenarioId)!;
    const fromSizes = (claim: LadderClaim) =>
      claim.outcomes.map((outcome) => [outcome.column.label, outcome.answer, outcome.from?.size ?? null]);
    expect(fromSizes(ladder("cpu.worker-pool"))).toEqual([
      ["node", "yes", "large"],
      ["bun", "yes", "small"],
      ["deno", "yes", "large"], // inconclusive at the small size: the large one alone
    ]);
    // bun's is equivalent at the large size: shown not to pay off, as slower is.
    expect(fromSizes(ladder("cpu.process-per-task"))).toEqual([
      ["node", "no", null],
      ["bun", "no", null],
      ["deno", "no", null],
    ]);
    // node: slower at the small size but inconclusive at the large one: neither paid off nor shown not to.
    expect(fromSizes(ladder("cpu.worker-per-task"))).toEqual([
      ["node", "open", null],
      ["bun", "yes", "large"],
      ["deno", "yes", "large"],
    ]);
    expect(lines).toEqual(claims.map((claim) => claimLine(claim, "task")));
  });

  it("names a model no runtime could run, with its reason, in the summary and under the table", () => {
    const asyncMain = claims.find((claim): claim is LadderClaim => claim.kind === "ladder" && claim.scenarioId === "cpu.async-main")!;
    expect(asyncMain.outcomes).toEqual([]);
    expect(asyncMain.unavailable).toMatchObject([{ word: "n/a", why: NO_YIELD, sizes: null }]);
    expect(asyncMain.unavailable[0]!.columns.map((column) => column.label)).toEqual(["node", "bun", "deno"]);
    expect(readme).toContain(`- concurrent async tasks on one thread: n/a on node, bun and deno, every size: ${NO_YIELD}.`);
  });

  it("names the fastest runtime at each size from the paired comparisons, and none where none was faster than every other", () => {
    const fastest = claims.find((claim) => claim.kind === "fastest")!;
    expect(fastest.kind === "fastest" && fastest.entries.map((entry) => [entry.label, entry.leader?.label ?? null])).toEqual([
      ["small", "bun"],
      ["large", null],
    ]);
  });

  it("has one table of every model at every size, and none of the lesson's parts", () => {
    expect(readme).toMatch(
      /\| small \| a warmed worker pool \| 0\.67x \[0\.67–0\.67, n = 6\] slower \| 1\.50x \[1\.50–1\.50, n = 6\] faster \|/,
    );
    expect(readme.replace(/\s+/g, " ")).toContain(
      "Inputs were built inside each executor before the clock started, in every model alike, so sending an input to an executor was not measured",
    );
    for (const part of ["The lesson, then and now", "answers the lesson", "Crossover:", "I/O:", "Scaling:", "Python", "multiprocessing"]) {
      expect(readme).not.toContain(part);
    }
    expect(details).not.toMatch(/What the numbers say|What the references ran|Crossover:|I\/O:|Scaling:/);
    // The per-cell tables, the environment and the method stay in details.md.
    expect(details).toContain("## Environment");
    expect(details).toContain("## How this run was measured");
    expect(details).toContain("`cpu.worker-pool/user-task/n=1000`");
    // Each cell says which of the task's sizes it ran, not a lesson analogue the task has nothing to do with.
    expect(details).not.toContain("Lesson analogue");
    expect(details).toMatch(/md-render at size large: 4 tasks, n = 1000/);
  });

  it("draws no conclusion from a smoke run", () => {
    const smoke = runResult(result.runtimes);
    smoke.run.precision.minRounds = 1;
    const { readme: smokeReadme } = renderReport(smoke);
    expect(smokeReadme).toMatch(/\*\*A smoke run\*\*/);
    expect(smokeReadme).not.toMatch(/paid off|did not pay off|Fastest runtime per size/);
  });
});
