/** Every runtime's app, read from it (the registry in runtimes.ts says where the app is). */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "@runtime-bench/model/cli/repo";
import { RUNTIME_NAMES, RUNTIMES, type RuntimeName } from "@runtime-bench/model/runtimes";
import type { LaunchWith, RuntimeAdapter } from "./contender-launches.ts";
import type { RuntimeLaunch } from "./process-backend.ts";

/**
 * A runtime's app: its `launch`, or one of its `launches` where one app launches several (the Python references), and
 * for a runtime under test its `launchWith`, which starts another binary of it (a contender: a version, a build, flags).
 */
export async function loadAdapter(name: RuntimeName): Promise<RuntimeAdapter> {
  const file = join(repoRoot, RUNTIMES[name].app, "src/launch.ts");
  const module: { launch?: RuntimeLaunch; launches?: RuntimeLaunch[]; launchWith?: LaunchWith } = await import(pathToFileURL(file).href);
  const launch = [module.launch, ...(module.launches ?? [])].find((candidate) => candidate?.runtime === name);
  if (!launch) throw new Error(`${file} must export \`launch\` (or \`launches\`) with the launch of ${name}`);
  return { launch, ...(module.launchWith ? { launchWith: module.launchWith } : {}) };
}

export const loadLaunch = async (name: RuntimeName): Promise<RuntimeLaunch> => (await loadAdapter(name)).launch;

export const loadAllAdapters = (): Promise<RuntimeAdapter[]> => Promise.all(RUNTIME_NAMES.map(loadAdapter));
