/** The shape every chart module shares: it reads the report's analysis and returns a spec, or null with nothing to draw. */
import type { RunResult } from "@runtime-bench/model/schema";
import type { TopLevelSpec } from "vega-lite";
import type { Analysis } from "../analyze.ts";

export interface ChartInput {
  result: RunResult;
  /** analyze(result), computed once for every chart, as the markdown report computes it once. */
  analysis: Analysis;
}

export interface ChartSpec {
  /** Relative to the results folder, e.g. "charts/scaling.svg". */
  file: string;
  title: string;
  /** One sentence describing what the chart shows, for the image's alt text. */
  alt: string;
  spec: TopLevelSpec;
}

/** Null where the run has no data for the chart (a profile without the sweep, every runtime n/a): no empty charts. */
export type ChartBuilder = (input: ChartInput) => ChartSpec | null;

/** One chart of a vconcat, as TopLevelSpec types it (vega-lite exports no name for it). */
export type ConcatMember = Extract<TopLevelSpec, { vconcat: unknown }>["vconcat"][number];
