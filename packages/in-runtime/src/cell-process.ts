/**
 * What runs inside a runtime under test: one fresh process measures one cell (or describes the runtime)
 * and reports on tagged stdout lines. Around the timed part it stops at two gates, so the launcher can read
 * the process's CPU, cores and memory from /proc exactly at the edges of the timed window (Deno cannot read
 * /proc itself without --allow-all). Everything here is runtime-neutral; the app passes in its primitives.
 */
import { createInterface } from "node:readline";
import { NotApplicableError, toMessage } from "@runtime-bench/model/errors";
import {
  type CellRequest,
  cellRequestSchema,
  gateAnswerSchema,
  type MeasurementMessage,
  OUTPUT_TAG,
} from "@runtime-bench/model/measurement-protocol";
import type { DescribeOutput, RequestLatency } from "@runtime-bench/model/schema";
import { quantile } from "@runtime-bench/model/stats";
import { describeTask, loadUserTask, type Task, taskTransferList, verifyTask, warmUp, withPermissionHint } from "@runtime-bench/workloads";
import { z } from "zod";
import { measureInProcess } from "./in-process.ts";
import { startLagSampler } from "./lag-sampler.ts";
import type { RuntimePrimitives } from "./primitives.ts";
import type { TaskReply } from "./protocol.ts";
import { getScenario, type PreparedCell, prepareCell } from "./scenarios/index.ts";

export async function runCellProcess(primitives: RuntimePrimitives, argv: readonly string[]): Promise<never> {
  try {
    if (argv[0] === "--describe") emit({ type: "described", description: describe(primitives) });
    else if (argv[0] === "--cell" && argv[1]) emit(await measureCell(primitives, readCellRequest(argv[1])));
    else throw new Error(`usage: main.ts --describe | --cell <json>; got: ${argv.join(" ")}`);
    process.exit(0);
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    // The message itself, tagged, so the launcher reports it rather than the tail of a stack trace.
    emit({ type: "error", message: toMessage(error) });
    process.exit(1);
  }
}

function emit(message: MeasurementMessage): void {
  console.log(OUTPUT_TAG + JSON.stringify(message));
}

/** The request, checked before anything is prepared or timed (the launcher checked it before sending it, too). */
function readCellRequest(json: string): CellRequest {
  const parsed = cellRequestSchema.safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error(`--cell takes a CellRequest as JSON: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * The two gates around the timed part, each announcing this process's CPU time: every runtime reports it
 * through process.cpuUsage() (getrusage, µs), which the /proc tick counters (10 ms) are too coarse for on a
 * cell of a few milliseconds. Only the end gate waits for the launcher's answer (see GateMessage), and checks it
 * once it has come, off the clock.
 */
function createGates(): { start(): void; end(): Promise<void> } {
  const answers = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  return {
    start: () => emit({ type: "gate", gate: "timing-start", cpuUs: process.cpuUsage(), waits: false }),
    async end() {
      emit({ type: "gate", gate: "timing-end", cpuUs: process.cpuUsage(), waits: true });
      const answer = await answers.next();
      if (answer.done) throw new Error("the launcher went away at the end of the timed part");
      gateAnswerSchema.parse(JSON.parse(answer.value));
    },
  };
}

function describe(primitives: RuntimePrimitives): DescribeOutput {
  return {
    runtime: primitives.describe(),
    httpClients: primitives.httpClients,
    clock: measureClock(),
    nativeOffload: primitives.labels.nativeOffload,
    files: primitives.labels.files,
  };
}

/** Resolution and call cost of performance.now(), the one clock every runtime is timed with. */
function measureClock(): DescribeOutput["clock"] {
  let smallestStepMs = Number.POSITIVE_INFINITY;
  const calls = 100_000;
  const start = performance.now();
  let previous = start;
  for (let i = 0; i < calls; i++) {
    const now = performance.now();
    if (now > previous) smallestStepMs = Math.min(smallestStepMs, now - previous);
    previous = now;
  }
  return { resolutionMs: smallestStepMs, callOverheadNs: ((previous - start) / calls) * 1e6 };
}

async function measureCell(
  primitives: RuntimePrimitives,
  { cell, measureInProcess: inProcessWanted, scratchDir }: CellRequest,
): Promise<Extract<MeasurementMessage, { type: "measured" | "not-applicable" }>> {
  const scenario = getScenario(cell.scenarioId);
  const gates = createGates();
  const cores = primitives.describe().reportedParallelism;
  let prepared: PreparedCell;
  const task = cell.params.kind === "cpu" || cell.params.kind === "io" ? cell.params.task : undefined;
  if (task) {
    primitives.grantTask?.(task);
    // A module this runtime cannot load (a Node-only import, another runtime's global) is n/a here, in the loader's words.
    const unloadable = await loadUserTask(task.module).then(
      () => null,
      (error: unknown) => {
        // A permission Deno refused fails the cell, saying which one and how to grant it: the runtime could load the task.
        const hinted = withPermissionHint(error);
        if (hinted !== error) throw hinted;
        return toMessage(error);
      },
    );
    if (unloadable !== null)
      return { type: "not-applicable", cellId: cell.cellId, reason: `${task.name}: this runtime cannot load the task: ${unloadable}` };
  }
  try {
    prepared = await prepareCell(scenario, cell.params, { primitives, cores, scratchDir: scratchDir ?? null });
  } catch (error) {
    if (error instanceof NotApplicableError) return { type: "not-applicable", cellId: cell.cellId, reason: error.message };
    throw error;
  }

  // The warm-up right before the timed part, with nothing in between that waits.
  warmUp();
  gates.start();
  const lag = startLagSampler();
  const start = performance.now();
  const replies = await prepared.run();
  const wallMs = performance.now() - start;
  const eventLoopLag = lag.stop();
  // Off the clock: the executors' teardowns, so their CPU time still falls inside the metered window.
  const executors = (await prepared.executors?.()) ?? [];
  const windowMs = performance.now() - start;
  await gates.end();

  const moved = movedInputs(prepared.tasks);
  const errors = [...verifyReplies(prepared.tasks, replies), ...(moved?.error ? [moved.error] : [])];
  // Only verified work is worth repeating; the in-process figure is per call, so scale the observed time.
  const callMs = prepared.inProcess?.label === "one task" ? wallMs / prepared.tasks.length : wallMs;
  const inProcess =
    inProcessWanted && prepared.inProcess && errors.length === 0 ? await measureInProcess(prepared.inProcess, callMs) : null;
  await prepared.dispose();
  return {
    type: "measured",
    output: {
      cellId: cell.cellId,
      wallMs,
      windowMs,
      errors,
      tasks: replies.length,
      implementation: prepared.implementation,
      notes: moved?.note ? [...prepared.notes, moved.note] : prepared.notes,
      inProcess,
      executors,
      eventLoopLag,
      requestLatency: requestLatencyOf(prepared.tasks, replies),
    },
  };
}

/** Percentiles of the answered requests' (or a user's I/O units') latencies; null for other work. */
function requestLatencyOf(tasks: readonly Task[], replies: readonly TaskReply[]): RequestLatency | null {
  if (!tasks.every((task) => task.kind === "fetch-posts" || task.kind === "user-io-task")) return null;
  const latencies = replies.flatMap((reply) => (reply.ok && reply.ms !== undefined ? [reply.ms] : []));
  if (latencies.length === 0) return null;
  return { p50Ms: quantile(latencies, 0.5), p99Ms: quantile(latencies, 0.99), requests: latencies.length };
}

/**
 * Where a task's input was to be moved (its transfer mark), whether it was: every buffer it named is detached from the
 * main thread once sent. A buffer still here was copied, and the figure would not be the zero-copy one it claims.
 */
function movedInputs(tasks: readonly Task[]): { note?: string; error?: string } | null {
  const buffers = tasks.flatMap((task) => taskTransferList(task));
  if (buffers.length === 0) return null;
  const kept = buffers.filter((buffer) => buffer.byteLength > 0).length;
  return kept === 0
    ? { note: `input moved, not copied: all ${buffers.length} buffers the task's transfer named were detached once sent` }
    : { error: `${kept} of ${buffers.length} buffers the task's transfer named were still here after the run: copied, not moved` };
}

/** Every reply checked against its task: a failed or wrong task is an error, never a timing. */
function verifyReplies(tasks: Task[], replies: TaskReply[]): string[] {
  const errors: string[] = [];
  tasks.forEach((task, index) => {
    const reply = replies[index];
    try {
      if (!reply) throw new Error(`no reply for ${describeTask(task)}`);
      if (!reply.ok) throw new Error(`${describeTask(task)} failed: ${reply.error}`);
      verifyTask(task, reply.value);
    } catch (error) {
      errors.push(toMessage(error));
    }
  });
  return errors;
}
