/**
 * The contenders of a run made ready to start (issue 29): each `--runtimes` item (model/contenders.ts) resolved to a
 * binary (the pinned one, a release installed into the cache, or a local build), its runtime flags put where its app
 * puts them (launchWith), the version its binary must report, and its final label. Whatever cannot be made ready (an
 * unknown version, an unreachable registry, a missing binary, two contenders ending under one label) is refused here,
 * before anything is measured, with one line naming the contender: the bench answers it with exit 2.
 */
import { execFileSync } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import { fromCaller } from "@runtime-bench/model/cli/repo";
import { ContenderError, type ContenderSpec, firstRepeated, hasRivals } from "@runtime-bench/model/contenders";
import type { RuntimeName } from "@runtime-bench/model/runtimes";
import type { ContenderRecord } from "@runtime-bench/model/schema";
import { installRelease, releaseVersion } from "./contender-releases.ts";
import type { RuntimeLaunch } from "./process-backend.ts";
import { onPath, pinnedVersion, runtimeBinary } from "./runtime-binaries.ts";

/** How an app starts its runtime from another binary, with runtime flags (each app's launch.ts). */
export type LaunchWith = (binary: string, flags: readonly string[]) => RuntimeLaunch;

/** A runtime's app: its pinned launch, and for a runtime under test how to launch any other binary of it. */
export interface RuntimeAdapter {
  launch: RuntimeLaunch;
  launchWith?: LaunchWith;
}

/** One column of the run, ready to start. */
export interface Contender {
  label: string;
  runtime: RuntimeName;
  record: ContenderRecord;
  launch: RuntimeLaunch;
}

/** Every contender of the list made ready, in its order; `log` hears a download's progress line. */
export async function readyContenders(
  specs: readonly ContenderSpec[],
  adapterOf: (runtime: RuntimeName) => RuntimeAdapter,
  log?: (line: string) => void,
): Promise<Contender[]> {
  const rivals = (runtime: RuntimeName) => hasRivals(specs.filter((spec) => spec.runtime === runtime));
  const ready: Contender[] = [];
  for (const spec of specs) ready.push(await readyContender(spec, adapterOf(spec.runtime), rivals(spec.runtime), log));
  const twice = firstRepeated(ready.map((contender) => contender.label));
  if (twice !== undefined) {
    const typed = specs[ready.findIndex((contender) => contender.label === twice)]!.label;
    throw new ContenderError(`--runtimes: two contenders are both "${twice}"; give one a label of its own ("label:${typed}")`);
  }
  return ready;
}

async function readyContender(
  spec: ContenderSpec,
  adapter: RuntimeAdapter,
  rivals: boolean,
  log?: (line: string) => void,
): Promise<Contender> {
  const item = spec.label;
  const { runtime, source, flags } = spec;
  const named = (version: string | null, suffix = "") =>
    spec.typedLabel ? spec.label : [[runtime, version, suffix].filter(Boolean).join(" "), ...flags].join(" ");
  if (source.kind === "pinned") {
    const record: ContenderRecord = { source, flags: [...flags] };
    // A run without rivals keeps the names it always had ("node"); beside a rival, the pinned one says its version.
    const label = named(rivals ? pinnedVersion(runtime) : null);
    if (flags.length === 0) return { label, runtime, record, launch: adapter.launch };
    return { label, runtime, record, launch: withFlags(item, adapter, runtimeBinary(runtime), flags) };
  }
  if (source.kind === "registry") {
    const version = await releaseVersion(item, runtime, source.version);
    const binary = await installRelease(item, runtime, version, { log });
    const launch = { ...withFlags(item, adapter, binary, flags), version };
    return {
      label: named(version),
      runtime,
      record: { source: { kind: "registry", requested: source.version, version }, flags: [...flags] },
      launch,
    };
  }
  const binary = fromCaller(source.path);
  if (!existsSync(binary) || !onPath(binary)) throw new ContenderError(`--runtimes: "${item}": no executable file at ${source.path}`);
  // A local build is whatever version it says it is; it is labelled by it unless the person gave a label. It starts
  // from its real path (Deno's --allow-run matches the binary its children are started from); the record keeps the path typed.
  const launch = { ...withFlags(item, adapter, realpathSync(binary), flags), version: null };
  return { label: named(reportedVersion(item, binary), "local"), runtime, record: { source, flags: [...flags] }, launch };
}

function withFlags(item: string, adapter: RuntimeAdapter, binary: string, flags: readonly string[]): RuntimeLaunch {
  if (!adapter.launchWith) throw new ContenderError(`--runtimes: "${item}": only the installed interpreter of a reference runs`);
  return adapter.launchWith(binary, flags);
}

/** "26.10.0" from `node --version` ("v26.10.0"), `bun --version`, `deno --version` ("deno 2.9.6 (stable, ...)"). */
function reportedVersion(item: string, binary: string): string {
  let said: string;
  try {
    said = execFileSync(binary, ["--version"], { encoding: "utf8", timeout: 30_000, stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    throw new ContenderError(`--runtimes: "${item}": ${binary} --version failed (${(error as Error).message.split("\n")[0]})`);
  }
  return /\d+\.\d+\.\d+[\w.+-]*/.exec(said)?.[0] ?? said.trim().split("\n")[0]!;
}
