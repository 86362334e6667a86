/** Every runtime's launch, read from its app (the registry in runtimes.ts says where the app is). */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "@runtime-bench/model/cli/repo";
import { RUNTIME_NAMES, RUNTIMES, type RuntimeName } from "@runtime-bench/model/runtimes";
import type { RuntimeLaunch } from "./process-backend.ts";

/** A runtime's launch: its app's `launch`, or one of its `launches` where one app launches several (the Python references). */
export async function loadLaunch(name: RuntimeName): Promise<RuntimeLaunch> {
  const file = join(repoRoot, RUNTIMES[name].app, "src/launch.ts");
  const module: { launch?: RuntimeLaunch; launches?: RuntimeLaunch[] } = await import(pathToFileURL(file).href);
  const launch = [module.launch, ...(module.launches ?? [])].find((candidate) => candidate?.runtime === name);
  if (!launch) throw new Error(`${file} must export \`launch\` (or \`launches\`) with the launch of ${name}`);
  return launch;
}

export const loadAllLaunches = (): Promise<RuntimeLaunch[]> => Promise.all(RUNTIME_NAMES.map(loadLaunch));
