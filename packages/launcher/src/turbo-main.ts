/**
 * The root `turbo` script (`npx pnpm turbo <task> [-- flags]`). For `bench`, the input every step would check (the
 * flags, `--runtimes`, the suite file, a task module, the result folder) is checked once, here, before turbo starts a
 * task per app: bad input is one line and exit 2, said once rather than by every app among turbo's own lines, and
 * `--help` is printed once. Anything else goes to turbo as typed.
 */
import { spawn } from "node:child_process";
import { NODE_COMPILE_CACHE_DIR } from "@runtime-bench/model/cli/compile-cache";
import { parseBenchArgs } from "@runtime-bench/model/cli/flags";
import { CALLER_CWD_VARIABLE } from "@runtime-bench/model/cli/repo";
import { loadSuite } from "@runtime-bench/model/suite";
import { checkBenchInput, isBadInput } from "./bench-input.ts";
import { benchHelp } from "./help.ts";

/** null where turbo should run; otherwise the exit code, the answer already printed. */
async function checkedOnce(task: string | undefined, flags: string[]): Promise<number | null> {
  if (task !== "bench") return null;
  try {
    const options = parseBenchArgs(flags);
    if (options.help) {
      process.stdout.write(benchHelp(loadSuite(options.suiteFile), options.profileName));
      return 0;
    }
    await checkBenchInput(options);
    return null;
  } catch (error) {
    if (!isBadInput(error)) throw error;
    process.stderr.write(`bench: ${error.message}\n`);
    return 2;
  }
}

// pnpm runs the script in the repository root and says where it was typed (INIT_CWD): paths are taken from there.
process.env[CALLER_CWD_VARIABLE] ||= process.env.INIT_CWD ?? process.cwd();
process.env.TURBO_TELEMETRY_DISABLED = "1";
// Each app's step and the report start Node on the repository's TypeScript; the cache spares each start stripping it again.
process.env.NODE_COMPILE_CACHE ||= NODE_COMPILE_CACHE_DIR;
const args = process.argv.slice(2);
const separator = args.indexOf("--");
const answered = await checkedOnce(args[0], separator === -1 ? [] : args.slice(separator + 1));
if (answered !== null) process.exit(answered);
const turbo = spawn("turbo", args, { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => turbo.kill(signal));
turbo.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 + 2 : 1)));
