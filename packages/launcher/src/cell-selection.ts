/**
 * `--scenarios`: which cells of a profile a run measures. Each pattern is a scenario id or a cell id, or a glob
 * over either (`cpu.*`, `io.async-fetch/L=50ms/**`: `*` stops at a `/`, `**` does not); a cell is chosen when its scenario id or
 * its cell id matches. The baseline of every chosen cell is measured too, in the same rounds: a verdict against a
 * baseline measured in another run would pair runs minutes apart.
 */
import { availableParallelism } from "node:os";
import { matchesGlob } from "node:path";
import { UsageError } from "@runtime-bench/model/cli/flags";
import type { CellSpec } from "@runtime-bench/model/scenarios/params";
import { recordOf } from "@runtime-bench/model/scenarios/records";
import { expandCells, type Profile } from "@runtime-bench/model/suite";

export interface CellSelection {
  cells: CellSpec[];
  /** Baselines measured only because a chosen cell is compared with them. */
  addedBaselines: string[];
}

/** A pattern is a glob when it has glob characters; otherwise it must equal a scenario id or a cell id. */
const matches = (pattern: string, id: string): boolean => (/[*?[{]/.test(pattern) ? matchesGlob(id, pattern) : pattern === id);

const chosenBy = (pattern: string) => (cell: CellSpec) => matches(pattern, cell.scenarioId) || matches(pattern, cell.cellId);

/**
 * The profile's cells the patterns choose, with their baselines, in the profile's order. A pattern that chooses
 * nothing is a UsageError listing the profile's scenario ids (nothing has been measured or written yet).
 */
export function selectCells(cells: readonly CellSpec[], patterns: readonly string[], profileName: string): CellSelection {
  const unmatched = patterns.filter((pattern) => !cells.some(chosenBy(pattern)));
  if (unmatched.length > 0) {
    throw new UsageError(
      `--scenarios: ${unmatched.map((p) => `"${p}"`).join(", ")} matches no cell of profile "${profileName}". ` +
        `Scenario ids: ${scenarioIdsOf(cells).join(", ")} (or a cell id${cells[0] ? ` such as ${cells[0].cellId}` : ""}, or a glob over either, e.g. "cpu.*"; --help lists them)`,
    );
  }
  const chosen = new Set(cells.filter((cell) => patterns.some((pattern) => chosenBy(pattern)(cell))).map((cell) => cell.cellId));
  const addedBaselines = [
    ...new Set(
      cells.flatMap((cell) => (chosen.has(cell.cellId) && cell.baseline !== null && !chosen.has(cell.baseline) ? [cell.baseline] : [])),
    ),
  ];
  for (const baseline of addedBaselines) chosen.add(baseline);
  return { cells: cells.filter((cell) => chosen.has(cell.cellId)), addedBaselines };
}

/** The scenario ids of a profile's cells, each once, in the profile's order. */
export const scenarioIdsOf = (cells: readonly CellSpec[]): string[] => [...new Set(cells.map((cell) => cell.scenarioId))];

/** One line per scenario id: its id and title (for --help). */
export function describeScenarios(ids: readonly string[]): string[] {
  const width = Math.max(...ids.map((id) => id.length));
  return ids.map((id) => `  ${id.padEnd(width)}  ${recordOf(id)?.title ?? ""}`);
}

/** A profile's cells on this machine, as a run would expand them (the API's address does not change a cell's id). */
export const profileCells = (profile: Profile, target: string | null): CellSpec[] =>
  expandCells(profile, { cores: availableParallelism(), baseUrl: target ?? "", target: target ? "real" : "mock-api" });
