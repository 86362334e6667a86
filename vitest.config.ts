import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/test/**/*.test.ts", "apps/*/test/**/*.test.ts", "benchmarks/test/**/*.test.ts"],
    // The runtime integration tests each run a quick profile; they must not run at the same time as
    // each other on a 2-core machine, so files run one after another.
    fileParallelism: false,
    testTimeout: 30_000,
  },
});
