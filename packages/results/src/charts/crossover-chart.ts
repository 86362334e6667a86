/**
 * charts/crossover.svg: the crossover ladder as the report reads it (crossover.ts): each model's speed-up over
 * the sequential run against the work per task, per runtime, with its 95% interval, one panel per model, and
 * the break-even line at 1x. Both axes are logarithmic: the work per task spans four orders of magnitude, and a
 * speed-up of 0.5x is as far below break-even as 2x is above it.
 */
import { speedupBand } from "../analyze.ts";
import { withoutAside } from "../cells.ts";
import { crossoverClaims } from "../claims.ts";
import { joinWords } from "../text.ts";
import type { ChartBuilder } from "./chart.ts";
import { decades, LINES_EXPR, logTicks, wrap } from "./scales.ts";
import { CHART_WIDTH, columnLegend, frame, REFERENCE_COLOUR } from "./theme.ts";

const ONE_ROW = [{ aggregate: [{ op: "count" as const, as: "points" }], groupby: ["model"] }];

export const crossoverChart: ChartBuilder = ({ analysis }) => {
  const claims = crossoverClaims(analysis);
  const panelWidth = Math.floor((CHART_WIDTH - 110) / Math.max(claims.length, 1)) - 10;
  const rows = claims.flatMap((claim) =>
    claim.outcomes.flatMap(({ column, points }) =>
      points.flatMap(({ msPerTask, comparison }) => {
        // A log axis has no place for a size whose sequential run took no measurable time.
        if (!comparison || msPerTask <= 0) return [];
        const model = wrap(withoutAside(claim.model.cell.readingName), panelWidth, 12);
        return [{ model, runtime: column.label, msPerTask, ...speedupBand(comparison) }];
      }),
    ),
  );
  if (rows.length === 0) return null;
  const modelNames = [...new Set(rows.map((row) => row.model))];
  const plainNames = modelNames.map((name) => name.replaceAll("\n", " "));
  const { labels: runtimes, colour } = columnLegend(
    analysis,
    rows.map((row) => row.runtime),
  );
  const lowest = Math.min(...rows.map((row) => row.low), 0.5);
  const highest = Math.max(...rows.map((row) => row.high), 2);
  const msDomain = decades(Math.min(...rows.map((row) => row.msPerTask)), Math.max(...rows.map((row) => row.msPerTask)));
  const yDomain: [number, number] = [decades(lowest / 1.1, highest)[0], highest * 1.3];
  const x = {
    field: "msPerTask",
    type: "quantitative",
    title: "work per task (ms, log scale)",
    scale: { type: "log", domain: msDomain, nice: false },
    axis: { values: logTicks(...msDomain), format: "~g" },
  } as const;
  const y = {
    type: "quantitative",
    title: "speed-up over sequential (x, log scale)",
    scale: { type: "log", domain: yDomain, nice: false },
    axis: { values: logTicks(...yDomain, [0.5, 1, 2]), format: "~g" },
  } as const;
  const title = "Crossover: from what work per task a model pays off";
  return {
    file: "charts/crossover.svg",
    title,
    alt: `Speed-up over the sequential run against the work per task (ms, log scale) for ${joinWords(plainNames)} on ${joinWords(runtimes)}, with 95% intervals and a break-even line at 1x.`,
    spec: {
      ...frame(title, [
        "One worker per core; work per task: the sequential run's median time over its tasks. Each point: the median",
        "over rounds of the sequential run's time over the model's in the same round; band: its 95% interval.",
      ]),
      data: { values: rows },
      facet: { column: { field: "model", type: "nominal", title: null, sort: modelNames, header: { labelExpr: LINES_EXPR } } },
      spec: {
        width: panelWidth,
        height: 280,
        layer: [
          // One row per panel for the rule and its label (the layers share the panel's data: one rule per point otherwise).
          {
            transform: ONE_ROW,
            mark: { type: "rule", color: REFERENCE_COLOUR, strokeDash: [6, 4] },
            encoding: { y: { datum: 1, type: "quantitative" } },
          },
          {
            transform: ONE_ROW,
            mark: {
              type: "text",
              text: "break-even",
              align: "left",
              baseline: "bottom",
              dx: 4,
              dy: -3,
              color: REFERENCE_COLOUR,
              fontSize: 11,
            },
            encoding: { x: { value: 0 }, y: { datum: 1, type: "quantitative" } },
          },
          { mark: { type: "area", opacity: 0.15 }, encoding: { x, y: { ...y, field: "low" }, y2: { field: "high" }, color: colour } },
          { mark: { type: "line", point: true }, encoding: { x, y: { ...y, field: "speedup" }, color: colour } },
        ],
      },
    },
  };
};
