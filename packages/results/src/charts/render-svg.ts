/**
 * Vega-Lite spec -> Vega spec -> SVG text, headless: a View with renderer "none" builds the scenegraph without a
 * DOM or canvas, and toSVG() writes it out as markup. Text widths come from text-metrics.ts, since no canvas is
 * there to measure them.
 */
import { parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { useCharacterWidths } from "./text-metrics.ts";

/** Vega-Lite and Vega's warnings (a dropped encoding, an unknown field) name a mistake in a spec: kept, not printed. */
class WarningLog {
  readonly warnings: string[] = [];
  #level = 2; // vega-util's Warn
  level(): number;
  level(value: number): this;
  level(value?: number): number | this {
    if (value === undefined) return this.#level;
    this.#level = value;
    return this;
  }
  error(...args: unknown[]): this {
    throw new Error(args.map(String).join(" "));
  }
  warn(...args: unknown[]): this {
    this.warnings.push(args.map(String).join(" "));
    return this;
  }
  info(): this {
    return this;
  }
  debug(): this {
    return this;
  }
}

export interface RenderedSvg {
  svg: string;
  warnings: string[];
}

export async function renderSvg(spec: TopLevelSpec): Promise<RenderedSvg> {
  useCharacterWidths();
  const log = new WarningLog();
  const view = new View(parse(compile(spec, { logger: log }).spec), { renderer: "none", logger: log });
  try {
    return { svg: await view.toSVG(), warnings: log.warnings };
  } finally {
    view.finalize();
  }
}
