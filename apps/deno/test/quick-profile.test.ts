import { describeQuickProfile } from "@runtime-bench/launcher/testing/quick-profile";

describeQuickProfile("deno", new URL("../src/bench.ts", import.meta.url));
