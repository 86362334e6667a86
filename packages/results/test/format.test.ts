/** Figures stay readable at every scale (a ratio or a time far below 1 keeps its significant digits), and sizes keep a task's names. */
import { describe, expect, it } from "vitest";
import { workLabel } from "../src/charts/labels.ts";
import { judgedSpeedup, ms, ratio, speedupFigure, times } from "../src/format.ts";
import { cpuCell, userTaskCell } from "./fixtures.ts";

describe("figures at every scale", () => {
  it("prints a ratio with two decimals, and with two significant digits below 0.1 (never 0.00x)", () => {
    expect([1.8449, 0.1, 0.0987, 0.0042, 0.000123, 0].map(ratio)).toEqual(["1.84", "0.10", "0.099", "0.0042", "0.00012", "0.00"]);
    expect(times(0.0042)).toBe("0.0042x");
  });

  it("prints a far smaller speed-up with its interval in significant digits", () => {
    // The model took 240 times the baseline's time: its speed-up is 1/240, its interval 1/260 to 1/220.
    const comparison = { timeRatio: 240, ci95: [220, 260] as [number, number], pairs: 6 };
    expect(speedupFigure(comparison)).toBe("0.0042x [0.0038–0.0045, n = 6]");
    expect(
      judgedSpeedup({
        ...comparison,
        coverage: 0.97,
        verdict: "slower",
        split: null,
        splitDisagrees: false,
        gap: { medianRuns: 1, maxRuns: 1, medianSeconds: 1, maxSeconds: 1 },
      }),
    ).toBe("0.0042x [0.0038–0.0045, n = 6] slower");
  });

  it("prints milliseconds with about three significant figures, small ones too", () => {
    expect([1234.4, 12.34, 1.234, 0.1234, 0.0042, 0.00042, 0].map(ms)).toEqual([
      "1234",
      "12.3",
      "1.23",
      "0.123",
      "0.0042",
      "0.00042",
      "0.000",
    ]);
  });
});

describe("a chart's words for a user's task", () => {
  it("say its sizes as the task names them, not as n = 6.5536e4", () => {
    const cell = userTaskCell("cpu.sequential", 65_536, "64 KiB", [10, 10, 10, 10, 10, 10]);
    expect(workLabel(cell)).toBe("4 tasks of 64 KiB");
    expect(workLabel(cpuCell("cpu.sequential", [10]))).toBe("4 tasks of n = 1e8");
  });
});
