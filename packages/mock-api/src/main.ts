/**
 * Runs the mock API in its own process. Prints one JSON line, {"url": ..., "port": ..., "latencyMs": ...},
 * once it listens, so whoever started it learns the port the OS chose. Stops on SIGINT/SIGTERM or when
 * its standard input closes (so it never outlives the process that started it).
 */
import { parseArgs } from "node:util";
import { startMockApi } from "./server.ts";

function parseNumberFlag(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value) || value < 0) {
    console.error(`mock-api: --${name} must be a number >= 0, got "${raw}"`);
    process.exit(2);
  }
  return value;
}

/** The flags, or exit 2 with one line naming what is wrong. */
function parseFlags() {
  try {
    return parseArgs({
      options: {
        port: { type: "string" },
        latency: { type: "string" },
        "error-every": { type: "string" },
        "drop-every": { type: "string" },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`mock-api: ${(error as Error).message}`);
    return process.exit(2);
  }
}

const args = parseFlags();

// The tests' hook (the same variable the workers read): die before listening, as a broken set-up would.
if (process.env.RUNTIME_BENCH_INJECT_FAULT === "mock-api-exit") {
  console.error("mock-api: injected fault: exiting before it listens");
  process.exit(1);
}

const optionalFlag = (name: "error-every" | "drop-every") => (args[name] === undefined ? undefined : parseNumberFlag(name, args[name], 0));
const api = await startMockApi({
  port: parseNumberFlag("port", args.port, 0),
  latencyMs: parseNumberFlag("latency", args.latency, 50),
  errorEvery: optionalFlag("error-every"),
  dropEvery: optionalFlag("drop-every"),
}).catch((error: Error) => {
  // One line for whoever started it (the launcher puts it in its own message), not a stack trace.
  console.error(`mock-api: cannot listen: ${error.message}`);
  return process.exit(1);
});
console.log(JSON.stringify({ url: api.url, port: api.port, latencyMs: api.latencyMs, portFallback: api.portFallback }));

const stop = () => void api.close().finally(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
process.stdin.on("end", stop);
process.stdin.resume();
