import { describe, expect, it } from "vitest";
import { FIGURES } from "../src/cell-figures.ts";
import { CSV_COLUMNS, renderCsv } from "../src/render-csv.ts";
import { around, cpuCell, measured, runResult } from "./fixtures.ts";

/** A minimal RFC 4180 reader for the test: quoted fields, doubled quotes, no line breaks inside fields. */
function parseCsv(text: string): string[][] {
  return text
    .trimEnd()
    .split("\n")
    .map((line) =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
        .slice(0, -1)
        .map(([, field]) => field!.replace(/^"|"$/g, "").replaceAll('""', '"')),
    );
}

describe("the CSV beside the report", () => {
  const result = runResult([
    measured("node", [cpuCell("cpu.sequential", around(100)), cpuCell("cpu.worker-pool", around(50))]),
    measured("bun", [
      cpuCell("cpu.sequential", around(70)),
      cpuCell("cpu.worker-pool", [], { status: "failed", reason: 'exited with code 1: "boom", then more' }),
    ]),
  ]);
  const rows = parseCsv(renderCsv(result));
  const find = (runtime: string, cell: string, statistic: string) =>
    rows.find((row) => row[0] === runtime && row[2] === cell && row[4] === statistic);

  it("has one header and one row per runtime x cell x statistic, each with the columns it documents", () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1).every((row) => row.length === CSV_COLUMNS.length)).toBe(true);
  });

  it("carries the report's figures: medians with their interval, ratios with interval and verdict", () => {
    expect(find("node", "cpu.sequential/n=1e8", "wall_median")?.slice(5, 9)).toEqual(["100", expect.any(String), expect.any(String), "ms"]);
    expect(find("node", "cpu.worker-pool/n=1e8", "time_vs_baseline")?.slice(5, 11)).toEqual([
      "0.5",
      "0.5",
      "0.5",
      "time ratio",
      "faster",
      "6",
    ]);
    expect(find("node", "cpu.worker-pool/n=1e8", "efficiency")?.[5]).toBe("1");
    expect(find("node", "cpu.sequential/n=1e8", "peak_pss")?.slice(5, 9)).toEqual(["50", "", "", "MiB"]);
    expect(find("node", "cpu.sequential/n=1e8", "wall_cv")?.[8]).toBe("fraction of the mean");
  });

  it("lists a row's statistics in the order of the report's figures (cell-figures.ts), from the one list", () => {
    const statistics = rows.filter((row) => row[0] === "node" && row[2] === "cpu.worker-pool/n=1e8").map((row) => row[4]);
    const declared = FIGURES.flatMap((figure) => figure.csv.length);
    expect(declared.reduce((sum, one) => sum + one, 0)).toBeGreaterThanOrEqual(statistics.length);
    expect(statistics.slice(0, 3)).toEqual(["wall_median", "time_vs_baseline", "efficiency"]);
  });

  it("says why a cell has no figures, quoted where the reason needs it", () => {
    expect(find("bun", "cpu.worker-pool/n=1e8", "status")?.[5]).toBe('failed (exited with code 1: "boom", then more)');
    expect(renderCsv(result)).toContain('"failed (exited with code 1: ""boom"", then more)"');
  });
});
