/** Axis helpers shared by the charts with logarithmic scales and the panels with long names. */
import { textWidth } from "./text-metrics.ts";

/** Powers of ten from at or below `min` to at or above `max`: a log axis's domain, on round numbers. */
export function decades(min: number, max: number): [number, number] {
  return [10 ** Math.floor(Math.log10(min)), 10 ** Math.ceil(Math.log10(max))];
}

/**
 * The ticks of a log axis: each power of ten in [min, max] and the `extra` values there (0.5x, 1x and 2x on a
 * speed-up axis). Vega's own log ticks add unlabelled minor ticks and, across few decades, labels that collide.
 */
export function logTicks(min: number, max: number, extra: readonly number[] = []): number[] {
  const powers: number[] = [];
  for (let exponent = Math.ceil(Math.log10(min)); 10 ** exponent <= max * (1 + 1e-9); exponent++) powers.push(10 ** exponent);
  return [...new Set([...powers, ...extra.filter((value) => value >= min && value <= max)])].sort((a, b) => a - b);
}

/**
 * Breaks a label into lines of at most `width` pixels at `fontSize` (bold, as headers are), joined by "\n"; an axis
 * or header splits them again with LINES_EXPR. Long model names then wrap instead of being cut with an ellipsis.
 */
export function wrap(label: string, width: number, fontSize: number): string {
  const lines: string[] = [];
  for (const word of label.split(" ")) {
    const last = lines.at(-1);
    if (last !== undefined && textWidth(`${last} ${word}`, fontSize, true) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join("\n");
}

/** A labelExpr that draws a wrapped label (see wrap) on its lines. */
export const LINES_EXPR = "split(datum.label, '\\n')";
