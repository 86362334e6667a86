/**
 * A test hook: RUNTIME_BENCH_INJECT_FAULT makes every worker and child process (piscina's included) misbehave in
 * one way, so the tests can check that a fault ends as a failed cell with its reason, and that nothing is left
 * running. (The mock API reads the same variable for one more fault, "mock-api-exit".) Never set in a real run;
 * the launcher refuses to publish a run that had it set.
 */
export const FAULT_VARIABLE = "RUNTIME_BENCH_INJECT_FAULT";
export const FAULTS = ["throw", "crash", "hang", "wrong-value"] as const;
export type InjectedFault = (typeof FAULTS)[number];

export function injectedFault(): InjectedFault | null {
  const value = process.env[FAULT_VARIABLE];
  return FAULTS.find((fault) => fault === value) ?? null;
}

/** Runs a task the way the injected fault says it should go wrong. */
export async function runWithFault(fault: InjectedFault, run: () => number | Promise<number>): Promise<number> {
  switch (fault) {
    case "throw":
      throw new Error("injected fault: the task threw");
    case "crash":
      // A crashing program usually says something first; the parent must pass it on in the cell's reason.
      process.stderr.write("injected fault: the executor crashed\n");
      return process.exit(70);
    case "hang":
      for (;;); // a task stuck in JavaScript: only a timeout ends it
    case "wrong-value":
      return (await run()) + 1;
  }
}
