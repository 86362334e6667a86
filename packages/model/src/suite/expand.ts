/**
 * The cells of a profile, group by group in a fixed order (headline, scaling, crossover, workloads, I/O sweep, memory
 * cells, files, primitives); a cell id that an earlier group already has is kept once. A cell's baseline is then the
 * cell of the scenario its record declares, in the same group, doing the same work.
 */
import { JAVASCRIPT_EQUIVALENT } from "@runtime-bench/workloads";
import type { CellSpec, IoCellParams } from "../scenarios/params.ts";
import { recordOf } from "../scenarios/records.ts";
import type { ExpandContext, UnresolvedCell } from "./groups/cell.ts";
import { crossoverCells } from "./groups/crossover.ts";
import { fileCells } from "./groups/files.ts";
import { headlineCells } from "./groups/headline.ts";
import { ioMemoryCells } from "./groups/io-memory.ts";
import { ioSweepCells } from "./groups/io-sweep.ts";
import { primitiveCells } from "./groups/primitives.ts";
import { scalingCells } from "./groups/scaling.ts";
import { workloadCells } from "./groups/workloads.ts";
import type { Profile } from "./schema.ts";

const EXPANDERS = [headlineCells, scalingCells, crossoverCells, workloadCells, ioSweepCells, ioMemoryCells, fileCells, primitiveCells];

export function expandCells(profile: Profile, context: { cores: number; baseUrl: string; target?: IoCellParams["target"] }): CellSpec[] {
  const full: ExpandContext = { ...context, target: context.target ?? "mock-api" };
  const cells: UnresolvedCell[] = [];
  for (const cell of EXPANDERS.flatMap((expand) => expand(profile, full))) {
    if (!cells.some((other) => other.cellId === cell.cellId)) cells.push(cell);
  }
  return cells.map(({ baselineScenario: declared, ...cell }) => {
    const baselineScenario = declared ?? recordOf(cell.scenarioId)?.baseline;
    const baseline = cells.find(
      (other) => other.scenarioId === baselineScenario && other.group === cell.group && sameWork(other.params, cell.params),
    );
    return { ...cell, baseline: baseline?.cellId ?? null, pairedWith: baseline ? null : javascriptTwin(cell, cells) };
  });
}

/**
 * A baseline running native work with a plain-JavaScript equivalent (key derivation) is compared with the baseline
 * running that equivalent at the same size: the native API against the same work in JavaScript.
 */
function javascriptTwin(cell: UnresolvedCell, cells: readonly UnresolvedCell[]): string | null {
  if (cell.params.kind !== "cpu") return null;
  const { workload, n, tasks } = cell.params;
  const equivalent = JAVASCRIPT_EQUIVALENT[workload];
  if (!equivalent) return null;
  const twin = cells.find(
    (other) =>
      other.scenarioId === cell.scenarioId &&
      other.group === cell.group &&
      other.params.kind === "cpu" &&
      other.params.workload === equivalent &&
      other.params.n === n &&
      other.params.tasks === tasks,
  );
  return twin?.cellId ?? null;
}

/** Whether two cells' tasks are the same work (what a comparison with a baseline needs). */
function sameWork(a: CellSpec["params"], b: CellSpec["params"]): boolean {
  if (a.kind === "cpu" && b.kind === "cpu") return a.n === b.n && a.tasks === b.tasks && a.workload === b.workload;
  if (a.kind === "io" && b.kind === "io") return a.requests === b.requests && a.latencyMs === b.latencyMs;
  if (a.kind === "files" && b.kind === "files") return a.files === b.files && a.bytes === b.bytes;
  return a.kind === b.kind;
}
