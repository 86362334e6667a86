/** How sizes read in cell ids: short, and stable (older result files are matched by their cell ids). */

/** Writes 100000000 as "1e8" and 20000000 as "2e7", so cell ids stay short and readable. */
export function shortNumber(value: number): string {
  const exponent = Math.floor(Math.log10(value));
  const mantissa = value / 10 ** exponent;
  return Number.isInteger(mantissa) && exponent >= 4 ? `${mantissa}e${exponent}` : String(value);
}

/** Writes 4096 as "4KiB" and 10485760 as "10MiB" (other sizes in bytes), for cell ids. */
export function shortBytes(bytes: number): string {
  if (bytes >= 2 ** 20 && bytes % 2 ** 20 === 0) return `${bytes / 2 ** 20}MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024}KiB`;
  return `${bytes}B`;
}
