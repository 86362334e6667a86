/**
 * `pnpm turbo bench`'s measuring step, after every app's preflight: one interleaved run of the suite over
 * every runtime and contender, each started the way its app says (its launch.ts), writing results/run.json.
 */
import { benchMain } from "@runtime-bench/launcher/bench-main";
import { loadAllAdapters } from "@runtime-bench/launcher/launches";

process.exitCode = await benchMain(await loadAllAdapters(), process.argv.slice(2));
