import { describeQuickProfile } from "@runtime-bench/harness/testing/quick-profile";

describeQuickProfile("bun", new URL("../src/bench.ts", import.meta.url));
