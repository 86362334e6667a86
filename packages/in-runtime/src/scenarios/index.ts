import { kindMismatch, scenarioRecords } from "@runtime-bench/model/scenarios/records";
import { cpuScenarios } from "./cpu.ts";
import { fileScenarios } from "./files.ts";
import { ioScenarios } from "./io.ts";
import { primitiveScenarios } from "./primitives.ts";
import type { AnyScenario, CellParams, PreparedCell, ScenarioContext } from "./types.ts";

export type * from "./types.ts";

/**
 * Every scenario with its implementation, by id: what a runtime process runs. What a scenario is (its words, its
 * baseline, its roles) is its record (records.ts), which the suite and the report read without this module.
 */
export const scenarios: ReadonlyMap<string, AnyScenario> = new Map(
  [...cpuScenarios, ...ioScenarios, ...primitiveScenarios, ...fileScenarios].map((scenario) => [scenario.id, scenario]),
);

/** The records without an implementation, and implementations without a record (both empty: registry.test.ts). */
export const unpairedScenarios = (): string[] => [
  ...[...scenarioRecords.keys()].filter((id) => !scenarios.has(id)),
  ...[...scenarios.keys()].filter((id) => scenarioRecords.get(id) === undefined),
];

export function getScenario(id: string): AnyScenario {
  const scenario = scenarios.get(id);
  if (!scenario) throw new Error(`unknown scenario "${id}"; known: ${[...scenarios.keys()].join(", ")}`);
  return scenario;
}

/** Sets a scenario up for a cell, whose parameters must be of the scenario's kind. */
export function prepareCell(
  scenario: AnyScenario,
  params: CellParams,
  context: Omit<ScenarioContext<CellParams>, "params">,
): Promise<PreparedCell> {
  if (scenario.kind === "cpu" && params.kind === "cpu") return scenario.prepare({ ...context, params });
  if (scenario.kind === "io" && params.kind === "io") return scenario.prepare({ ...context, params });
  if (scenario.kind === "primitive" && params.kind === "primitive") return scenario.prepare({ ...context, params });
  if (scenario.kind === "files" && params.kind === "files") return scenario.prepare({ ...context, params });
  throw kindMismatch(scenario, params);
}
