/**
 * charts/headline.svg: the headline verdicts against each cell's baseline, as the report's verdict table lists
 * them (runComparisons, the comparisons the launcher measured until they settled): each model's speed-up over its
 * baseline per runtime, with its 95% interval, one panel per baseline. Bars grow from break-even (1x) on a log
 * scale, so 0.5x reaches as far left as 2x reaches right; an equivalent verdict is lighter, an inconclusive one faded.
 */
import { EFFECT_THRESHOLD } from "@runtime-bench/model/verdict";
import { speedupBand } from "../analyze.ts";
import { percent, times } from "../format.ts";
import { ioTaskModelName } from "../task-run.ts";
import { joinWords } from "../text.ts";
import type { ChartBuilder, ConcatMember } from "./chart.ts";
import { modelLabel, workLabel } from "./labels.ts";
import { LINES_EXPR, logTicks, wrap } from "./scales.ts";
import { BOTTOM_LEGEND, CHART_WIDTH, columnLegend, frame, REFERENCE_COLOUR } from "./theme.ts";

/** Room for the model names, wrapped onto lines. */
const LABEL_WIDTH = 190;
/** The verdict rule's outcomes as the bars show them: solid where it found a difference, lighter where it showed none, faded where it could not tell. */
const DIFFERENT = "faster or slower";
const EQUIVALENT = `equivalent (within ±${percent(EFFECT_THRESHOLD)})`;
const INCONCLUSIVE = "inconclusive";

export const headlineChart: ChartBuilder = ({ analysis }) => {
  const { tables, comparisons } = analysis;
  const rows = comparisons.flatMap((headline) => {
    if (headline.kind !== "baseline" || headline.group !== "headline" || !headline.comparison) return [];
    const cell = tables.find((table) => table.cellId === headline.cellId)?.cell;
    const baseline = tables.find((table) => table.cellId === headline.baseline)?.cell;
    if (!cell || !baseline) return [];
    const band = speedupBand(headline.comparison);
    const { verdict } = headline.comparison;
    return [
      {
        panel: `against ${ioTaskModelName(baseline) ?? baseline.readingName} (${workLabel(baseline)})`,
        model: wrap(modelLabel(cell), LABEL_WIDTH, 12),
        runtime: headline.runtime,
        ...band,
        verdict: verdict === "equivalent" ? EQUIVALENT : verdict === "inconclusive" ? INCONCLUSIVE : DIFFERENT,
        label: times(band.speedup),
      },
    ];
  });
  if (rows.length === 0) return null;
  const panels = [...new Set(rows.map((row) => row.panel))];
  const { labels: runtimes, colour } = columnLegend(
    analysis,
    rows.map((row) => row.runtime),
  );
  // Room on both sides of the intervals for their labels, on the log scale every panel shares.
  const domain: [number, number] = [Math.min(...rows.map((row) => row.low), 1) / 1.8, Math.max(...rows.map((row) => row.high), 1) * 1.8];
  const x = {
    type: "quantitative",
    title: "speed-up over the baseline (x, log scale)",
    scale: { type: "log", domain, nice: false },
    axis: { values: logTicks(...domain, [0.05, 0.2, 0.5, 2, 5]), format: "~g" },
  } as const;
  const opacity = {
    field: "verdict",
    type: "nominal",
    sort: [DIFFERENT, EQUIVALENT, INCONCLUSIVE],
    scale: { domain: [DIFFERENT, EQUIVALENT, INCONCLUSIVE], range: [1, 0.6, 0.25] },
    legend: { ...BOTTOM_LEGEND, symbolFillColor: REFERENCE_COLOUR, symbolStrokeColor: REFERENCE_COLOUR },
  } as const;
  const panel = (name: string, index: number): ConcatMember => {
    const own = rows.filter((row) => row.panel === name);
    const last = index === panels.length - 1;
    return {
      title: { text: name, fontSize: 13, anchor: "start", offset: 6 },
      width: CHART_WIDTH - LABEL_WIDTH - 90,
      height: { step: 12 },
      layer: [
        {
          data: { values: own },
          encoding: {
            y: {
              field: "model",
              type: "nominal",
              title: null,
              sort: [...new Set(own.map((row) => row.model))],
              axis: { labelExpr: LINES_EXPR, labelFontSize: 12, labelLimit: LABEL_WIDTH + 20 },
            },
            yOffset: { field: "runtime", type: "nominal", sort: runtimes },
          },
          layer: [
            {
              mark: { type: "bar", height: { band: 0.85 } },
              encoding: {
                x: { ...x, field: "speedup", axis: last ? x.axis : { ...x.axis, title: null } },
                x2: { datum: 1 },
                color: colour,
                opacity,
              },
            },
            { mark: { type: "rule", color: REFERENCE_COLOUR }, encoding: { x: { ...x, field: "low" }, x2: { field: "high" } } },
            {
              transform: [{ filter: "datum.speedup >= 1" }],
              mark: { type: "text", align: "left", dx: 3, fontSize: 10, color: "#222222" },
              encoding: { x: { ...x, field: "high" }, text: { field: "label" } },
            },
            {
              transform: [{ filter: "datum.speedup < 1" }],
              mark: { type: "text", align: "right", dx: -3, fontSize: 10, color: "#222222" },
              encoding: { x: { ...x, field: "low" }, text: { field: "label" } },
            },
          ],
        },
        {
          data: { values: [{}] },
          mark: { type: "rule", color: REFERENCE_COLOUR, strokeDash: [4, 3] },
          encoding: { x: { datum: 1, type: "quantitative" } },
        },
      ],
    };
  };
  const title = "Headline: each model against its baseline";
  return {
    file: "charts/headline.svg",
    title,
    alt: `Speed-up of each headline model over its baseline on ${joinWords(runtimes)}, with 95% intervals and a line at 1x, in ${panels.length} groups: ${joinWords(panels)}.`,
    spec: {
      ...frame(title, [
        "Each bar: the median over rounds of the baseline's time over the model's in the same round, drawn",
        "from 1x (break-even); whisker: its 95% interval (none with too few rounds); lighter: equivalent (the",
        `interval within ±${percent(EFFECT_THRESHOLD)}); faded: inconclusive. Baselines and models run side by side in the same runtime.`,
      ]),
      vconcat: panels.map(panel),
      spacing: 18,
      resolve: { scale: { x: "shared", y: "independent", yOffset: "independent" } },
    },
  };
};
