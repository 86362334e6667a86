/**
 * How the bench starts the Python references: each interpreter (CPython, PyPy, Jython) running src/main.py, the
 * lesson's experiments in the standard library only, which speaks the same protocol as the runtimes' main.ts.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { RuntimeLaunch } from "@runtime-bench/launcher/process-backend";
import { runtimeBinary } from "@runtime-bench/launcher/runtime-binaries";
import type { CellSpec } from "@runtime-bench/model/scenarios/params";
import { isClientVariant } from "@runtime-bench/model/scenarios/records";

const entry = fileURLToPath(new URL("./main.py", import.meta.url));

/** The lesson's size: 4 tasks of n = 10^7 take ~1.5 s in CPython (~10 s in Jython). */
const LESSON_MAX_N = 10_000_000;

/** The scenarios the app implements, by id (scenarios.json also tells src/cell_process.py where each one is). */
const LESSON_SCENARIOS = new Set(Object.keys(JSON.parse(readFileSync(new URL("./scenarios.json", import.meta.url), "utf8"))));

/**
 * Which cells the reference runs is decided here, and only here: the lesson's experiments at the lesson's size,
 * the headline cells up to n = 1e7, of the scenarios in scenarios.json, with the sum of squares and the default
 * client. The runtimes' larger sizes and sweeps would take minutes a run in Python (4 tasks of n = 3e8: ~3 min in
 * CPython), every round. It is decided in the launcher rather than in the app because the launcher then starts no
 * interpreter (a JVM, for Jython) just to hear "n/a", and the app keeps no second list to drift from this one.
 * What only an interpreter itself can tell, that it lacks a module a model needs (Jython has no asyncio), it says
 * itself (src/cell_process.py).
 */
export function outsideTheLesson(cell: CellSpec): string | null {
  const only = "the Python reference runs the lesson's experiments only";
  const { params } = cell;
  if ((params.kind === "cpu" || params.kind === "io") && params.task)
    return `${params.task.name} is a JavaScript module (--task), and ${only}`;
  if (cell.group !== "headline") return `${only}: the headline cells, not the ${cell.group} cells (minutes a run in Python)`;
  if (params.kind === "cpu" && params.n > LESSON_MAX_N)
    return `${only}, at the lesson's size (n <= 1e7): ${params.tasks} tasks of n = ${params.n} would take minutes a run`;
  if (isClientVariant(cell.scenarioId)) return `${only} (one HTTP client per model: no other client to compare with)`;
  if (!LESSON_SCENARIOS.has(cell.scenarioId)) return `${only} (no scenario ${cell.scenarioId} here)`;
  if (params.kind === "cpu" && params.workload !== "sum-of-squares")
    return `${only} (the sum of squares), not the ${params.workload} workload`;
  if (params.kind === "io" && params.client !== "default")
    // The words quick-profile.ts expects of a client a runtime does not have.
    return `no ${params.client} client is set up for this runtime (the Python reference has urllib.request for blocking calls and its own asyncio client)`;
  return null;
}

const launchOf = (runtime: "cpython" | "pypy" | "jython"): RuntimeLaunch => ({
  runtime,
  notApplicable: outsideTheLesson,
  command: {
    // -u: unbuffered output, so each gate line reaches the launcher the moment it is printed.
    argv: [runtimeBinary(runtime), "-u", entry],
    // A system program, unlike the pinned runtimes: pyenv's shims and Jython's start script find their
    // interpreter (or Java) on PATH, which the launcher otherwise leaves out of every process it starts.
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", PYTHONDONTWRITEBYTECODE: "1" },
  },
});

export const launches: RuntimeLaunch[] = [launchOf("cpython"), launchOf("pypy"), launchOf("jython")];
