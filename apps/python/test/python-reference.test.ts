import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { measureOnce } from "@runtime-bench/launcher/measure-once";
import { type MeasurementCommand, runMeasurementProcess } from "@runtime-bench/launcher/measurement-process";
import { onPath } from "@runtime-bench/launcher/runtime-binaries";
import { type RunningMockApi, startMockApi } from "@runtime-bench/mock-api";
import {
  type CellRequest,
  type GateAnswer,
  type MeasurementMessage,
  measurementMessageSchema,
  OUTPUT_TAG,
} from "@runtime-bench/model/measurement-protocol";
import { binaryOverrideVariable } from "@runtime-bench/model/runtimes";
import type { CellSpec, CpuCellParams, IoCellParams } from "@runtime-bench/model/scenarios/params";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launches, outsideTheLesson } from "../src/launch.ts";

const CELL_TIMEOUT_MS = 60_000;

/** Each interpreter as the bench starts it (src/launch.ts: its binary, its environment), or null where it is not installed. */
const launchOf = (runtime: "cpython" | "pypy" | "jython"): MeasurementCommand | null => {
  const launch = launches.find((candidate) => candidate.runtime === runtime)!;
  return onPath(launch.command.argv[0]!) ? launch.command : null;
};
const python = launchOf("cpython");

function cpuCell(scenarioId: string, params: Partial<CpuCellParams> = {}): CellRequest {
  return request(scenarioId, { kind: "cpu", workload: "sum-of-squares", tasks: 4, n: 100_000, workers: 2, ...params });
}

function ioCell(scenarioId: string, baseUrl: string, params: Partial<IoCellParams> = {}): CellRequest {
  return request(scenarioId, {
    kind: "io",
    requests: 8,
    concurrency: 4,
    workers: 4,
    latencyMs: 20,
    requestTimeoutMs: 10_000,
    baseUrl,
    client: "default",
    warmUpRequests: 8,
    target: "mock-api",
    ...params,
  });
}

function request(scenarioId: string, params: CellSpec["params"]): CellRequest {
  const cell: CellSpec = {
    group: "headline",
    cellId: `${scenarioId}/test`,
    scenarioId,
    size: "test",
    params,
    baseline: null,
    pairedWith: null,
    comparedAcrossRuntimes: true,
  };
  return { cell, measureInProcess: false };
}

/** A measured cell's output and the meter's sample, or the test fails with the reason. */
async function measured(command: MeasurementCommand, cell: CellRequest) {
  const outcome = await measureOnce(command, cell, CELL_TIMEOUT_MS);
  if (outcome.kind !== "measured") throw new Error(`${cell.cell.cellId}: ${outcome.kind}: ${outcome.reason}`);
  expect(outcome.output.cellId).toBe(cell.cell.cellId);
  expect(outcome.output.errors).toEqual([]);
  expect(outcome.output.inProcess).toBeNull();
  expect(outcome.output.eventLoopLag.samples).toBeGreaterThanOrEqual(1);
  expect(outcome.output.windowMs).toBeGreaterThanOrEqual(outcome.output.wallMs);
  expect(outcome.sample.cpuMs).not.toBeNull(); // the launcher read the tree between the gates
  return outcome;
}

async function notApplicable(command: MeasurementCommand, cell: CellRequest): Promise<string> {
  const outcome = await measureOnce(command, cell, CELL_TIMEOUT_MS);
  if (outcome.kind !== "n/a") throw new Error(`${cell.cell.cellId}: expected n/a, got ${JSON.stringify(outcome)}`);
  return outcome.reason;
}

/** `--describe`, validated by the schema the launcher reads it with (the registry names the Python references). */
async function describeRuntime(command: MeasurementCommand) {
  const outcome = await runMeasurementProcess(command, ["--describe"], CELL_TIMEOUT_MS);
  if (!outcome.ok) throw new Error(outcome.error);
  if (outcome.message.type !== "described") throw new Error(`--describe answered with a "${outcome.message.type}" message`);
  const output = outcome.message.description;
  expect(output.runtime.version).toMatch(/^\d+\.\d+\.\d+/);
  return output;
}

/**
 * Every tagged line the app prints for `args`, each parsed with the schema the launcher reads it with, by a reader
 * of its own (not the launcher's): a line that does not match fails the test. A waiting gate is answered.
 */
async function messagesOf(command: MeasurementCommand, args: string[]): Promise<MeasurementMessage[]> {
  const [program, ...programArgs] = command.argv;
  const child = spawn(program!, [...programArgs, ...args], { env: { ...process.env, ...command.env }, stdio: ["pipe", "pipe", "ignore"] });
  const messages: MeasurementMessage[] = [];
  for await (const line of createInterface({ input: child.stdout })) {
    if (!line.startsWith(OUTPUT_TAG)) continue;
    const message = measurementMessageSchema.parse(JSON.parse(line.slice(OUTPUT_TAG.length)));
    messages.push(message);
    if (message.type === "gate" && message.waits) child.stdin.write(`${JSON.stringify({ type: "gate-passed" } satisfies GateAnswer)}\n`);
  }
  return messages;
}

const typesOf = (messages: MeasurementMessage[]) => messages.map((message) => (message.type === "gate" ? message.gate : message.type));

describe("which cells the Python reference runs (decided by the launcher alone, src/launch.ts)", () => {
  const cellOf = (request: CellRequest) => request.cell;

  it("runs the lesson's headline cells of its scenarios", () => {
    for (const scenarioId of ["cpu.sequential", "cpu.async-main", "cpu.worker-pool", "cpu.process-per-task"])
      expect(outsideTheLesson(cellOf(cpuCell(scenarioId, { n: 10_000_000 }))), scenarioId).toBeNull();
    for (const scenarioId of ["io.sequential", "io.async-fetch", "io.worker-threads"])
      expect(outsideTheLesson(cellOf(ioCell(scenarioId, "http://127.0.0.1:1"))), scenarioId).toBeNull();
  });

  it("says n/a, with the reason, to every other cell, before any interpreter starts", () => {
    const sweep = { ...cellOf(cpuCell("cpu.worker-pool")), group: "scaling" as const };
    expect(outsideTheLesson(sweep)).toMatch(/the headline cells, not the scaling cells/);
    expect(outsideTheLesson(cellOf(cpuCell("cpu.worker-pool", { n: 300_000_000 })))).toMatch(/at the lesson's size/);
    expect(outsideTheLesson(cellOf(ioCell("io.async-client", "http://127.0.0.1:1")))).toMatch(/one HTTP client per model/);
    expect(outsideTheLesson(cellOf(ioCell("io.async-fetch", "http://127.0.0.1:1", { client: "node-http" })))).toMatch(
      /no node-http client is set up for this runtime/,
    );
    expect(outsideTheLesson(cellOf(cpuCell("cpu.worker-pool", { workload: "prime-sieve", n: 1_000_000 })))).toMatch(/sum of squares/);
    expect(outsideTheLesson(cellOf(cpuCell("cpu.no-such-model")))).toMatch(/no scenario cpu\.no-such-model here/);
  });
});

describe("the Python reference on CPython", () => {
  if (!python) throw new Error(`no Python interpreter: python3 is not on PATH (or set ${binaryOverrideVariable("cpython")})`);
  const command = python;

  it("describes itself: the interpreter, its clock and its HTTP clients", async () => {
    const output = await describeRuntime(command);
    expect(output.runtime.runtime).toBe("cpython");
    expect(output.runtime.engine).toBe("CPython");
    expect(output.runtime.reportedParallelism).toBeGreaterThanOrEqual(1);
    expect(output.httpClients.default.name).toMatch(/asyncio/);
    expect(output.httpClients["urllib-request"]?.name).toMatch(/urllib\.request/);
    expect(output.clock.resolutionMs).toBeGreaterThan(0);
    expect(output.clock.callOverheadNs).toBeGreaterThan(0);
  });

  it.each([
    ["cpu.sequential", /for loop/],
    ["cpu.async-main", /asyncio\.gather/],
    ["cpu.worker-pool", /ThreadPoolExecutor\(2\)/],
    ["cpu.process-pool", /multiprocessing\.Pool\(2\), start method spawn/],
  ])("measures %s: 4 verified tasks, no executors started in the timed part", async (scenarioId, implementation) => {
    const { output } = await measured(command, cpuCell(scenarioId));
    expect(output.tasks).toBe(4);
    expect(output.implementation).toMatch(implementation);
    expect(output.executors).toEqual([]);
    expect(output.requestLatency).toBeNull();
  });

  it.each([
    ["cpu.worker-per-task", "worker", /threading\.Thread per task/],
    ["cpu.process-per-task", "process", /multiprocessing\.Process per task, start method spawn/],
  ])("measures %s with the start-up and teardown of each fresh executor", async (scenarioId, kind, implementation) => {
    const { output } = await measured(command, cpuCell(scenarioId));
    expect(output.tasks).toBe(4);
    expect(output.implementation).toMatch(implementation);
    expect(output.executors).toHaveLength(4);
    for (const executor of output.executors) {
      expect(executor.kind).toBe(kind);
      expect(executor.readyMs).toBeGreaterThan(0);
      expect(executor.teardownMs).not.toBeNull();
    }
  });

  describe("against the mock API", () => {
    let api: RunningMockApi;
    beforeAll(async () => {
      api = await startMockApi({ latencyMs: 0 });
    });
    afterAll(() => api.close());

    it.each([
      // Ideal wall times at 20 ms a request: 8 one after another, and 8 at 4 in flight (timers never fire early).
      ["io.sequential", /urllib\.request/, 8 * 20],
      ["io.async-fetch", /asyncio, a minimal HTTP\/1\.1 client/, 2 * 20],
      ["io.worker-threads", /ThreadPoolExecutor\(4\), urllib\.request\.urlopen in each, 4 in flight/, 2 * 20],
    ])("measures %s: every post fetched once and verified, with its latency", async (scenarioId, implementation, idealMs) => {
      const before = api.requestCount();
      const { output } = await measured(command, ioCell(scenarioId, api.url));
      // The 8 warm-up requests and the 8 measured ones, each made once.
      expect(api.requestCount() - before).toBe(16);
      expect(output.tasks).toBe(8);
      expect(output.implementation).toMatch(implementation);
      expect(output.wallMs).toBeGreaterThanOrEqual(idealMs - 1);
      const latency = output.requestLatency!;
      expect(latency.requests).toBe(8);
      expect(latency.p50Ms).toBeGreaterThanOrEqual(19);
      expect(latency.p99Ms).toBeGreaterThanOrEqual(latency.p50Ms);
    });

    it("says when its threads cannot have the requests in flight the cell asks for", async () => {
      const { output } = await measured(command, ioCell("io.worker-threads", api.url, { concurrency: 4, workers: 2 }));
      expect(output.implementation).toMatch(/ThreadPoolExecutor\(2\).*2 in flight/);
      expect(output.notes.join("\n")).toMatch(/2 in flight, not 4/);
    });

    it("reports failed requests as errors of the cell, not as timings", async () => {
      const failing = await startMockApi({ latencyMs: 0, errorEvery: 3 });
      try {
        // One warm-up request (the 1st, answered), then the 2nd to 7th: the 3rd and the 6th answer 503.
        const cell = ioCell("io.sequential", failing.url, { requests: 6, concurrency: 1, workers: 1, latencyMs: 0, warmUpRequests: 0 });
        const outcome = await measureOnce(command, cell, CELL_TIMEOUT_MS);
        if (outcome.kind !== "measured") throw new Error(`${outcome.kind}: ${outcome.reason}`);
        expect(outcome.output.errors).toHaveLength(2);
        for (const error of outcome.output.errors) expect(error).toMatch(/^fetch-posts\(1 posts\) failed: .*HTTP 503/);
        expect(outcome.output.requestLatency?.requests).toBe(4);
      } finally {
        await failing.close();
      }
    });
  });

  it("prints only messages of the launcher's protocol (measurement-protocol.ts), in order", async () => {
    expect(typesOf(await messagesOf(command, ["--describe"]))).toEqual(["described"]);
    for (const scenarioId of ["cpu.worker-per-task", "cpu.async-main"]) {
      const messages = await messagesOf(command, ["--cell", JSON.stringify(cpuCell(scenarioId))]);
      expect(typesOf(messages), scenarioId).toEqual(["timing-start", "timing-end", "measured"]);
    }
    expect(typesOf(await messagesOf(command, ["--cell", JSON.stringify(cpuCell("io.sequential"))]))).toEqual(["error"]);
    expect(typesOf(await messagesOf(command, ["--bogus"]))).toEqual(["error"]);
  });

  it("fails with a message on a bad argument or a cell it cannot read", async () => {
    const bad = async (args: string[]) => {
      const outcome = await runMeasurementProcess(command, args, CELL_TIMEOUT_MS);
      if (outcome.ok) throw new Error(`${args.join(" ")}: expected a failure`);
      return outcome.error;
    };
    expect(await bad(["--bogus"])).toMatch(/exited with code 1: usage: main\.py --describe \| --cell <json>/);
    expect(await bad(["--cell", "{not json"])).toMatch(/exited with code 1: --cell takes a CellRequest as JSON/);
    const mismatched = cpuCell("io.sequential");
    expect(await bad(["--cell", JSON.stringify(mismatched)])).toMatch(/scenario io\.sequential takes io parameters, the cell has cpu ones/);
  });
});

const pypy = launchOf("pypy");

describe.runIf(pypy)("the Python reference on PyPy 3 (where installed)", () => {
  const command = pypy!;

  it("describes itself as pypy and runs the threads, the processes and asyncio", async () => {
    const output = await describeRuntime(command);
    expect(output.runtime.runtime).toBe("pypy");
    expect(output.runtime.engine).toBe("PyPy");
    for (const scenarioId of ["cpu.worker-pool", "cpu.process-pool", "cpu.async-main"]) {
      expect((await measured(command, cpuCell(scenarioId))).output.tasks).toBe(4);
    }
  });
});

// Jython's launcher is a shell script that finds java on PATH.
const jython = launchOf("jython");

describe.runIf(jython)("the Python reference on Jython 2.7 (where installed)", () => {
  const command = jython!;

  it("describes itself as jython, runs the CPU cells on threads and says n/a to the rest", async () => {
    const output = await describeRuntime(command);
    expect(output.runtime.runtime).toBe("jython");
    const { output: pool } = await measured(command, cpuCell("cpu.worker-pool"));
    expect(pool.notes.join("\n")).toMatch(/no GIL/);
    expect(await notApplicable(command, cpuCell("cpu.process-pool"))).toMatch(/has no multiprocessing/);
  }, 60_000);
});
