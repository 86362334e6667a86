import { cpuScenarios } from "./cpu.ts";
import { ioScenarios } from "./io.ts";
import type { CellParams, Scenario } from "./types.ts";

export type * from "./types.ts";

/** Every scenario the harness knows, by id. The suite in benchmarks/ picks which of them run. */
export const scenarios: ReadonlyMap<string, Scenario> = new Map(
  [...cpuScenarios, ...ioScenarios].map((scenario) => [scenario.id, scenario as unknown as Scenario<CellParams>]),
);

export function getScenario(id: string): Scenario {
  const scenario = scenarios.get(id);
  if (!scenario) throw new Error(`unknown scenario "${id}"; known: ${[...scenarios.keys()].join(", ")}`);
  return scenario;
}
