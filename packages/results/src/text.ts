/** Text helpers shared by every part of the report: lists of words, lines wrapped to a width, one figure per column. */
import type { Column } from "./column.ts";

export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/** Lists "a (node), b (bun), c (deno)": one figure per item, each followed by its column's label. */
export function perColumn<T extends { column: Column }>(items: readonly T[], show: (item: T) => string): string {
  return items.map((item) => `${show(item)} (${item.column.label})`).join(", ");
}

/** The columns' labels as words: "node, bun and deno". */
export const labels = (items: ReadonlyArray<{ column: Column }>): string => joinWords(items.map((item) => item.column.label));

/** Why a column has no figure: "n/a (why)", "failed (why)". */
export const reasonOf = ({ state, why }: { state: string; why: string }): string => `${state} (${why})`;

/** A long bullet as lines of at most `width` characters, indented after the first so markdown keeps them one item. */
export function wrapBullet(text: string, width = 120): string[] {
  return wrapWords(`- ${text}`, width).map((line, index) => (index === 0 ? line : `  ${line}`));
}

/** Text as lines of at most `width` characters, broken between words (markdown reads them as one paragraph). */
export function wrapWords(text: string, width = 120): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  return [...lines, line];
}
