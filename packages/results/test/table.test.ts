import { describe, expect, it } from "vitest";
import { figuresTable, labelledTable, table } from "../src/table.ts";

describe("the report's one table writer", () => {
  it("writes a header, an alignment row and the rows, unpadded", () => {
    expect(table(["runtime", "median"], [["node", "12 ms"]], ["left", "right"])).toEqual([
      "| runtime | median |",
      "| - | -: |",
      "| node | 12 ms |",
    ]);
  });

  it("escapes a pipe in any cell, header included, so it cannot split a row", () => {
    expect(table(["a|b"], [["`x | y`"]])).toEqual(["| a\\|b |", "| - |", "| `x \\| y` |"]);
  });

  it("fills a short row with empty cells", () => {
    expect(table(["runtime", "reason", "median"], [["pypy", "n/a"]])[2]).toBe("| pypy | n/a | |");
  });

  it("aligns a label column left and figures right, or every column right", () => {
    expect(labelledTable(["", "node", "bun"], [])[1]).toBe("| - | -: | -: |");
    expect(figuresTable(["workers", "pool"], [])[1]).toBe("| -: | -: |");
  });
});
