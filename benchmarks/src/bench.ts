/**
 * `pnpm turbo bench`'s measuring step, after every app's preflight: one interleaved run of the suite over
 * every runtime, each started the way its app says (its launch), writing results/run.json.
 */
import { launch as bun } from "@runtime-bench/bun/launch";
import { launch as deno } from "@runtime-bench/deno/launch";
import { benchMain } from "@runtime-bench/harness/launcher/bench-main";
import { launch as node } from "@runtime-bench/node/launch";

process.exitCode = await benchMain([node, bun, deno], process.argv.slice(2));
