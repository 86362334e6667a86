/**
 * The runtimes under test: the one list every other part reads (the schema, the suite's validation, the flags,
 * the launcher, the report's order, the tests, and through file paths turbo and CI). Adding a runtime is an
 * entry here, its app in `apps/<name>/` (its adapter: primitives, main.ts, launch.ts, bench.ts), its pinned
 * devDependency in the root package.json, and its name in benchmarks/suite.json.
 */

/** In the order the report lists them. */
export const RUNTIME_NAMES = ["node", "bun", "deno"] as const;
export type RuntimeName = (typeof RUNTIME_NAMES)[number];

export const ENGINES = ["V8", "JavaScriptCore"] as const;

export interface RuntimeEntry {
  engine: (typeof ENGINES)[number];
  /** The npm package that installs the runtime (a devDependency of the repository root pins its version). */
  npmPackage: string;
  /** The real binary, relative to that package's folder. */
  binaryInPackage: string;
  /** The runtime's app: its adapter (primitives), its measurement entry (src/main.ts) and how to launch it (src/launch.ts). */
  app: string;
}

export const RUNTIMES: Readonly<Record<RuntimeName, RuntimeEntry>> = {
  node: { engine: "V8", npmPackage: "node", binaryInPackage: "bin/node", app: "apps/node" },
  bun: { engine: "JavaScriptCore", npmPackage: "bun", binaryInPackage: "bin/bun.exe", app: "apps/bun" },
  deno: { engine: "V8", npmPackage: "deno", binaryInPackage: "deno", app: "apps/deno" },
};

/** The variable that points the bench at another binary of a runtime, e.g. RUNTIME_BENCH_BUN_BIN. */
export const binaryOverrideVariable = (runtime: RuntimeName): string => `RUNTIME_BENCH_${runtime.toUpperCase()}_BIN`;

/** Whether a string names a runtime under test. */
export const isRuntimeName = (name: string): name is RuntimeName => (RUNTIME_NAMES as readonly string[]).includes(name);

/**
 * Matches the command line of every process a bench starts (a measurement process or one of its children runs
 * an app's sources; the mock API), whatever the runtime: the tests and .ci/run check none is left running.
 */
export const BENCH_PROCESS_PATTERN = "apps/[^/]+/src/|mock-api/src/main.ts";
