/** The machine a run happened on, captured by code (never typed in). */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, release, totalmem, type } from "node:os";
import { repoRoot } from "@runtime-bench/model/cli/repo";
import { machineFingerprint } from "@runtime-bench/model/machine-fingerprint";
import type { Machine } from "@runtime-bench/model/schema";

export function captureMachine(): Machine {
  const hardware = { cpuModel: cpus()[0]?.model.trim() || "unknown", cores: cpus().length, memoryBytes: totalmem(), arch: process.arch };
  return {
    ...hardware,
    availableParallelism: availableParallelism(),
    os: osName(),
    kernel: `${type()} ${release()}`,
    loadAverage: loadavg(),
    fingerprint: machineFingerprint(hardware),
  };
}

function osName(): string {
  try {
    return /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync("/etc/os-release", "utf8"))?.[1] ?? type();
  } catch {
    return type();
  }
}

/** The commit measured, with "-dirty" when the work tree had uncommitted changes; null outside git. */
export function gitCommit(): string | null {
  try {
    const git = (...args: string[]) =>
      execFileSync("git", args, { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return (
      git("rev-parse", "--short=12", "HEAD") +
      (git("status", "--porcelain", "--untracked-files=no", "--", ".", ":!results") ? "-dirty" : "")
    );
  } catch {
    return null;
  }
}
