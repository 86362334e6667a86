import { describeQuickProfile } from "@runtime-bench/launcher/testing/quick-profile";

describeQuickProfile("bun", new URL("../src/bench.ts", import.meta.url));
