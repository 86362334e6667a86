/** The lesson's own experiment in Python beside the runtimes: the schema takes the reference rows, the report reads them. */
import { isUnderTest } from "@runtime-bench/model/runtimes";
import { parseRunResult, type RuntimeRun } from "@runtime-bench/model/schema";
import { describe, expect, it } from "vitest";
import { analyze } from "../src/analyze.ts";
import { summary } from "../src/summary.ts";
import { around, cpuCell, ioCell, measured, reportText, runResult } from "./fixtures.ts";

const atLessonSize = (scenarioId: string, walls: number[]) =>
  cpuCell(scenarioId, walls, {
    cellId: `${scenarioId}/n=1e7`,
    size: "lesson",
    params: { kind: "cpu", workload: "sum-of-squares", tasks: 4, n: 10_000_000, workers: 2 },
    baseline: scenarioId === "cpu.sequential" ? null : "cpu.sequential/n=1e7",
  });
const lessonCells = (sequential: number, threads: number, processes: number) => [
  atLessonSize("cpu.sequential", around(sequential)),
  atLessonSize("cpu.worker-pool", around(threads)),
  atLessonSize("cpu.process-pool", around(processes)),
  ioCell("io.sequential", around(5000)),
  ioCell("io.async-fetch", around(520)),
];

/** A reference as the Python app describes itself. */
function reference(name: "cpython" | "pypy", cells: ReturnType<typeof lessonCells>): RuntimeRun {
  const run = measured(name, cells);
  if (run.status !== "measured") throw new Error("fixture");
  return {
    ...run,
    description: { ...run.description, runtime: { ...run.description.runtime, engine: name === "cpython" ? "CPython" : "PyPy" } },
  };
}

// The lesson on 2 cores: CPython's threads gain nothing (the GIL), its processes ~1.9x; node's worker threads 1.9x.
const result = runResult([
  measured("node", lessonCells(9, 4.8, 5.2)),
  measured("bun", lessonCells(6, 3.2, 3.4)),
  reference("cpython", lessonCells(1500, 1510, 790)),
  reference("pypy", lessonCells(450, 455, 240)),
  { name: "jython", status: "n/a", selected: true, reason: "not installed: apt-get install jython" },
]);

describe("the Python references", () => {
  it("are accepted by the result schema, as runtimes with their own engines", () => {
    const parsed = parseRunResult(JSON.parse(JSON.stringify(result)), "run.json");
    expect(parsed.runtimes.map((runtime) => runtime.name)).toEqual(["node", "bun", "cpython", "pypy", "jython"]);
    expect(isUnderTest("cpython")).toBe(false);
    expect(isUnderTest("node")).toBe(true);
  });

  it("are never ranked among the runtimes, but get their time over the fastest one, unpaired (a reference runs in blocks of its own)", () => {
    const sequential = analyze(result).tables.find((table) => table.cellId === "cpu.sequential/n=1e7")!;
    expect(sequential.fastest?.label).toBe("bun");
    const cpython = sequential.rows.find((row) => row.column.label === "cpython")!;
    expect(cpython.column.role).toBe("reference");
    expect("standing" in cpython && cpython.standing).toEqual({
      role: "reference",
      overFastest: expect.closeTo(250, 5),
      fastest: expect.objectContaining({ label: "bun" }),
    });
  });

  it("the report has 'the lesson, then and now': threads equivalent and processes faster in CPython, worker threads faster in node", () => {
    const report = reportText(result);
    const section = report.slice(report.indexOf("## The lesson, then and now"), report.indexOf("## Headline"));
    // A reference that is not installed is named once under the table, not given a column of n/a.
    expect(section).toMatch(/\| the lesson's experiment \| node \| bun \| cpython \(reference\) \| pypy \(reference\) \|\n/);
    expect(section).toContain("Not measured: jython (not installed: apt-get install jython).");
    const row = (name: string) => section.split("\n").find((line) => line.startsWith(`| ${name}`))!;
    expect(row("a warmed worker pool")).toMatch(
      /\| 1\.88x \[1\.88–1\.88, n = 6\] faster \| 1\.88x \[1\.8\d–1\.88, n = 6\] faster \| 0\.99x \[0\.99–0\.99, n = 6\] equivalent \| 0\.99x \[0\.99–0\.99, n = 6\] equivalent \|$/,
    );
    expect(row("a warmed process pool")).toMatch(/\| 1\.90x \[1\.90–1\.90, n = 6\] faster \| 1\.88x \[1\.8\d–1\.88, n = 6\] faster \|/);
    expect(row("speed against bun's, the sequential run")).toMatch(
      /\| 0\.67x \[0\.67–0\.67, n = 6\] slower \| 1 \(the lowest median\) \| 0\.0040x \(medians, unpaired\) \| 0\.013x \(medians, unpaired\)/,
    );
    expect(report).toMatch(/## What the references ran\n\n(- .*\n)*- cpython, a warmed worker pool: fixture\n/);
  });

  it("says a reference's ratio to the runtimes stands for neither cluster where its sequential runs split in two", () => {
    const split = runResult([
      measured("bun", lessonCells(6, 3.2, 3.4)),
      reference("cpython", [
        atLessonSize("cpu.sequential", [1700, 1710, 1720, 2800, 2850, 2900]),
        ...lessonCells(1500, 1510, 790).slice(1),
      ]),
    ]);
    const line = summary(split, analyze(split)).find((one) => one.startsWith("**The lesson itself, in cpython"))!;
    expect(line).toMatch(
      /as fast \(medians, unpaired; cpython's runs split in two clusters 1\.\d\dx apart, so this ratio stands for neither\)/,
    );
    expect(summary(result, analyze(result)).join("\n")).not.toMatch(/stands for neither/);
  });

  it("the summary states the lesson in each reference, and keeps the references out of the runtimes' claims", () => {
    const lines = summary(result, analyze(result));
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^\*\*The lesson itself, in cpython \(a reference\): .*a warmed process pool \(the lesson's multiprocessing\.Pool\).* paid off; .*a warmed worker pool.* not shown to pay off\.\*\* Each against its baseline: .*a warmed worker pool 0\.99x \[0\.99–0\.99, n = 6\] equivalent.*a warmed process pool \(the lesson's multiprocessing\.Pool\) 1\.90x \[1\.90–1\.90, n = 6\] faster.*Bun ran its sequential tasks 250\.00x as fast \(medians, unpaired\), on unequal arithmetic: Python's loop adds exact integers/,
      ),
    );
    const runtimeClaims = lines.filter((line) => !line.startsWith("**The lesson itself"));
    expect(runtimeClaims.join("\n")).not.toMatch(/cpython|pypy/);
  });
});
