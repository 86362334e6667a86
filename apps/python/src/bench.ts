/** This app's part of `pnpm turbo bench`: checks the flags and each Python interpreter, before the interleaved run. */
import { preflightMain } from "@runtime-bench/launcher/preflight";
import { launches } from "./launch.ts";

const codes: number[] = [];
for (const launch of launches) codes.push(await preflightMain({ launch }, process.argv.slice(2)));
process.exitCode = Math.max(...codes);
