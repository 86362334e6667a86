import { cpuScenarios } from "./cpu.ts";
import { fileScenarios } from "./files.ts";
import { ioScenarios } from "./io.ts";
import { primitiveScenarios } from "./primitives.ts";
import type { AnyScenario, CellParams, CellShape, PreparedCell, ScenarioContext } from "./types.ts";

export type * from "./types.ts";

/** Every scenario the harness knows, by id. The suite in benchmarks/ picks which of them run. */
export const scenarios: ReadonlyMap<string, AnyScenario> = new Map(
  [...cpuScenarios, ...ioScenarios, ...primitiveScenarios, ...fileScenarios].map((scenario) => [scenario.id, scenario]),
);

export function getScenario(id: string): AnyScenario {
  const scenario = scenarios.get(id);
  if (!scenario) throw new Error(`unknown scenario "${id}"; known: ${[...scenarios.keys()].join(", ")}`);
  return scenario;
}

const kindMismatch = (scenario: AnyScenario, params: CellParams) =>
  new Error(`scenario ${scenario.id} takes ${scenario.kind} parameters, the cell has ${params.kind} ones`);

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

/** What a scenario measures for a cell's parameters, and how close it could get. */
export function shapeOf(scenario: AnyScenario, params: CellParams, cores: number): CellShape {
  if (scenario.kind === "cpu" && params.kind === "cpu") return scenario.shape(params, cores);
  if (scenario.kind === "io" && params.kind === "io") return scenario.shape(params, cores);
  if (scenario.kind === "primitive" && params.kind === "primitive") return scenario.shape(params, cores);
  if (scenario.kind === "files" && params.kind === "files") return scenario.shape(params, cores);
  throw kindMismatch(scenario, params);
}
