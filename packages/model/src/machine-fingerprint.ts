/**
 * A short name for the hardware a run was measured on, so runs from several machines are never mixed: a partial
 * re-run merges only into a result of the same fingerprint, and a report of several machines keeps one section
 * per fingerprint (it never averages across them). It covers what sets the speed of the work (CPU model, cores,
 * memory, architecture), not what changes from boot to boot (load, kernel release).
 */
import { createHash } from "node:crypto";
import type { Machine } from "./schema.ts";

type Hardware = Pick<Machine, "cpuModel" | "cores" | "memoryBytes" | "arch">;

/** 12 hex digits of a SHA-256 over the hardware; memory in whole GiB, as the kernel reports a few MiB less or more. */
export function machineFingerprint({ cpuModel, cores, memoryBytes, arch }: Hardware): string {
  const hardware = [cpuModel, cores, Math.round(memoryBytes / 2 ** 30), arch].join("|");
  return createHash("sha256").update(hardware).digest("hex").slice(0, 12);
}

/** The recorded fingerprint, or the one computed from the recorded hardware (files written before it was recorded). */
export const fingerprintOf = (machine: Machine): string => machine.fingerprint ?? machineFingerprint(machine);

/** "2 x Intel(R) Xeon(R) ..., 24 GiB, x64": the hardware in words, for headings. */
export const describeHardware = ({ cpuModel, cores, memoryBytes, arch }: Hardware): string =>
  `${cores} x ${cpuModel}, ${Math.round(memoryBytes / 2 ** 30)} GiB, ${arch}`;
