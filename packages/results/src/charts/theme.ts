/**
 * What every chart shares, so the charts read as one set: a fixed colour per runtime, the fonts and sizes, a
 * white background (the SVGs are shown on light and dark pages alike), and the width they are drawn for.
 */
import type { RuntimeName } from "@runtime-bench/model/runtimes";
import type { Config } from "vega-lite";
import type { Analysis } from "../analyze.ts";
import type { Column } from "../column.ts";

/**
 * Okabe and Ito's colour-blind-safe palette: one colour per runtime, the same in every chart (its yellow, too
 * pale on white, left out). A Record over RuntimeName, so a runtime added to RUNTIME_NAMES does not compile
 * until it has a colour. A runtime's second column (another version, build or flag set) gets one of MORE_COLOURS.
 */
export const RUNTIME_COLOURS: Readonly<Record<RuntimeName, string>> = {
  node: "#009E73",
  bun: "#E69F00",
  deno: "#0072B2",
  cpython: "#D55E00",
  pypy: "#CC79A7",
  jython: "#56B4E9",
};

/** A second (third, ...) column of one runtime: the palette's black, then greys, so the runtime's own colour stays its first. */
const MORE_COLOURS = ["#000000", "#7F7F7F", "#B3B3B3"];

/** Each column's colour: its runtime's for the first column of that runtime, else the next of MORE_COLOURS. */
function columnColours(columns: readonly Column[]): Map<string, string> {
  const seen = new Set<RuntimeName>();
  let more = 0;
  return new Map(
    columns.map((column) => {
      const first = !seen.has(column.runtime);
      seen.add(column.runtime);
      return [column.label, first ? RUNTIME_COLOURS[column.runtime] : MORE_COLOURS[more++ % MORE_COLOURS.length]!];
    }),
  );
}

/** Ideal lines, break-even rules and interval whiskers: grey, so they never read as another runtime. */
export const REFERENCE_COLOUR = "#555555";

/** What the charts are laid out for: a report column on a typical page. */
export const CHART_WIDTH = 700;

/** Sans-serif faces with close metrics first (text-metrics.ts measures for them), then common fallbacks. */
const FONT = "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

/** The columns a chart shows (labels, in order) and its `field`'s colours: a column's the same in every chart. */
export function columnLegend(
  { runs }: Analysis,
  shown: Iterable<string>,
  {
    field = "runtime",
    extra = [],
    legend = BOTTOM_LEGEND,
  }: { field?: string; extra?: Array<{ name: string; colour: string }>; legend?: object } = {},
) {
  const present = new Set(shown);
  const colours = columnColours(runs.map((one) => one.column));
  const labels = runs.flatMap(({ column }) => (present.has(column.label) ? [column.label] : []));
  const scale = {
    domain: [...labels, ...extra.map((one) => one.name)],
    range: [...labels.map((label) => colours.get(label)!), ...extra.map((one) => one.colour)],
  };
  return { labels, colour: { field, type: "nominal", scale, legend } as const };
}

export const CHART_CONFIG: Config = {
  background: "white",
  font: FONT,
  padding: 16,
  title: { fontSize: 16, anchor: "start", offset: 12, subtitleFontSize: 12, subtitleColor: "#444444", subtitlePadding: 6 },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: "normal",
    titleColor: "#222222",
    labelColor: "#333333",
    gridColor: "#e8e8e8",
    domainColor: "#888888",
    tickColor: "#888888",
    titlePadding: 8,
  },
  legend: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: "normal", labelLimit: 320, symbolStrokeWidth: 2.5 },
  header: { labelFontSize: 12, labelFontWeight: "bold", titleFontSize: 12, labelPadding: 6 },
  view: { stroke: "#d8d8d8" },
  line: { strokeWidth: 2 },
  point: { size: 40, filled: true },
};

/** The top of every spec: its schema, the shared config, and a title with a subtitle that says how to read it. */
export function frame(title: string, subtitle: readonly string[]) {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    config: CHART_CONFIG,
    title: { text: title, subtitle: [...subtitle] },
  };
}

/** Legends go under the plot, in a row: the width is the scarce direction. */
export const BOTTOM_LEGEND = { orient: "bottom", direction: "horizontal", title: null, symbolOpacity: 1 } as const;
