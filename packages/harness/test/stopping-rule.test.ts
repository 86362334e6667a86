import { describe, expect, it } from "vitest";
import { type RoundsSoFar, stopReason } from "../src/launcher/stopping-rule.ts";

const settled = { total: 10, unsettled: [] };
const unsettled = {
  total: 10,
  unsettled: [{ kind: "runtimes", cellId: "x", subject: "bun", reference: "node", comparison: null }],
} as RoundsSoFar["precision"];
const state = (change: Partial<RoundsSoFar>): RoundsSoFar => ({
  counted: 10,
  minRounds: 8,
  maxRounds: 60,
  precision: settled,
  elapsedMs: 60_000,
  lastRoundMs: 40_000,
  budgetMs: 780_000,
  ...change,
});

describe("the stopping rule", () => {
  it("stops once every headline interval reached the target, after the minimum number of rounds", () => {
    expect(stopReason(state({}))).toBe("target");
    expect(stopReason(state({ counted: 7 }))).toBeNull();
  });

  it("goes on while an interval is wider than the target", () => {
    expect(stopReason(state({ precision: unsettled }))).toBeNull();
  });

  it("stops when the next round would not fit in the budget, even before the minimum", () => {
    expect(stopReason(state({ precision: unsettled, elapsedMs: 750_000 }))).toBe("budget");
    expect(stopReason(state({ counted: 3, precision: unsettled, elapsedMs: 750_000 }))).toBe("budget");
  });

  it("stops at the maximum number of rounds", () => {
    expect(stopReason(state({ counted: 60, precision: unsettled }))).toBe("max-rounds");
  });
});
