/**
 * SVG charts for the report, drawn from the same analysis as the markdown (analyze, scaling, crossover, the I/O
 * sweep, the headline comparisons), so a chart and the table beside it always show the same figures. Each chart
 * is a Vega-Lite spec rendered headlessly to SVG; a run without data for a chart gets no chart, not an empty one.
 */
import type { RunResult } from "@runtime-bench/model/schema";
import { type Analysis, analyze } from "../analyze.ts";
import type { ChartBuilder } from "./chart.ts";
import { crossoverChart } from "./crossover-chart.ts";
import { headlineChart } from "./headline-chart.ts";
import { ioEfficiencyChart } from "./io-efficiency-chart.ts";
import { memoryChart } from "./memory-chart.ts";
import { renderSvg } from "./render-svg.ts";
import { scalingChart } from "./scaling-chart.ts";

export interface Chart {
  /** Relative to the results folder, e.g. "charts/scaling.svg". */
  file: string;
  title: string;
  /** One sentence describing what the chart shows. */
  alt: string;
  svg: string;
}

/** Headline first, then the sweeps in the order of the report's sections. */
const CHARTS: readonly ChartBuilder[] = [headlineChart, scalingChart, crossoverChart, ioEfficiencyChart, memoryChart];

/** `analysis` lets a caller that already ran analyze(result) (about a second on a full run) pass its figures on. */
export async function renderCharts(result: RunResult, analysis: Analysis = analyze(result)): Promise<Chart[]> {
  const input = { result, analysis };
  const specs = CHARTS.flatMap((build) => build(input) ?? []);
  return Promise.all(
    specs.map(async ({ file, title, alt, spec }) => {
      const { svg, warnings } = await renderSvg(spec);
      for (const warning of warnings) process.stderr.write(`charts: ${file}: ${warning}\n`);
      return { file, title, alt, svg };
    }),
  );
}
