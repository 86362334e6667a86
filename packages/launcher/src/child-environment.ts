/**
 * The environment of every process the launcher starts (measurement processes, and through them their workers
 * and child processes, which inherit it; the mock API; the probes): the same in every runtime, built from
 * nothing but the variables listed here, so a user's shell cannot change what is measured. A shell with
 * LD_LIBRARY_PATH set (CUDA, conda) made every Deno child-process cell fail: Deno refuses to start a
 * subprocess with that variable unless --allow-run is unrestricted, and least privilege keeps it restricted.
 * Each runtime adds what it needs for itself in its launch (Node's compile cache, Deno's cache folder).
 */
import { FAULT_VARIABLE } from "@runtime-bench/model/fault-injection";

/** Variables passed on from the launcher's environment where set, and why; every other one is left behind. */
export const PASSED_VARIABLES: ReadonlyArray<{ name: string; why: string }> = [
  { name: "UV_THREADPOOL_SIZE", why: "Node's thread-pool size, a setting a user chooses on purpose (recorded with the runtime)" },
  { name: "BUN_CONFIG_MAX_HTTP_REQUESTS", why: "Bun's cap on requests in flight, chosen on purpose (recorded with the runtime)" },
  { name: "DENO_V8_FLAGS", why: "V8 flags for Deno, chosen on purpose (recorded with the runtime)" },
  { name: FAULT_VARIABLE, why: "the tests' fault hook (a run with it set may not write to results/)" },
];

export function childEnvironment(from: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(PASSED_VARIABLES.flatMap(({ name }) => (from[name] === undefined ? [] : [[name, from[name]!]])));
}

/** What the result records: each variable passed on, why, and whether it was set for this run. */
export function describeChildEnvironment(from: NodeJS.ProcessEnv = process.env) {
  return {
    passed: PASSED_VARIABLES.map(({ name, why }) => ({ name, why, set: from[name] !== undefined })),
    note: "every other variable of the launcher's environment is left out; each runtime's launch adds its own cache location",
  };
}
