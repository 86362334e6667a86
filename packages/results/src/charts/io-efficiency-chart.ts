/**
 * charts/io-efficiency.svg: the I/O sweep as the report's I/O section reads it (io-sweep.ts): each model's
 * efficiency (the ideal ceil(N/C) x latency over the median time) against the requests in flight C, per runtime,
 * one panel per injected latency. At 0 ms the ideal is no time at all, so there is no efficiency to draw: that
 * latency is left out, and the subtitle says so.
 */

import { withoutAside } from "../cells.ts";
import { ioSweep } from "../io-sweep.ts";
import { joinWords } from "../text.ts";
import type { ChartBuilder } from "./chart.ts";
import { logTicks } from "./scales.ts";
import { BOTTOM_LEGEND, CHART_WIDTH, columnLegend, frame } from "./theme.ts";

export const ioEfficiencyChart: ChartBuilder = ({ result, analysis }) => {
  const sweep = ioSweep(result, analysis);
  if (!sweep) return null;
  const rows = sweep.points.flatMap((point) => {
    const { efficiency } = point.row;
    if (efficiency === null) return [];
    const model = withoutAside(point.row.cell.readingName);
    return [
      {
        panel: `${point.latencyMs} ms latency`,
        latencyMs: point.latencyMs,
        runtime: point.column.label,
        model,
        // One line per runtime, model and worker count: a model with W worker threads is its own series.
        line: `${point.column.label} ${model} W=${point.workers}`,
        workers: point.workers,
        spread: false,
        concurrency: point.concurrency,
        efficiency,
      },
    ];
  });
  if (rows.length === 0) return null;
  const latencies = [...new Set(rows.map((row) => row.latencyMs))].sort((a, b) => a - b);
  const panels = latencies.map((latencyMs) => `${latencyMs} ms latency`);
  const left = [...new Set(sweep.points.map((point) => point.latencyMs))].filter((latencyMs) => !latencies.includes(latencyMs));
  const { labels: runtimes, colour } = columnLegend(
    analysis,
    rows.map((row) => row.runtime),
  );
  const models = [...new Set(rows.map((row) => row.model))];
  // A model that ran with more than one worker thread anywhere spreads requests over threads: dashed and lighter, so
  // its several lines (one per W) sit behind the models on the main thread.
  const spread = new Set(rows.filter((row) => row.workers > 1).map((row) => row.model));
  for (const row of rows) row.spread = spread.has(row.model);
  const workerCounts = [...new Set(rows.filter((row) => spread.has(row.model)).map((row) => row.workers))].sort((a, b) => a - b);
  const concurrencies = rows.map((row) => row.concurrency);
  const xDomain: [number, number] = [Math.min(...concurrencies) / 1.4, Math.max(...concurrencies) * 1.4];
  const panelWidth = Math.floor((CHART_WIDTH - 110) / panels.length) - 10;
  const title = "I/O: efficiency against the requests in flight";
  const modelLegend = { ...BOTTOM_LEGEND, direction: "vertical", symbolStrokeColor: "#555555" } as const;
  const byModel = { field: "model", type: "nominal", sort: models } as const;
  return {
    file: "charts/io-efficiency.svg",
    title,
    alt: `I/O efficiency (ideal time over measured time) against the requests in flight C (${logTicks(...xDomain).join(", ")}) for ${joinWords(models)} on ${joinWords(runtimes)}, one panel per latency (${latencies.map((latencyMs) => `${latencyMs} ms`).join(", ")}).`,
    spec: {
      ...frame(title, [
        "N = 10 x C requests, C in flight at once; efficiency: the ideal ceil(N/C) x latency over the median time.",
        ...(workerCounts.length > 0
          ? [`Worker threads: one line per W = ${workerCounts.join(", ")} (C/W requests in flight in each).`]
          : []),
        ...(left.length > 0
          ? [
              `${joinWords(left.map((latencyMs) => `${latencyMs} ms`))}: no ideal time, so no efficiency (the report's tables give requests/s).`,
            ]
          : []),
      ]),
      data: { values: rows },
      facet: { column: { field: "panel", type: "nominal", title: null, sort: panels } },
      spec: {
        width: panelWidth,
        height: 260,
        encoding: {
          x: {
            field: "concurrency",
            type: "quantitative",
            title: "requests in flight, C (log scale)",
            scale: { type: "log", domain: xDomain, nice: false },
            axis: { values: logTicks(...xDomain), format: "d" },
          },
          y: {
            field: "efficiency",
            type: "quantitative",
            title: "efficiency: ideal time / measured time",
            scale: { domain: [0, 1] },
            axis: { format: "%" },
          },
          color: colour,
          strokeDash: {
            ...byModel,
            scale: { domain: models, range: models.map((model) => (spread.has(model) ? [5, 3] : [1, 0])) },
            legend: modelLegend,
          },
          shape: { ...byModel, legend: modelLegend },
          detail: { field: "line", type: "nominal" },
          order: { field: "concurrency", type: "quantitative" },
        },
        // Threaded models first and lighter, so the main-thread lines are drawn over them.
        layer: [
          {
            transform: [{ filter: "datum.spread" }],
            mark: { type: "line", point: { filled: true, size: 30 }, strokeWidth: 1.3, opacity: 0.6 },
          },
          { transform: [{ filter: "!datum.spread" }], mark: { type: "line", point: { filled: true, size: 40 }, strokeWidth: 2 } },
        ],
      },
    },
  };
};
