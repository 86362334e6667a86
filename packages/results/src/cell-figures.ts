/**
 * The per-cell figures, one entry each: a column of every cell table in details.md (its header, alignment, text and
 * what it says where the figure cannot be read) and the statistics of results.csv the same figure becomes. A new figure
 * is one entry here; the tables and the CSV both read this list, in this order. (The report's other columns, one per
 * runtime of the run, are column.ts.)
 */
import type { PairedComparison } from "@runtime-bench/model/comparisons";
import type { CellTable, MeasuredRow } from "./analyze.ts";
import { isRanked } from "./column.ts";
import { judgedSpeedup, mib, ms, msWithInterval, percent, times } from "./format.ts";
import { flagMark, noisyCell, serverBusy } from "./noise.ts";
import type { Align } from "./table.ts";

/** One figure as the statistic fields of a CSV record (render-csv.ts adds where it belongs and its rounds). */
export interface CsvStatistic {
  statistic: string;
  value: string;
  ci_low: string;
  ci_high: string;
  unit: string;
  verdict: string;
}

export interface Figure {
  key: string;
  /** Its header, or how a cell's table heads it. */
  header: string | ((table: CellTable) => string);
  /** "right" (a number) where absent. */
  align?: Align;
  value: (row: MeasuredRow, table: CellTable) => string | null;
  /** Shown as "n/a (...)" where `value` gives null. */
  missing?: string;
  /** Only in tables of these kinds of cell (every kind if absent). */
  kinds?: ReadonlyArray<CellTable["cell"]["kind"]>;
  /**
   * The CSV statistics of this figure, a record each where the row has it. Empty only where the column is no figure
   * (the runtime, how it ran) or is a CSV column of its own (n).
   */
  csv: ReadonlyArray<(row: MeasuredRow) => CsvStatistic | null>;
}

/** Six significant digits: what the report rounds for display stays exact enough to recompute from. */
const number = (value: number) => String(Number(value.toPrecision(6)));

/** A figure without interval or verdict. */
const plain =
  (statistic: string, unit: string, value: (row: MeasuredRow) => number | null | undefined) =>
  (row: MeasuredRow): CsvStatistic | null => {
    const figure = value(row);
    return figure === null || figure === undefined
      ? null
      : { statistic, value: number(figure), ci_low: "", ci_high: "", unit, verdict: "" };
  };

/** A paired time ratio with its interval and verdict. */
const ratio =
  (statistic: string, comparison: (row: MeasuredRow) => PairedComparison | null | undefined) =>
  (row: MeasuredRow): CsvStatistic | null => {
    const found = comparison(row);
    return found
      ? {
          statistic,
          value: number(found.timeRatio),
          ci_low: found.ci95 ? number(found.ci95[0]) : "",
          ci_high: found.ci95 ? number(found.ci95[1]) : "",
          unit: "time ratio",
          verdict: found.verdict,
        }
      : null;
  };

const wallMedian = (row: MeasuredRow): CsvStatistic => ({
  statistic: "wall_median",
  value: number(row.wall.median),
  ci_low: row.wall.ci95 ? number(row.wall.ci95[0]) : "",
  ci_high: row.wall.ci95 ? number(row.wall.ci95[1]) : "",
  unit: "ms",
  verdict: "",
});

export const FIGURES: readonly Figure[] = [
  {
    key: "runtime",
    header: "runtime",
    align: "left",
    value: (row, table) =>
      table.fastest?.label === row.column.label
        ? `**${row.column.label}** (fastest)`
        : isRanked(row.column)
          ? row.column.label
          : `${row.column.label} (reference)`,
    csv: [],
  },
  {
    key: "wall",
    header: "median wall [95% CI]",
    value: (row) => msWithInterval(row.wall.median, row.wall.ci95),
    csv: [wallMedian],
  },
  {
    key: "baseline",
    header: (table) => (table.cell.baseline ? `speed-up vs \`${table.cell.baseline}\`` : "speed-up"),
    value: (row) => (row.cell.baseline === null ? "— (the baseline)" : row.versusBaseline ? judgedSpeedup(row.versusBaseline) : null),
    missing: "no rounds in common",
    csv: [ratio("time_vs_baseline", (row) => row.versusBaseline)],
  },
  {
    key: "efficiency",
    header: "efficiency",
    value: (row) => {
      if (row.efficiency === null) return null;
      const ideal = row.cell.ideal;
      return `${percent(row.efficiency)} of ${"speedup" in ideal ? `${times(ideal.speedup)}` : `${ms(ideal.wallMs)} ms`}`;
    },
    missing: "no speed-up",
    csv: [plain("efficiency", "fraction of the ideal", (row) => row.efficiency)],
  },
  {
    key: "fastest",
    header: "vs fastest",
    value: (row) => versusFastest(row),
    missing: "no rounds in common",
    csv: [ratio("time_vs_fastest_runtime", (row) => (row.standing?.role === "ranked" ? row.standing.versusFastest : null))],
  },
  {
    key: "startup",
    header: "start-up: ready / stop",
    value: (row) =>
      row.startup
        ? `${ms(row.startup.readyMs)} / ${row.startup.teardownMs === null ? "not reported" : `${ms(row.startup.teardownMs)}`} ms (${row.startup.perRun} per run)`
        : "—",
    csv: [plain("startup_ready", "ms", (row) => row.startup?.readyMs), plain("startup_teardown", "ms", (row) => row.startup?.teardownMs)],
  },
  {
    key: "lag",
    header: "event-loop lag: max / p99",
    value: (row) => (row.eventLoopLag ? `${ms(row.eventLoopLag.maxMs)} / ${ms(row.eventLoopLag.p99Ms)} ms` : null),
    missing: "not recorded",
    csv: [
      plain("event_loop_lag_max", "ms", (row) => row.eventLoopLag?.maxMs),
      plain("event_loop_lag_p99", "ms", (row) => row.eventLoopLag?.p99Ms),
    ],
  },
  {
    key: "request-latency",
    header: "request latency: p50 / p99",
    value: (row) => (row.requestLatency ? `${ms(row.requestLatency.p50Ms)} / ${ms(row.requestLatency.p99Ms)} ms` : null),
    missing: "not recorded",
    kinds: ["io"],
    csv: [
      plain("request_latency_p50", "ms", (row) => row.requestLatency?.p50Ms),
      plain("request_latency_p99", "ms", (row) => row.requestLatency?.p99Ms),
    ],
  },
  {
    key: "server",
    header: "server cores",
    value: (row, table) =>
      row.serverBusyCores === null ? null : `${row.serverBusyCores.toFixed(2)}${flagMark(serverBusy(row, table.cellId))}`,
    missing: "not recorded",
    kinds: ["io"],
    csv: [plain("server_busy_cores", "cores", (row) => row.serverBusyCores)],
  },
  {
    key: "cpu",
    header: "CPU user+sys",
    value: (row) => (row.cpuMs === null ? null : `${ms(row.cpuMs)} ms`),
    missing: "unreadable",
    csv: [plain("cpu", "ms", (row) => row.cpuMs)],
  },
  {
    key: "busy",
    header: "busy cores",
    value: (row) => row.busyCores?.toFixed(2) ?? null,
    missing: "unreadable",
    csv: [plain("busy_cores", "cores", (row) => row.busyCores)],
  },
  {
    key: "other",
    header: "other load",
    value: (row) => row.otherLoadCores?.toFixed(2) ?? null,
    missing: "unreadable",
    csv: [plain("other_load", "cores", (row) => row.otherLoadCores)],
  },
  {
    key: "memory",
    header: "peak PSS (tree)",
    value: (row) => (row.peakPssMiB === null ? null : mib(row.peakPssMiB)),
    missing: "unreadable",
    csv: [plain("peak_pss", "MiB", (row) => row.peakPssMiB)],
  },
  {
    key: "cv",
    header: "CV",
    value: (row, table) => `${percent(row.wall.cv)}${flagMark(noisyCell(row, table.cellId))}`,
    csv: [plain("wall_cv", "fraction of the mean", (row) => row.wall.cv)],
  },
  // The CSV has a column of its own for the rounds.
  { key: "n", header: "n", value: (row) => String(row.wall.n), csv: [] },
  {
    key: "gap",
    header: "pair gap vs baseline: median / max",
    value: (row) => {
      const gap = row.versusBaseline?.gap;
      return gap ? `${gap.medianRuns} / ${gap.maxRuns} runs (${gap.maxSeconds.toFixed(1)} s)` : "—";
    },
    csv: [
      plain("baseline_pair_gap_median", "runs", (row) => row.versusBaseline?.gap.medianRuns),
      plain("baseline_pair_gap_max", "runs", (row) => row.versusBaseline?.gap.maxRuns),
      plain("baseline_pair_gap_max_seconds", "s", (row) => row.versusBaseline?.gap.maxSeconds),
    ],
  },
  {
    key: "overhead",
    header: "run cost beyond timed part",
    value: (row) => `${ms(row.runOverheadMs)} ms`,
    csv: [plain("run_overhead", "ms", (row) => row.runOverheadMs)],
  },
  {
    key: "how",
    header: "how",
    align: "left",
    value: (row) => `${row.cell.implementation}${row.cell.notes.length > 0 ? ` (${row.cell.notes.join("; ")})` : ""}`,
    csv: [],
  },
];

/** Speed against the fastest column: "0.69x [0.66–0.76, n = 12] slower"; unpaired for a reference; null without rounds in common. */
export function versusFastest({ standing }: MeasuredRow, fastest = "—"): string | null {
  if (standing?.role === "reference") return `${times(1 / standing.overFastest)} (medians, unpaired)`;
  if (standing?.role !== "ranked") return standing ? fastest : "—";
  return standing.versusFastest === null ? null : judgedSpeedup(standing.versusFastest);
}
