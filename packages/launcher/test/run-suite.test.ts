/**
 * The interleaved round loop, against a fake backend (no processes): what it measures in which order, what it
 * records, and when it stops.
 */

import type { CellRequest } from "@runtime-bench/model/measurement-protocol";
import { RUNTIMES_UNDER_TEST, type RuntimeName } from "@runtime-bench/model/runtimes";
import type { MeasuredRuntime, RunResult } from "@runtime-bench/model/schema";
import type { Profile } from "@runtime-bench/model/suite";
import { describe, expect, it } from "vitest";
import type { Contender } from "../src/contender-launches.ts";
import type { MeasureOutcome } from "../src/measure-once.ts";
import type { MeasurementBackend, RuntimeLaunch } from "../src/process-backend.ts";
import { MAX_PAIR_GAP_RUNS } from "../src/round-order.ts";
import { RunInterruptedError, runSuite, type SuiteRunOptions } from "../src/run-suite.ts";

// The runtimes under test; a Python reference is launched the same way and needs no case of its own here.
const launches: RuntimeLaunch[] = RUNTIMES_UNDER_TEST.map((runtime) => ({ runtime, command: { argv: [runtime] } }));
/** The pinned runtimes as the run's columns. */
const pinned = (names: readonly RuntimeName[]): Contender[] =>
  names.map((runtime) => ({
    label: runtime,
    runtime,
    record: { source: { kind: "pinned" }, flags: [] },
    launch: launches.find((launch) => launch.runtime === runtime)!,
  }));

const profile = (change: Partial<Profile> = {}): Profile => ({
  description: "test",
  rounds: { warmup: 0, min: 6, max: 30 },
  precision: { budgetMinutes: 10 },
  cellTimeoutSeconds: 10,
  probeRounds: 7,
  scenarios: ["cpu.sequential", "cpu.worker-pool", "io.async-fetch"],
  cpu: { tasks: 4, sizes: { small: 1000 }, workers: 2 },
  io: { requests: 10, latencyMs: 5, concurrency: 5, workers: 2, requestTimeoutMs: 1000, warmUpRequests: 10, clients: ["undici-request"] },
  ...change,
});

type Wall = (runtime: RuntimeName, cellId: string, call: number) => number;

/** Each runtime at a fixed speed, each round slower or faster for all alike: paired ratios are exact. */
const steadyRatios: Wall = (runtime, cellId, call) => {
  const speed = { node: 1, bun: 0.7, deno: 0.9, cpython: 30, pypy: 3, jython: 20 }[runtime];
  const cell = cellId.startsWith("cpu.worker-pool") ? 50 : 100;
  return cell * speed * (1 + 0.3 * Math.sin(call)); // the machine's speed moving, shared by the round
};

function fakeBackend(wall: Wall, options: { unavailable?: RuntimeName[]; onMeasure?: (call: number) => void } = {}) {
  const calls: Array<{ runtime: RuntimeName; request: CellRequest }> = [];
  let round = 0;
  const backend: MeasurementBackend = {
    async describe({ runtime }) {
      if (options.unavailable?.includes(runtime)) return { unavailable: `${runtime} could not start: ENOENT` };
      return {
        runtime: { runtime, version: "1", engine: "V8", engineVersion: "1", reportedParallelism: 2, execArgv: [], relevantEnv: {} },
        httpClients: { default: { name: "fetch", configuration: "default", settings: {} } },
        clock: { resolutionMs: 0.001, callOverheadNs: 50 },
      };
    },
    async measure({ runtime }, request): Promise<MeasureOutcome> {
      calls.push({ runtime, request });
      options.onMeasure?.(calls.length);
      const wallMs = wall(runtime, request.cell.cellId, round);
      const output = {
        cellId: request.cell.cellId,
        wallMs,
        windowMs: wallMs,
        errors: [],
        tasks: 4,
        implementation: "fake",
        notes: [],
        inProcess: null,
        executors: [],
        eventLoopLag: { maxMs: wallMs, p99Ms: wallMs, samples: 1 },
        requestLatency: null,
      };
      return {
        kind: "measured",
        output,
        sample: {
          wallMs,
          cpuMs: null,
          busyCores: null,
          otherLoadCores: null,
          peakPssKiB: null,
          memoryPolls: 2,
          executors: [],
          startedAtMs: calls.length * 1000,
          endedAtMs: calls.length * 1000 + wallMs,
          mainThreadCores: [0],
        },
      };
    },
    async probeCores(rounds) {
      round++; // probed after every round
      return { ms: [15 + rounds, 15 + rounds], cores: [0, 1] };
    },
    async startMockApi(settings) {
      return { url: "http://127.0.0.1:1", latencyMs: settings.latencyMs, pid: null, stop: async () => {} };
    },
    async measureServerCapacity() {
      return { unavailable: "a fake backend has no server" };
    },
  };
  return { backend, calls };
}

const quiet = () => {};
/** A run of every runtime (or those `selected`) with the test profile and seed 1, as changed by `options`. */
const runWith = (
  backend: MeasurementBackend,
  { selected = RUNTIMES_UNDER_TEST, ...options }: Partial<SuiteRunOptions> & { selected?: readonly RuntimeName[] } = {},
) =>
  runSuite({
    contenders: pinned(selected),
    notSelected: RUNTIMES_UNDER_TEST.filter((name) => !selected.includes(name)),
    profileName: "test",
    profile: profile(),
    seed: 1,
    log: quiet,
    backend,
    ...options,
  });
const measuredRuntimes = (result: RunResult) => result.runtimes.filter((r): r is MeasuredRuntime => r.status === "measured");

describe("an interleaved run", () => {
  it("measures every (runtime, cell) once per round until the minimum, in blocks, and records round, slot, block and seed", async () => {
    const { backend, calls } = fakeBackend(steadyRatios);
    const result = await runWith(backend, { seed: 1234 });
    expect(result.run.order).toEqual({ kind: "blocks", seed: 1234, maxPairGapRuns: MAX_PAIR_GAP_RUNS });
    const runsPerRound = 3 * 3;
    for (let round = 0; round < 6; round++) {
      const inRound = calls.slice(round * runsPerRound, (round + 1) * runsPerRound);
      expect(new Set(inRound.map((call) => `${call.runtime} ${call.request.cell.cellId}`)).size).toBe(runsPerRound);
      // The in-process figure is taken in the first counted round only.
      expect(inRound.every((call) => call.request.measureInProcess === (round === 0))).toBe(true);
    }
    for (const runtime of measuredRuntimes(result)) {
      for (const cell of runtime.cells) {
        expect(cell.samples.slice(0, 6).map((s) => s.round)).toEqual([0, 1, 2, 3, 4, 5]);
        expect(cell.samples.every((s) => s.slot >= 0 && s.slot < runsPerRound && s.block.includes(" @ "))).toBe(true);
      }
    }
    expect(result.run.coreProbe.afterEachRound).toHaveLength(result.run.rounds.counted);
    // The probe as long as the profile says, and the result says how long.
    expect(result.run.coreProbe).toMatchObject({ start: { ms: [22, 22] }, rounds: 7 });
    expect(result.run.precision.perRound[0]).toMatchObject({ round: 0, runs: runsPerRound });
  });

  it("stops measuring settled comparisons after the minimum, and stops when every comparison settled", async () => {
    const { backend, calls } = fakeBackend(steadyRatios);
    const result = await runWith(backend);
    expect(result.run.precision.stoppedBy).toBe("settled");
    expect(result.run.rounds.counted).toBe(6);
    expect(calls).toHaveLength(6 * 9);
  });

  it("goes on measuring only what is still open: an unclear comparison's cells, no others", async () => {
    // bun's worker pool is as fast as its sequential run give or take 20% each round: that comparison stays open.
    const unclear: Wall = (runtime, cellId, call) =>
      runtime === "bun" && cellId.startsWith("cpu.worker-pool")
        ? 70 * (0.8 + (0.4 * ((call * 7919) % 13)) / 13)
        : steadyRatios(runtime, cellId, call);
    const { backend, calls } = fakeBackend(unclear);
    const result = await runWith(backend, { profile: profile({ rounds: { warmup: 0, min: 6, max: 12 } }) });
    expect(result.run.precision.stoppedBy).toBe("max-rounds");
    const later = new Set(calls.slice(6 * 9).map((call) => `${call.runtime} ${call.request.cell.cellId}`));
    // bun's pool and its baseline, and the other runtimes' pools it is compared with; nothing settled.
    expect(later).toContain("bun cpu.worker-pool/n=1000");
    expect(later).toContain("bun cpu.sequential/n=1000");
    expect(
      [...later].filter((run) => run.includes("io.") || run === "node cpu.sequential/n=1000" || run === "deno cpu.sequential/n=1000"),
    ).toEqual([]);
    expect(result.run.precision.perRound.slice(6).every((round) => round.runs === later.size)).toBe(true);
  });

  it("stops when the next round would not fit in the time budget", async () => {
    const noisy: Wall = (runtime, cellId) => steadyRatios(runtime, cellId, 0) * (0.5 + Math.random());
    const { backend } = fakeBackend(noisy);
    let clock = 0;
    const now = () => (clock += 5_000); // every reading of the clock is 5 s later
    const result = await runWith(backend, {
      profile: profile({ rounds: { warmup: 0, min: 3, max: 100 }, precision: { budgetMinutes: 10 } }),
      now,
    });
    expect(result.run.precision.stoppedBy).toBe("budget");
    expect(result.run.precision.measuringSeconds).toBeLessThanOrEqual(600);
    expect(result.run.rounds.counted).toBeGreaterThan(1);
  });

  it("stops at the maximum number of rounds", async () => {
    const noisy: Wall = (runtime, cellId) => steadyRatios(runtime, cellId, 0) * (0.5 + Math.random());
    const { backend } = fakeBackend(noisy);
    const result = await runWith(backend, {
      selected: ["node", "bun"],
      profile: profile({ rounds: { warmup: 0, min: 2, max: 4 }, precision: { budgetMinutes: 60 } }),
    });
    expect(result.run.precision.stoppedBy).toBe("max-rounds");
    expect(result.run.rounds.counted).toBe(4);
  });

  it("records a runtime that cannot run, and one left out with --runtimes, as n/a with the reason", async () => {
    const { backend, calls } = fakeBackend(steadyRatios, { unavailable: ["bun"] });
    const result = await runWith(backend, { selected: ["node", "bun"], notSelectedReason: "not selected: --runtimes node,bun" });
    expect(result.runtimes.map((r) => [r.name, r.status, r.status === "n/a" ? [r.selected, r.reason] : null])).toEqual([
      ["node", "measured", null],
      ["bun", "n/a", [true, "bun could not start: ENOENT"]],
      ["deno", "n/a", [false, "not selected: --runtimes node,bun"]],
    ]);
    expect(new Set(calls.map((call) => call.runtime))).toEqual(new Set(["node"]));
  });

  it("measures two contenders of one runtime as two columns, side by side, and records each one's label and source", async () => {
    const { backend, calls } = fakeBackend(steadyRatios);
    const [node, bun] = pinned(["node", "bun"]);
    const older = {
      ...node!,
      label: "node 24",
      record: { source: { kind: "registry" as const, requested: "24", version: "24.21.0" }, flags: [] },
    };
    const result = await runWith(backend, { contenders: [older, node!, bun!], notSelected: ["deno"] });
    expect(result.runtimes.map((r) => [r.name, r.label, r.contender?.source.kind, r.status])).toEqual([
      ["node", "node 24", "registry", "measured"],
      ["node", "node", "pinned", "measured"],
      ["bun", "bun", "pinned", "measured"],
      ["deno", undefined, undefined, "n/a"],
    ]);
    // Both node columns ran every cell, in the same blocks, next to each other.
    const [first, second] = measuredRuntimes(result);
    for (const [index, cell] of first!.cells.entries()) {
      const other = second!.cells[index]!;
      for (const [at, sample] of cell.samples.entries()) {
        expect(other.samples[at]!.block).toBe(sample.block);
        if (cell.group === "headline") expect(Math.abs(other.samples[at]!.slot - sample.slot), cell.cellId).toBe(1);
      }
    }
    expect(calls.length).toBeGreaterThan(0);
  });

  it("an interruption keeps the runs finished before it, and none that it cut short", async () => {
    const interruption = new AbortController();
    const { backend } = fakeBackend(steadyRatios, { onMeasure: (call) => call === 12 && interruption.abort("SIGTERM") });
    const run = runWith(backend, { signal: interruption.signal });
    const error = await run.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RunInterruptedError);
    const partial = (error as RunInterruptedError).partial;
    expect(partial.run.precision.stoppedBy).toBe("interrupted");
    const kept = measuredRuntimes(partial).flatMap((r) => r.cells.flatMap((cell) => [...cell.warmup, ...cell.samples]));
    expect(kept).toHaveLength(11); // the 12th run was under way when the signal came
  });
});
