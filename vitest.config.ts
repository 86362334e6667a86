import { defineConfig } from "vitest/config";

/**
 * Files that check nothing of theirs is left running (pgrep over every runtime's processes) or time a fault: they run
 * alone, one after another, once every other file has run, so no other file's processes are on the machine with them.
 */
const ALONE = [
  "packages/launcher/test/faults.test.ts",
  "packages/launcher/test/io-task.test.ts",
  "packages/launcher/test/user-task.test.ts",
];
const EVERY_TEST = ["packages/*/test/**/*.test.ts", "apps/*/test/**/*.test.ts", "benchmarks/test/**/*.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      {
        // The rest, two files at a time on a 2-core machine: each app's quick profile, the CLI, the unit tests.
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
