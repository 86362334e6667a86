/**
 * Every scenario the harness knows, as data, by id: the suite picks which of them run, the report reads their words
 * and roles. Pure data (no pools, no executors): the implementations are in `index.ts`, for the runtime process.
 */

import type { CellParams } from "./params.ts";
import { cpuRecords } from "./records/cpu.ts";
import { filesRecords } from "./records/files.ts";
import { ioRecords } from "./records/io.ts";
import { primitiveRecords } from "./records/primitives.ts";
import type { CellShape, IoSweepRole, ScenarioRecord } from "./records/record.ts";

export type * from "./records/record.ts";
export { IO_SWEEP_ROLES } from "./records/record.ts";

export const scenarioRecords: ReadonlyMap<string, ScenarioRecord> = new Map(
  [...cpuRecords, ...ioRecords, ...primitiveRecords, ...filesRecords].map((record) => [record.id, record]),
);

/** The record of a scenario id, or undefined for an id no scenario has (e.g. one of an older result file). */
export const recordOf = (id: string): ScenarioRecord | undefined => scenarioRecords.get(id);

export function getRecord(id: string): ScenarioRecord {
  const record = scenarioRecords.get(id);
  if (!record) throw new Error(`unknown scenario "${id}"; known: ${[...scenarioRecords.keys()].join(", ")}`);
  return record;
}

/** Whether the scenario starts an executor per task (its runs record each executor's start-up and teardown). */
export const startsExecutorPerTask = (id: string): boolean => {
  const record = recordOf(id);
  return record?.kind === "cpu" && record.freshExecutor === true;
};

/** Whether the scenario runs once per other HTTP client, each cell a labelled variant. */
export const isClientVariant = (id: string): boolean => {
  const record = recordOf(id);
  return record?.kind === "io" && record.clientVariant === true;
};

/** The scenario's part in the I/O sweep, or undefined where it has none. */
export const sweepRoleOf = (id: string): IoSweepRole | undefined => {
  const record = recordOf(id);
  return record?.kind === "io" ? record.sweepRole : undefined;
};

export const kindMismatch = (scenario: ScenarioRecord, params: CellParams): Error =>
  new Error(`scenario ${scenario.id} takes ${scenario.kind} parameters, the cell has ${params.kind} ones`);

/** What a scenario measures for a cell's parameters, and how close it could get. */
export function shapeOf(scenario: ScenarioRecord, params: CellParams, cores: number): CellShape {
  if (scenario.kind === "cpu" && params.kind === "cpu") return scenario.shape(params, cores);
  if (scenario.kind === "io" && params.kind === "io") return scenario.shape(params, cores);
  if (scenario.kind === "primitive" && params.kind === "primitive") return scenario.shape(params, cores);
  if (scenario.kind === "files" && params.kind === "files") return scenario.shape(params, cores);
  throw kindMismatch(scenario, params);
}
