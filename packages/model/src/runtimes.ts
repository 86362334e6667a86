/**
 * The runtimes: the one list every other part reads (the schema, the suite's validation, the flags, the launcher,
 * the report's order, the tests, and through file paths turbo and CI). Adding a runtime under test is an entry
 * here, its app in `apps/<name>/` (its adapter: primitives, main.ts, launch.ts, bench.ts), its pinned
 * devDependency in the root package.json, and its name in benchmarks/suite.json. The Python references (the
 * lesson's own experiment) share one app, `apps/python`, whose launch.ts launches each interpreter.
 */

/** In the order the report lists them: the runtimes under test, then the Python references. */
export const RUNTIME_NAMES = ["node", "bun", "deno", "cpython", "pypy", "jython"] as const;
export type RuntimeName = (typeof RUNTIME_NAMES)[number];

export const ENGINES = ["V8", "JavaScriptCore", "CPython", "PyPy", "Jython"] as const;

/** Where a runtime's program comes from: a pinned npm devDependency, or a program of the machine (found on PATH). */
export type Installation =
  | {
      kind: "npm";
      /** The npm package that installs the runtime (a devDependency of the repository root pins its version). */
      npmPackage: string;
      /** The real binary, relative to that package's folder. */
      binaryInPackage: string;
    }
  | {
      kind: "system";
      program: string;
      /** How to install it where it is missing, shown as the reason its cells are n/a. */
      installHint: string;
    };

export interface RuntimeEntry {
  engine: (typeof ENGINES)[number];
  installation: Installation;
  /** The runtime's app: its measurement entry (src/main.ts, or src/main.py), its launch (src/launch.ts) and preflight. */
  app: string;
  /**
   * A reference, not a runtime under test: the lesson's own experiment in Python, measured in the same rounds and
   * shown beside the runtimes, but never ranked among them (no fastest, no cross-runtime verdicts), and optional: a
   * missing interpreter makes its cells n/a with how to install it, never a failed run.
   */
  reference: boolean;
}

const npm = (npmPackage: string, binaryInPackage: string): Installation => ({ kind: "npm", npmPackage, binaryInPackage });
const debian = (program: string, debianPackage: string): Installation => ({
  kind: "system",
  program,
  installHint: `not installed: apt-get install ${debianPackage}`,
});

export const RUNTIMES: Readonly<Record<RuntimeName, RuntimeEntry>> = {
  node: { engine: "V8", installation: npm("node", "bin/node"), app: "apps/node", reference: false },
  bun: { engine: "JavaScriptCore", installation: npm("bun", "bin/bun.exe"), app: "apps/bun", reference: false },
  deno: { engine: "V8", installation: npm("deno", "deno"), app: "apps/deno", reference: false },
  cpython: { engine: "CPython", installation: debian("python3", "python3"), app: "apps/python", reference: true },
  pypy: { engine: "PyPy", installation: debian("pypy3", "pypy3"), app: "apps/python", reference: true },
  jython: { engine: "Jython", installation: debian("jython", "jython"), app: "apps/python", reference: true },
};

/** Orders anything of a runtime as the report lists runtimes (RUNTIME_NAMES); a stable sort keeps one runtime's contenders in their order. */
export const byRuntimeOrder = (a: { name: RuntimeName }, b: { name: RuntimeName }): number =>
  RUNTIME_NAMES.indexOf(a.name) - RUNTIME_NAMES.indexOf(b.name);

/** The runtimes under test (JavaScript), without the Python references. */
export const isUnderTest = (name: RuntimeName): boolean => !RUNTIMES[name].reference;

/** The variable that points the bench at another binary of a runtime, e.g. RUNTIME_BENCH_BUN_BIN. */
export const binaryOverrideVariable = (runtime: RuntimeName): string => `RUNTIME_BENCH_${runtime.toUpperCase()}_BIN`;

/** Whether a string names a runtime under test. */
export const isRuntimeName = (name: string): name is RuntimeName => (RUNTIME_NAMES as readonly string[]).includes(name);

/**
 * Matches the command line of every process a bench starts (a measurement process or one of its children runs
 * an app's sources; the mock API), whatever the runtime: the tests and .ci/run check none is left running.
 */
export const BENCH_PROCESS_PATTERN = "apps/[^/]+/src/|mock-api/src/main.ts";

/** The JavaScript runtimes under test, in the report's order. */
export const RUNTIMES_UNDER_TEST: readonly RuntimeName[] = RUNTIME_NAMES.filter(isUnderTest);
