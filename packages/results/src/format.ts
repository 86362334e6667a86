/** Number formatting shared by the report's tables and its reading. */

/** Milliseconds with about three significant figures: 1234 -> "1234", 12.34 -> "12.3", 0.1234 -> "0.123". */
export function ms(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(value >= 1 ? 2 : 3);
}

export const times = (value: number): string => `${value.toFixed(2)}x`;
export const percent = (value: number): string => `${(value * 100).toFixed(0)}%`;
export const mib = (value: number): string => `${value.toFixed(0)} MiB`;

/** Lists "a (node), b (bun), c (deno)". */
export function perRuntime<T extends { runtime: string }>(items: readonly T[], show: (item: T) => string): string {
  return items.map((item) => `${show(item)} (${item.runtime})`).join(", ");
}
