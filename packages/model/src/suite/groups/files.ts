/** The file scenarios: each scenario and the baseline it declares on each set of files, in the suite's order. */
import type { Profile } from "../schema.ts";
import { shortBytes } from "../short-ids.ts";
import { cellOf, type ExpandContext, type GroupScenarios, type UnresolvedCell, withBaselines, workerCount } from "./cell.ts";

export const fileScenarios: GroupScenarios = { accepts: (record) => record.kind === "files", message: "not a file scenario" };

export function fileCells(profile: Profile, context: ExpandContext): UnresolvedCell[] {
  const files = profile.files;
  if (!files) return [];
  const { concurrency } = files;
  const workers = workerCount(files.workers, context);
  return files.sets.flatMap(({ files: count, bytes }) =>
    withBaselines(files.scenarios).map((scenarioId) =>
      cellOf(scenarioId, {
        group: "files",
        cellId: `${scenarioId}/${count}x${shortBytes(bytes)}`,
        size: `${count} x ${shortBytes(bytes)}`,
        params: { kind: "files", files: count, bytes, concurrency, workers },
      }),
    ),
  );
}
