import { defineConfig } from "vitest/config";
import { NODE_COMPILE_CACHE_DIR } from "./packages/model/src/cli/compile-cache.ts";

/**
 * Files that time work in this process against a bound (the methodology's controls, the event-loop lag sampler, the
 * mock API's injected latency): they run alone, after every other file, so no other file's processes share the
 * machine with their timings. Every other file runs two at a time on a 2-core machine: each checks only its own
 * processes are gone (bench-helpers' leftoverProcesses counts no process of a run still going), and none times
 * anything against a bound another file's load could break.
 */
const ALONE = [
  "packages/model/test/controls.test.ts",
  "packages/in-runtime/test/lag-sampler.test.ts",
  "packages/mock-api/test/mock-api.test.ts",
];
const EVERY_TEST = ["packages/*/test/**/*.test.ts", "apps/*/test/**/*.test.ts", "benchmarks/test/**/*.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // The tests start Node on the repository's TypeScript some hundreds of times (launchers, reports, task
    // descriptions); the compile cache spares each start stripping the same modules again.
    env: { NODE_COMPILE_CACHE: NODE_COMPILE_CACHE_DIR },
    projects: [
      {
        extends: true,
        test: {
          name: "side by side",
          include: EVERY_TEST,
          exclude: ALONE,
          fileParallelism: true,
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: "alone", include: ALONE, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
