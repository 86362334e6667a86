import { describeQuickProfile } from "@runtime-bench/launcher/testing/quick-profile";

describeQuickProfile("node", new URL("../src/bench.ts", import.meta.url));
