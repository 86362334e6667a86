/**
 * One fresh measurement process measuring one cell once, with the meter running between its timing gates.
 */

import { type CellRequest, cellRequestSchema, type GateMessage, type MeasuredOutput } from "@runtime-bench/model/measurement-protocol";
import type { CellSample } from "@runtime-bench/model/schema";
import { z } from "zod";
import { type ExtraAccess, type MeasurementCommand, runMeasurementProcess } from "./measurement-process.ts";
import { type MeterReading, startResourceMeter } from "./resource-meter.ts";
import { withScratchFolder } from "./scratch-folder.ts";

/** What one run of a cell came to: a sample, "n/a" for this runtime, or why it failed. */
export type MeasureOutcome =
  | { kind: "measured"; output: MeasuredOutput; sample: Omit<CellSample, "round" | "slot" | "block"> }
  | { kind: "n/a"; reason: string }
  | { kind: "failed"; reason: string };

/**
 * `serverPid`: the mock API's process, whose CPU time in the window is recorded apart (null: none). A file cell
 * gets a scratch folder of its own, removed when the run ends, however it ends. The request is checked before any
 * process starts (measurement-protocol.ts), and sent as checked, every default filled in.
 */
export function measureOnce(
  command: MeasurementCommand,
  request: CellRequest,
  timeoutMs: number,
  serverPid: number | null = null,
): Promise<MeasureOutcome> {
  const checked = cellRequestSchema.safeParse(request);
  if (!checked.success) return Promise.resolve({ kind: "failed", reason: `invalid cell request: ${z.prettifyError(checked.error)}` });
  request = checked.data;
  const { params } = request.cell;
  const withAccess = (access: ExtraAccess) => ({ ...command, argv: command.argvWithAccess?.(access) ?? command.argv });
  if (params.kind === "io") {
    const host = params.target === "real" ? hostOf(params.baseUrl) : null;
    const started = host || params.task ? withAccess({ folder: null, host, ...(params.task ? { task: params.task } : {}) }) : command;
    const clientEnv = command.clientEnv?.[params.client];
    return measureIn(clientEnv ? { ...started, env: { ...started.env, ...clientEnv } } : started, request, timeoutMs, serverPid);
  }
  if (params.kind === "cpu" && params.task)
    return measureIn(withAccess({ folder: null, host: null, task: params.task }), request, timeoutMs, serverPid);
  if (params.kind !== "files") return measureIn(command, request, timeoutMs, serverPid);
  return withScratchFolder((folder) =>
    measureIn(withAccess({ folder, host: null }), { ...request, scratchDir: folder }, timeoutMs, serverPid),
  );
}

async function measureIn(
  command: MeasurementCommand,
  request: CellRequest,
  timeoutMs: number,
  serverPid: number | null,
): Promise<MeasureOutcome> {
  let meter: ReturnType<typeof startResourceMeter> | undefined;
  let reading: MeterReading | undefined;
  const gates: Partial<Record<GateMessage["gate"], GateMessage>> = {};
  const startedAtMs = Date.now();
  const outcome = await runMeasurementProcess(command, ["--cell", JSON.stringify(request)], timeoutMs, (gate, pid) => {
    gates[gate.gate] = gate;
    if (gate.gate === "timing-start") meter = startResourceMeter(pid, serverPid);
    else reading = meter?.stop();
  });
  const endedAtMs = Date.now();
  // A process killed inside its timed window never reached the second gate: stop metering it all the same.
  if (!reading) meter?.stop();
  if (!outcome.ok) return { kind: "failed", reason: outcome.error };
  const { message } = outcome;
  if (message.type === "not-applicable") return { kind: "n/a", reason: message.reason };
  if (message.type !== "measured") return { kind: "failed", reason: `answered a cell with a "${message.type}" message` };
  if (!reading || !gates["timing-start"] || !gates["timing-end"])
    return { kind: "failed", reason: "the measurement process never passed its timing gates" };
  const sample = toSample(message.output, reading, gates["timing-start"], gates["timing-end"]);
  return { kind: "measured", output: message.output, sample: { ...sample, startedAtMs, endedAtMs } };
}

function toSample(
  output: MeasuredOutput,
  reading: MeterReading,
  start: GateMessage,
  end: GateMessage,
): Omit<CellSample, "round" | "slot" | "block" | "startedAtMs" | "endedAtMs"> {
  const children = reading.childrenCpuMs;
  const cpuMs = children && {
    user: (end.cpuUs.user - start.cpuUs.user) / 1000 + children.user,
    system: (end.cpuUs.system - start.cpuUs.system) / 1000 + children.system,
  };
  const busyCores = cpuMs && output.windowMs > 0 ? (cpuMs.user + cpuMs.system) / output.windowMs : null;
  return {
    wallMs: output.wallMs,
    cpuMs,
    busyCores,
    otherLoadCores: busyCores !== null && reading.machineBusyCores !== null ? Math.max(0, reading.machineBusyCores - busyCores) : null,
    peakPssKiB: reading.peakPssKiB,
    memoryPolls: reading.memoryPolls,
    mainThreadCores: reading.mainThreadCores,
    executors: output.executors,
    eventLoopLag: output.eventLoopLag,
    requestLatency: output.requestLatency,
    serverBusyCores: reading.serverCpuMs !== null && output.windowMs > 0 ? reading.serverCpuMs / output.windowMs : null,
  };
}

/** The host:port a real target names (a URL or a connection string such as postgres://user@db:5432/app), or null. */
function hostOf(target: string): string | null {
  try {
    return new URL(target).host || null;
  } catch {
    return null;
  }
}
