/**
 * charts/scaling.svg: the scaling sweep as the report's scaling section reads it (scaling.ts): each pool's
 * speed-up over the sequential run against the number of workers, per runtime, with its 95% interval, beside
 * the ideal each cell declares (min(tasks, workers, cores)), one panel per pool.
 */

import { speedupBand } from "../analyze.ts";
import { withoutAside } from "../cells.ts";
import { scaling } from "../scaling.ts";
import { joinWords } from "../text.ts";
import type { ChartBuilder } from "./chart.ts";
import { BOTTOM_LEGEND, CHART_WIDTH, columnLegend, frame, REFERENCE_COLOUR } from "./theme.ts";

const IDEAL = "ideal: min(tasks, workers, cores)";

export const scalingChart: ChartBuilder = ({ result, analysis }) => {
  const { tables } = analysis;
  const models = scaling(tables);
  const measured = models.flatMap((model) =>
    model.perColumn.flatMap(({ column, points }) =>
      points.flatMap(({ workers, speedup }) => {
        if (!speedup) return [];
        return [{ model: withoutAside(model.readingName), series: column.label, workers, ...speedupBand(speedup) }];
      }),
    ),
  );
  if (measured.length === 0) return null;
  const modelNames = [...new Set(measured.map((row) => row.model))];
  // The ideal each cell of the sweep declares, as its efficiency in the report is measured against it.
  const ideal = tables.flatMap((table) => {
    const { cell } = table;
    if (cell.group !== "scaling" || cell.baseline === null || cell.params.kind !== "cpu" || !("speedup" in cell.ideal)) return [];
    return [{ model: withoutAside(cell.readingName), series: IDEAL, workers: cell.params.workers, speedup: cell.ideal.speedup }];
  });
  const workerCounts = [...new Set(measured.map((row) => row.workers))].sort((a, b) => a - b);
  const runtimes = [...new Set(measured.map((row) => row.series))];
  const top = Math.max(...measured.map((row) => row.high), ...ideal.map((row) => row.speedup));
  const xDomain: [number, number] = [workerCounts[0]! / 1.2, workerCounts.at(-1)! * 1.2];
  const yDomain: [number, number] = [0, Math.ceil(top * 2.2) / 2];
  const x = {
    field: "workers",
    type: "quantitative",
    title: "workers (log scale)",
    scale: { type: "log", base: 2, domain: xDomain, nice: false },
    axis: { values: workerCounts, format: "d" },
  } as const;
  const { colour } = columnLegend(analysis, runtimes, {
    field: "series",
    extra: [{ name: IDEAL, colour: REFERENCE_COLOUR }],
    // Strokes, not dots: the ideal is a line with no points, and its entry should look like one.
    legend: { ...BOTTOM_LEGEND, symbolType: "stroke", symbolStrokeWidth: 3 },
  });
  const y = { type: "quantitative", scale: { domain: yDomain }, title: "speed-up over sequential (x)" } as const;
  const { tasks, n } = models[0]!;
  const title = "Scaling: speed-up against the number of workers";
  const panelWidth = Math.floor((CHART_WIDTH - 120) / modelNames.length);
  return {
    file: "charts/scaling.svg",
    title,
    alt: `Speed-up over the sequential run against the number of workers (${workerCounts.join(", ")}) for ${joinWords(modelNames)} on ${joinWords(runtimes)}, with 95% intervals and the ideal, min(tasks, workers, cores).`,
    spec: {
      ...frame(title, [
        `${tasks} tasks of n = ${n.toLocaleString("en-US")} each, on ${result.machine.availableParallelism} cores. Each point: the median over rounds of the`,
        "sequential run's time over the pool's in the same round; band: its 95% interval; dashed: the ideal.",
      ]),
      data: { values: [...measured, ...ideal] },
      facet: { column: { field: "model", type: "nominal", title: null, sort: modelNames, header: { labelLimit: panelWidth } } },
      spec: {
        width: panelWidth,
        height: 260,
        layer: [
          {
            transform: [{ filter: `datum.series === '${IDEAL}'` }],
            mark: { type: "line", strokeDash: [6, 4], strokeWidth: 1.5 },
            encoding: { x, y: { ...y, field: "speedup" }, color: colour },
          },
          {
            transform: [{ filter: `datum.series !== '${IDEAL}'` }],
            mark: { type: "area", opacity: 0.15 },
            encoding: { x, y: { ...y, field: "low" }, y2: { field: "high" }, color: colour },
          },
          {
            transform: [{ filter: `datum.series !== '${IDEAL}'` }],
            mark: { type: "line", point: true },
            encoding: { x, y: { ...y, field: "speedup" }, color: colour },
          },
        ],
      },
    },
  };
};
