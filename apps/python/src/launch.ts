/**
 * How the bench starts the Python references: each interpreter (CPython, PyPy, Jython) running src/main.py, the
 * lesson's experiments in the standard library only, which speaks the same protocol as the runtimes' main.ts.
 */
import { fileURLToPath } from "node:url";
import type { RuntimeLaunch } from "@runtime-bench/harness/launcher/process-backend";
import { runtimeBinary } from "@runtime-bench/harness/launcher/runtime-binaries";
import type { CellSpec } from "@runtime-bench/harness/scenarios/index";

const entry = fileURLToPath(new URL("./main.py", import.meta.url));

/** The lesson's size: 4 tasks of n = 10^7 take ~1.5 s in CPython (~10 s in Jython). */
const LESSON_MAX_N = 10_000_000;

/**
 * The reference runs the lesson's experiments at the lesson's size: the headline cells up to n = 1e7. The runtimes'
 * larger sizes and sweeps would take minutes a run in Python (4 tasks of n = 3e8: ~3 min in CPython), every round.
 * What an interpreter cannot do (Jython has no asyncio) it says itself (src/cell_process.py).
 */
function outsideTheLesson(cell: CellSpec): string | null {
  const only = "the Python reference runs the lesson's experiments only";
  if (cell.group !== "headline") return `${only}: the headline cells, not the ${cell.group} cells (minutes a run in Python)`;
  if (cell.params.kind === "cpu" && cell.params.n > LESSON_MAX_N)
    return `${only}, at the lesson's size (n <= 1e7): ${cell.params.tasks} tasks of n = ${cell.params.n} would take minutes a run`;
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
