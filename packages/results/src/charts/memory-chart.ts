/**
 * charts/memory-per-unit.svg: what one more unit of concurrency costs in memory, as the report derives it: the
 * slope of the process tree's peak PSS, round by round, with its interval (scaling.ts for each pool of the CPU
 * sweep, io-sweep.ts for worker threads and in-flight async requests). Threads and processes cost MiB, an
 * in-flight request KiB: two panels, each in its own unit, so the small bars are not flattened by the large.
 */

import { withoutAside } from "../cells.ts";
import type { Column } from "../column.ts";
import { ioSweep } from "../io-sweep.ts";
import { scaling } from "../scaling.ts";
import { joinWords } from "../text.ts";
import type { ChartBuilder, ConcatMember } from "./chart.ts";
import { LINES_EXPR, wrap } from "./scales.ts";
import { CHART_WIDTH, columnLegend, frame, REFERENCE_COLOUR } from "./theme.ts";

type Slope = { mib: number; ci95: [number, number] | null } | null;

interface Bar {
  unit: "MiB" | "KiB";
  measure: string;
  /** The column's label (the field keeps its name: the legend reads it). */
  runtime: string;
  value: number;
  low: number;
  high: number;
}

function bar(unit: Bar["unit"], measure: string, column: Column, slope: Slope): Bar[] {
  if (!slope) return [];
  const scale = unit === "KiB" ? 1024 : 1;
  const lines = measure.split("\n").map((line) => wrap(line, LABEL_WIDTH, 12));
  return [
    {
      unit,
      measure: lines.join("\n"),
      runtime: column.label,
      value: slope.mib * scale,
      low: (slope.ci95?.[0] ?? slope.mib) * scale,
      high: (slope.ci95?.[1] ?? slope.mib) * scale,
    },
  ];
}

/** Room for the bar labels, wrapped onto lines (bold-width measure, so a little to spare). */
const LABEL_WIDTH = 190;

const AXIS_TITLES: Record<Bar["unit"], string> = {
  MiB: "peak PSS per added worker thread or child process (MiB)",
  KiB: "peak PSS per added in-flight request (KiB)",
};

export const memoryChart: ChartBuilder = ({ result, analysis }) => {
  const sweep = ioSweep(result, analysis);
  const bars = [
    ...scaling(analysis.tables).flatMap((model) =>
      model.perColumn.flatMap((one) => bar("MiB", `${withoutAside(model.readingName)}\n(CPU sweep)`, one.column, one.memoryPerWorker)),
    ),
    ...(sweep?.memory ?? []).flatMap((one) =>
      bar("MiB", `worker threads\n(I/O sweep, C = ${one.workersAtConcurrency})`, one.column, one.perWorker),
    ),
    ...(sweep?.memory ?? []).flatMap((one) =>
      bar("KiB", `async requests in flight\n(I/O sweep, N = ${one.inFlight?.requests} held)`, one.column, one.perInFlightRequest),
    ),
  ];
  if (bars.length === 0) return null;
  const { labels: runtimes, colour } = columnLegend(
    analysis,
    bars.map((one) => one.runtime),
  );
  const units = (["MiB", "KiB"] as const).filter((unit) => bars.some((one) => one.unit === unit));
  const title = "Memory per added unit of concurrency";
  const panel = (unit: Bar["unit"]): ConcatMember => {
    const own = bars.filter((one) => one.unit === unit);
    const measures = [...new Set(own.map((one) => one.measure))];
    // From zero, with room for the labels; below zero too where a slope or its interval is (noise can make it so).
    const domain: [number, number] = [Math.min(0, ...own.map((one) => one.low)) * 1.18, Math.max(0, ...own.map((one) => one.high)) * 1.18];
    const x = { type: "quantitative", title: AXIS_TITLES[unit], scale: { domain } } as const;
    const y = {
      field: "measure",
      type: "nominal",
      title: null,
      sort: measures,
      axis: { labelExpr: LINES_EXPR, labelFontSize: 12, labelLimit: LABEL_WIDTH + 20 },
    } as const;
    const yOffset = { field: "runtime", type: "nominal", sort: runtimes } as const;
    return {
      data: { values: own },
      width: CHART_WIDTH - LABEL_WIDTH - 80,
      // The step is per bar (per runtime of a measure), not per measure.
      height: { step: 18 },
      encoding: { y, yOffset },
      layer: [
        { mark: { type: "bar", height: { band: 0.8 } }, encoding: { x: { ...x, field: "value" }, color: colour } },
        {
          mark: { type: "rule", color: REFERENCE_COLOUR, strokeWidth: 1.5 },
          encoding: { x: { ...x, field: "low" }, x2: { field: "high" } },
        },
        {
          mark: { type: "text", align: "left", dx: 4, fontSize: 11, color: "#222222" },
          encoding: { x: { ...x, field: "high" }, text: { field: "value", type: "quantitative", format: ".1f" } },
        },
      ],
    };
  };
  return {
    file: "charts/memory-per-unit.svg",
    title,
    alt: `Peak memory (PSS) each added worker thread, child process or in-flight async request costs on ${joinWords(runtimes)}, with 95% intervals: ${joinWords(
      [...new Set(bars.map((one) => one.measure.replaceAll("\n", " ")))],
    )}.`,
    spec: {
      ...frame(title, [
        "The slope of the process tree's peak PSS over the workers (or requests in flight), taken round by round:",
        "bar, the median over rounds; whisker, its 95% interval; label, the median.",
      ]),
      vconcat: units.map(panel),
      resolve: { scale: { x: "independent" } },
    },
  };
};
