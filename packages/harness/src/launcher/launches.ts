/** Every runtime's launch, read from its app (the registry in runtimes.ts says where the app is). */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { RUNTIME_NAMES, RUNTIMES, type RuntimeName } from "../runtimes.ts";
import type { RuntimeLaunch } from "./process-backend.ts";
import { repoRoot } from "./repo.ts";

export async function loadLaunch(name: RuntimeName): Promise<RuntimeLaunch> {
  const file = join(repoRoot, RUNTIMES[name].app, "src/launch.ts");
  const module: { launch?: RuntimeLaunch } = await import(pathToFileURL(file).href);
  if (module.launch?.runtime !== name) throw new Error(`${file} must export \`launch\`, the launch of ${name}`);
  return module.launch;
}

export const loadAllLaunches = (): Promise<RuntimeLaunch[]> => Promise.all(RUNTIME_NAMES.map(loadLaunch));
