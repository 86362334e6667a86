/**
 * Starts one fresh measurement process of a runtime, answers its timing gates, collects its final tagged
 * output line, and makes sure nothing it started outlives it: it runs in a process group of its own, which
 * is killed when it is done or when it overruns its time.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import type { HttpClientId } from "@runtime-bench/workloads";
import { type GateMessage, OUTPUT_TAG } from "../cell-process.ts";
import { OutputTail } from "../output-tail.ts";
import { childEnvironment } from "./child-environment.ts";

export type MeasurementOutcome = { ok: true; output: unknown } | { ok: false; error: string };

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

/** What a cell needs beyond the defaults: a file cell's scratch folder; the real API's host:port (--target). */
export interface ExtraAccess {
  folder: string | null;
  host: string | null;
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
    let output: unknown;
    const stderr = new OutputTail();
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => stderr.push(chunk));
    child.stdin.on("error", () => {}); // the process may exit before reading its answer
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (!line.startsWith(OUTPUT_TAG)) return;
      const message = JSON.parse(line.slice(OUTPUT_TAG.length)) as Partial<GateMessage>;
      if (message.gate && child.pid !== undefined) {
        onGate(message as GateMessage, child.pid);
        if (message.waits) child.stdin.write("\n");
      } else {
        output = message;
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
      if (code === 0 && output !== undefined) return finish({ ok: true, output });
      const why = signal ? `was killed by ${signal}` : code === 0 ? "printed no result" : `exited with code ${code}`;
      const reported = (output as { error?: unknown } | undefined)?.error;
      finish({ ok: false, error: typeof reported === "string" ? `${why}: ${reported}` : stderr.explain(why) });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // ESRCH: the group is already gone.
  }
}
