/**
 * Text widths for Vega's layout without a canvas. Vega sizes axis label space and legends, and truncates labels,
 * from measured text widths; with no `canvas` package installed (this project installs none: it is a native
 * build) it falls back to 0.8 em for every character, about half again as wide as a sans-serif line, which
 * leaves wide gaps and cuts long labels early. Vega accepts a user-defined measure in its place (vl-convert
 * does the same); this one adds up per-character advance widths.
 */
import * as vega from "vega";

declare module "vega" {
  /** vega-scenegraph's text measure: vega re-exports it at run time, but vega-typings does not declare it. */
  export const textMetrics: {
    width: (item: TextItem, text?: unknown) => number;
    estimateWidth: (item: TextItem, text?: unknown) => number;
  };
}

interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
  limit?: number;
}

/**
 * Helvetica's advance widths (its AFM, in thousandths of an em) for printable ASCII from the space on; anything
 * else counts as a digit. Scaled up by 10%: a reader without Helvetica or Arial gets a wider fallback (DejaVu
 * Sans runs about that much wider), and a label measured a little wide gets a little room, never a clipped edge.
 */
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278,
  278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722,
  667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556,
  556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const FALLBACK_FONT_SCALE = 1.1;
/** Bold glyphs of the same face run about 7% wider. */
const BOLD_SCALE = 1.07;

const isBold = (weight: TextItem["fontWeight"]) => weight === "bold" || (typeof weight === "number" && weight >= 600);

export function textWidth(text: string, fontSize: number, bold = false): number {
  let thousandths = 0;
  for (const character of text) thousandths += ASCII_WIDTHS[(character.codePointAt(0) ?? 0) - 32] ?? 556;
  return (thousandths / 1000) * fontSize * FALLBACK_FONT_SCALE * (bold ? BOLD_SCALE : 1);
}

/**
 * What Vega's measure receives: the item and, when it truncates or wraps, one line of its text; otherwise the
 * item's own text (a string, or an array of lines, of which the widest counts).
 */
function measure(item: TextItem & { text?: unknown }, line?: unknown): number {
  const fontSize = item.fontSize === undefined ? 11 : Number(item.fontSize) || 0;
  const source = line ?? item.text;
  const lines = Array.isArray(source) ? source : [source];
  const width = Math.max(0, ...lines.map((one) => textWidth(one == null ? "" : String(one).trim(), fontSize, isBold(item.fontWeight))));
  // A label with a limit is cut to it when drawn; its bounds are then no wider than the limit.
  return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width;
}

/** Installs the measure; Vega keeps one measure per process, so every chart (and any other Vega user here) gets it. */
export function useCharacterWidths(): void {
  vega.textMetrics.width = measure;
}
