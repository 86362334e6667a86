/** The report's file section: per set of files, each model per runtime against the blocking calls, paired by round. */
import { type Analysis, isMeasured } from "./analyze.ts";
import { ofGroup } from "./cells.ts";
import { judgedSpeedup, mib, ms, NO_COMPARISON, percent } from "./format.ts";
import { table } from "./table.ts";
import { reasonOf } from "./text.ts";

export function filesSection({ runs, tables }: Analysis): string[] {
  // A column left out of the run (or unable to start) is said so in the environment table, not on every row here.
  const measured = new Set(runs.flatMap(({ column, run }) => (run.status === "measured" ? [column.label] : [])));
  const own = ofGroup(tables, "files").filter((table) => table.cell.params.kind === "files");
  if (own.length === 0) return [];
  const sets = [...new Set(own.map((table) => table.cell.size))];
  return [
    "Each file written and read back (and checked) by one task, in a scratch folder of the cell's own that is removed",
    "after every run. The synchronous API on the main thread, one file after another, is the baseline; the async API",
    "starts the files together on the main thread; the workers use the async API in each. Speed-ups are paired by round,",
    "with efficiency against the ideal min(files in flight, cores) in brackets; MB/s counts bytes written plus read.",
    "Each runtime's file APIs are named in the environment table.",
    "",
    ...sets.flatMap((set) => {
      const ofSet = own.filter((table) => table.cell.size === set);
      return [
        `### ${set}`,
        "",
        ...table(
          ["runtime", "model", "median", "MB/s", "speed-up vs sync", "busy cores", "peak PSS"],
          ofSet.flatMap((cellTable) =>
            cellTable.rows
              .filter((row) => measured.has(row.column.label))
              .map((row) => {
                const name = cellTable.cell.readingName;
                if (!isMeasured(row)) return [row.column.label, name, reasonOf(row)];
                const params = row.cell.params;
                const bytesMoved = params.kind === "files" ? 2 * params.files * params.bytes : 0;
                const rate = bytesMoved / 1e6 / (row.wall.median / 1000);
                const speedup =
                  row.cell.baseline === null
                    ? "— (the baseline)"
                    : row.versusBaseline
                      ? `${judgedSpeedup(row.versusBaseline)}${row.efficiency === null ? "" : ` (${percent(row.efficiency)})`}`
                      : NO_COMPARISON;
                return [
                  row.column.label,
                  name,
                  `${ms(row.wall.median)} ms`,
                  rate.toFixed(0),
                  speedup,
                  row.busyCores?.toFixed(2) ?? "n/a",
                  row.peakPssMiB === null ? "n/a" : mib(row.peakPssMiB),
                ];
              }),
          ),
          ["left", "left", "right", "right", "right", "right", "right"],
        ),
        "",
      ];
    }),
  ];
}
