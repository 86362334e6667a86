import { describeQuickProfile } from "@runtime-bench/harness/testing/quick-profile";

describeQuickProfile("deno", new URL("../src/bench.ts", import.meta.url));
