/**
 * The mock API in a process of its own, on the pinned Node, for every client runtime alike. It stops
 * when stopped, and also when this process dies (its standard input closes).
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { OutputTail } from "@runtime-bench/model/output-tail";
import { childEnvironment } from "./child-environment.ts";

const mainFile = fileURLToPath(import.meta.resolve("@runtime-bench/mock-api/main"));

export interface MockApiProcess {
  url: string;
  latencyMs: number;
  /** Its process, whose CPU time each cell records apart (null where there is no process of its own, as in tests). */
  pid: number | null;
  stop(): Promise<void>;
}

export interface MockApiSettings {
  latencyMs: number;
  serverErrorEvery?: number | undefined;
  serverDropEvery?: number | undefined;
}

/** The mock API could not start (it exited, or could not be spawned, before it said where it listens). */
export class MockApiStartError extends Error {
  override name = "MockApiStartError";
}

export function startMockApiProcess(settings: MockApiSettings): Promise<MockApiProcess> {
  const { latencyMs } = settings;
  const faults = [
    ...(settings.serverErrorEvery ? ["--error-every", String(settings.serverErrorEvery)] : []),
    ...(settings.serverDropEvery ? ["--drop-every", String(settings.serverDropEvery)] : []),
  ];
  const child = spawn(process.execPath, [mainFile, "--port", "0", "--latency", String(latencyMs), ...faults], {
    stdio: ["pipe", "pipe", "pipe"],
    env: childEnvironment(),
  });
  const stderr = new OutputTail();
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr.push(chunk);
    process.stderr.write(chunk); // its log lines stay visible, as when it shared this process's stderr
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    child.once("error", (error) => reject(new MockApiStartError(`the mock API could not start: ${error.message}`)));
    child.once("close", (code) => reject(new MockApiStartError(stderr.explain(`the mock API exited before it listened (code ${code})`))));
    createInterface({ input: child.stdout }).once("line", (line) => {
      const { url } = JSON.parse(line) as { url: string };
      resolve({
        url,
        latencyMs,
        pid: child.pid ?? null,
        async stop() {
          child.kill("SIGTERM");
          await exited;
        },
      });
    });
  });
}
