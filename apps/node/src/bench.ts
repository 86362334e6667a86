/** This app's part of `pnpm turbo bench`: checks the flags and that Node runs (each contender of it), before the interleaved run. */
import { preflightMain } from "@runtime-bench/launcher/preflight";
import { launch, launchWith } from "./launch.ts";

process.exitCode = await preflightMain({ launch, launchWith }, process.argv.slice(2));
