import { describeQuickProfile } from "@runtime-bench/harness/testing/quick-profile";

describeQuickProfile("node", new URL("../src/bench.ts", import.meta.url));
