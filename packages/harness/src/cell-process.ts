/**
 * What runs inside a runtime under test: one fresh process measures one cell (or describes the runtime)
 * and prints a single tagged JSON line for the launcher. Everything here is runtime-neutral; the app only
 * passes in its primitives.
 */
import { describeTask, verifyTask, warmUp, type Task } from "@runtime-bench/workloads";
import { coreBusyShare, readCoreTimes, readPeakRssKiB, readProcessTreeCpu, type ProcessTreeCpu } from "./proc.ts";
import type { RuntimePrimitives } from "./primitives.ts";
import type { TaskReply } from "./protocol.ts";
import { getScenario, type CellSpec } from "./scenarios/index.ts";
import type { CellSample, DescribeOutput } from "./schema.ts";

/** Marks the one stdout line the launcher reads, so runtime warnings on stdout cannot be mistaken for it. */
export const OUTPUT_TAG = "@@runtime-bench ";

export async function runCellProcess(primitives: RuntimePrimitives, argv: readonly string[]): Promise<never> {
  try {
    if (argv[0] === "--describe") emit(describe(primitives));
    else if (argv[0] === "--cell" && argv[1]) emit(await measureCell(primitives, JSON.parse(argv[1]) as CellSpec));
    else throw new Error(`usage: main.ts --describe | --cell <json>; got: ${argv.join(" ")}`);
    process.exit(0);
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  }
}

function emit(output: DescribeOutput | CellSample): void {
  console.log(OUTPUT_TAG + JSON.stringify(output));
}

function describe(primitives: RuntimePrimitives): DescribeOutput {
  return { runtime: primitives.describe(), httpClient: primitives.httpClient, clock: measureClock() };
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

async function measureCell(primitives: RuntimePrimitives, spec: CellSpec): Promise<CellSample> {
  const scenario = getScenario(spec.scenarioId);
  warmUp();
  const cores = primitives.describe().reportedParallelism;
  const prepared = await scenario.prepare({ primitives, params: spec.params, cores });

  const cpuBefore = readProcessTreeCpu();
  const coresBefore = readCoreTimes();
  const start = performance.now();
  const replies = await prepared.run();
  const wallMs = performance.now() - start;
  const coresAfter = readCoreTimes();
  const cpuAfter = readProcessTreeCpu();

  await prepared.dispose();
  return {
    cellId: spec.cellId,
    wallMs,
    cpuMs: cpuBefore && cpuAfter ? cpuDelta(cpuBefore, cpuAfter) : null,
    coreBusy: coresBefore && coresAfter ? coreBusyShare(coresBefore, coresAfter) : null,
    peakRssKiB: treePeakRss(replies),
    errors: verifyReplies(prepared.tasks, replies),
    tasks: replies.length,
    implementation: prepared.implementation,
    notes: prepared.notes,
  };
}

function cpuDelta(before: ProcessTreeCpu, after: ProcessTreeCpu) {
  return {
    user: after.userMs - before.userMs + (after.childrenUserMs - before.childrenUserMs),
    system: after.systemMs - before.systemMs + (after.childrenSystemMs - before.childrenSystemMs),
  };
}

/** This process's peak plus each child process's own peak (children report theirs before they exit). */
function treePeakRss(replies: TaskReply[]): number | null {
  const own = readPeakRssKiB();
  if (own === null) return null;
  return replies.reduce((sum, reply) => sum + (reply.ok && reply.peakRssKiB ? reply.peakRssKiB : 0), own);
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
      errors.push((error as Error).message);
    }
  });
  return errors;
}
