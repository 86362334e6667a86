/**
 * Starts one fresh measurement process of a runtime, waits for its tagged output line, and makes sure
 * nothing it started outlives it: it runs in a process group of its own, which is killed when it is done.
 */
import { spawn } from "node:child_process";
import { OUTPUT_TAG } from "../cell-process.ts";

export type MeasurementOutcome = { ok: true; output: unknown } | { ok: false; error: string };

export interface MeasurementCommand {
  /** Program and arguments up to the entry file; measurement arguments are appended. */
  argv: string[];
  env?: Record<string, string>;
}

const STDERR_TAIL_CHARS = 2000;

export function runMeasurementProcess(command: MeasurementCommand, args: string[], timeoutMs: number): Promise<MeasurementOutcome> {
  return new Promise((resolve) => {
    const [program, ...programArgs] = command.argv;
    const child = spawn(program!, [...programArgs, ...args], {
      detached: true, // its own process group, so the whole tree can be stopped at once
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...command.env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS)));

    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);

    const finish = (outcome: MeasurementOutcome) => {
      clearTimeout(timer);
      killGroup(child.pid); // workers' threads die with the process; stray grandchildren die here
      resolve(outcome);
    };
    child.on("error", (error) => finish({ ok: false, error: `cannot start ${program}: ${error.message}` }));
    child.on("close", (code, signal) => {
      if (timedOut) return finish({ ok: false, error: `timed out after ${timeoutMs / 1000} s and was stopped` });
      const line = stdout.split("\n").find((candidate) => candidate.startsWith(OUTPUT_TAG));
      if (code === 0 && line) return finish({ ok: true, output: JSON.parse(line.slice(OUTPUT_TAG.length)) });
      const why = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      finish({ ok: false, error: `${why}${stderr.trim() ? `: ${lastLines(stderr, 6)}` : ""}` });
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

function lastLines(text: string, count: number): string {
  return text.trim().split("\n").slice(-count).join("\n");
}
