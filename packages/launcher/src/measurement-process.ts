/**
 * Starts one fresh measurement process of a runtime, answers its timing gates, collects its final tagged
 * output line, and makes sure nothing it started outlives it: it runs in a process group of its own, which
 * is killed when it is done or when it overruns its time. Every tagged line is checked against the protocol
 * (measurement-protocol.ts) here, in the launcher's process, so the measured process pays nothing for it.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { toMessage } from "@runtime-bench/model/errors";
import {
  type FinalMessage,
  type GateAnswer,
  type GateMessage,
  type MeasurementMessage,
  measurementMessageSchema,
  OUTPUT_TAG,
} from "@runtime-bench/model/measurement-protocol";
import { OutputTail } from "@runtime-bench/model/output-tail";
import type { TaskPermissions } from "@runtime-bench/model/scenarios/params";
import type { HttpClientId } from "@runtime-bench/workloads";
import { z } from "zod";
import { childEnvironment } from "./child-environment.ts";

/** The process's last message (an error message is never `ok`), or why there is none. */
export type MeasurementOutcome = { ok: true; message: Exclude<FinalMessage, { type: "error" }> } | { ok: false; error: string };

export interface MeasurementCommand {
  /** Program and arguments up to the entry file; measurement arguments are appended. */
  argv: string[];
  env?: Record<string, string>;
  /**
   * The argv of a process that may also read and write a scratch folder, or reach a host beyond loopback, where the
   * runtime must be told (Deno's permissions); absent where the runtime needs no telling.
   */
  argvWithAccess?: (access: ExtraAccess) => string[];
  /** Variables an HTTP client needs set when the process starts (Bun reads its fetch's in-flight limit only then). */
  clientEnv?: Partial<Record<HttpClientId, Record<string, string>>>;
}

/**
 * What a cell needs beyond the defaults: a file cell's scratch folder; the real API's host:port (--target); a user's
 * task (--task): its package folder, to read, and what its definition asks for besides (TaskPermissions).
 */
export interface ExtraAccess {
  folder: string | null;
  host: string | null;
  task?: { folder: string; permissions?: TaskPermissions } | null;
}

/** Called at each gate, before the process is let through; `pid` is the measurement process. */
export type GateHandler = (gate: GateMessage, pid: number) => void;

/** Process groups of measurement processes still running, so an interrupted run can stop them all. */
const runningGroups = new Set<number>();

/** Kills every measurement process (and its workers and children) that is still running. */
export function stopAllMeasurementProcesses(): void {
  for (const pid of runningGroups) killGroup(pid);
}

export function runMeasurementProcess(
  command: MeasurementCommand,
  args: string[],
  timeoutMs: number,
  onGate: GateHandler = () => {},
): Promise<MeasurementOutcome> {
  return new Promise((resolve) => {
    const [program, ...programArgs] = command.argv;
    const child = spawn(program!, [...programArgs, ...args], {
      detached: true, // its own process group, so the whole tree can be stopped at once
      stdio: ["pipe", "pipe", "pipe"],
      env: { ...childEnvironment(), ...command.env },
    });
    if (child.pid !== undefined) runningGroups.add(child.pid);
    let final: FinalMessage | undefined;
    /** The first line that broke the protocol: the run fails with it, whatever else the process said. */
    let malformed: string | undefined;
    const stderr = new OutputTail();
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => stderr.push(chunk));
    child.stdin.on("error", () => {}); // the process may exit before reading its answer
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (!line.startsWith(OUTPUT_TAG)) return;
      const message = readMessage(line.slice(OUTPUT_TAG.length));
      if (typeof message === "string") {
        // Stopped at once: waiting for an answer it will not get, it would only run into its timeout.
        malformed ??= message;
        killGroup(child.pid);
      } else if (message.type === "gate") {
        if (child.pid !== undefined) onGate(message, child.pid);
        if (message.waits) child.stdin.write(`${JSON.stringify({ type: "gate-passed" } satisfies GateAnswer)}\n`);
      } else {
        final = message;
      }
    });

    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);

    const finish = (outcome: MeasurementOutcome) => {
      clearTimeout(timer);
      killGroup(child.pid); // workers' threads die with the process; stray grandchildren die here
      if (child.pid !== undefined) runningGroups.delete(child.pid);
      resolve(outcome);
    };
    child.on("error", (error) => finish({ ok: false, error: `cannot start ${program}: ${error.message}` }));
    child.on("close", (code, signal) => {
      if (timedOut) return finish({ ok: false, error: `timed out after ${timeoutMs / 1000} s and was stopped` });
      if (malformed !== undefined) return finish({ ok: false, error: `broke the measurement protocol: ${malformed}` });
      if (code === 0 && final !== undefined && final.type !== "error") return finish({ ok: true, message: final });
      const why = signal ? `was killed by ${signal}` : code === 0 ? "printed no result" : `exited with code ${code}`;
      finish({ ok: false, error: final?.type === "error" ? `${why}: ${final.message}` : stderr.explain(why) });
    });
  });
}

/** A tagged line's message, or what is wrong with it. */
function readMessage(json: string): MeasurementMessage | string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return `a tagged line is not JSON (${toMessage(error)}): ${json.slice(0, 200)}`;
  }
  const parsed = measurementMessageSchema.safeParse(value);
  return parsed.success ? parsed.data : `${z.prettifyError(parsed.error)} in ${json.slice(0, 200)}`;
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // ESRCH: the group is already gone.
  }
}
