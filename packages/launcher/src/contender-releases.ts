/**
 * Released versions of a runtime as contenders (issue 29): "node@24" resolved to its newest release against the same
 * npm registry the pinned runtimes come from, by npm itself (`npm view`), so the registry, proxy and credentials npm is
 * set up with are the ones used. An unknown version or a registry that cannot be reached is refused before anything is
 * measured, in one line naming the contender. A resolved release is installed on first use into a cache inside the
 * checkout (RELEASE_CACHE, ignored by git: package.json and the lockfile never change), and reused after.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { repoRelative, repoRoot } from "@runtime-bench/model/cli/repo";
import { ContenderError } from "@runtime-bench/model/contenders";
import { RUNTIMES, type RuntimeName } from "@runtime-bench/model/runtimes";

/** Where released versions live once installed: one folder per package and version. */
export const RELEASE_CACHE = join(repoRoot, ".runtime-bench", "runtimes");
/** A runtime's package is tens of MB: its download and its own install script get this long. */
const INSTALL_TIMEOUT_MS = 10 * 60_000;

/** npm's own answer, bounded: a registry that does not answer is one that cannot be reached. */
const NPM_TIMEOUT_MS = 60_000;

/** Compares two exact versions ("24.9.0") part by part. */
const compareVersions = (a: string, b: string): number => {
  const [x, y] = [a, b].map((version) => version.split(".").map(Number));
  for (let index = 0; index < 3; index++) if (x![index] !== y![index]) return (x![index] ?? 0) - (y![index] ?? 0);
  return 0;
};

/** The npm package a runtime's releases come from; a reference (the machine's interpreter) has none. */
function npmInstallationOf(item: string, runtime: RuntimeName) {
  const { installation } = RUNTIMES[runtime];
  if (installation.kind !== "npm") throw new ContenderError(`--runtimes: "${item}": ${runtime} has no releases on the npm registry`);
  return installation;
}

/** The folder a release is installed into, and its binary there. */
function releasePaths(installation: ReturnType<typeof npmInstallationOf>, version: string, cache: string) {
  const folder = join(cache, `${installation.npmPackage}@${version}`);
  return { folder, binary: join(folder, "node_modules", installation.npmPackage, installation.binaryInPackage) };
}

/**
 * The release a contender's version names: an exact version already in the cache as it is, without the registry
 * (offline too); any other resolved against the registry (resolveRelease).
 */
export async function releaseVersion(item: string, runtime: RuntimeName, version: string, cache = RELEASE_CACHE): Promise<string> {
  const cached = /^\d+\.\d+\.\d+$/.test(version) && existsSync(releasePaths(npmInstallationOf(item, runtime), version, cache).folder);
  return cached ? version : resolveRelease(item, runtime, version);
}

/**
 * The newest release of `runtime`'s npm package that `version` ("24", "24.9", "24.9.0") matches; `registry` overrides
 * npm's (the tests' loopback registry). Throws a ContenderError, naming `item` as typed, where none matches or the
 * registry cannot be reached.
 */
export async function resolveRelease(item: string, runtime: RuntimeName, version: string, registry?: string): Promise<string> {
  const installation = npmInstallationOf(item, runtime);
  const args = ["view", `${installation.npmPackage}@${version}`, "version", "--json", ...(registry ? ["--registry", registry] : [])];
  const npm = await runNpm(args, NPM_TIMEOUT_MS);
  if (npm.failed) {
    const said = `${npm.stdout}\n${npm.stderr}`;
    if (/E404|No match found/.test(said))
      throw new ContenderError(`--runtimes: "${item}": no release of ${installation.npmPackage} matches ${version}`);
    const reason = /npm error code (\S+)/.exec(said)?.[1] ?? said.trim().split("\n")[0];
    throw new ContenderError(`--runtimes: "${item}": the npm registry could not be reached to resolve ${version} (${reason})`);
  }
  const found = npm.stdout.trim() === "" ? [] : (JSON.parse(npm.stdout) as string | string[]);
  const versions = (Array.isArray(found) ? found : [found]).filter((one) => /^\d+\.\d+\.\d+$/.test(one));
  if (versions.length === 0) throw new ContenderError(`--runtimes: "${item}": no release of ${installation.npmPackage} matches ${version}`);
  return versions.sort(compareVersions).at(-1)!;
}

/** npm, with no retries: a registry that refuses is answered at once, not after minutes of back-off. */
const runNpm = (args: readonly string[], timeout: number) =>
  new Promise<{ failed: boolean; stdout: string; stderr: string }>((resolve) =>
    execFile("npm", args, { encoding: "utf8", timeout, env: { ...process.env, npm_config_fetch_retries: "0" } }, (error, stdout, stderr) =>
      resolve({ failed: error !== null, stdout, stderr: `${stderr}${error && !stderr ? error.message : ""}` }),
    ),
  );

/**
 * The binary of an exact release of `runtime`, installed on first use into `cache` (its own folder per version, by npm,
 * its install scripts included: they fetch the platform's binary from the registry) and reused after; `log` hears
 * one progress line while it downloads. Throws a ContenderError naming `item` where the install fails.
 */
export async function installRelease(
  item: string,
  runtime: RuntimeName,
  version: string,
  {
    registry,
    cache = RELEASE_CACHE,
    log = (line: string) => process.stderr.write(`${line}\n`),
  }: { registry?: string; cache?: string; log?: (line: string) => void } = {},
): Promise<string> {
  const installation = npmInstallationOf(item, runtime);
  const { folder, binary } = releasePaths(installation, version, cache);
  if (existsSync(binary)) return binary;
  log(`[contenders] installing ${installation.npmPackage}@${version} into ${repoRelative(folder)} (first use; later runs reuse it)`);
  const args = [
    "install",
    "--prefix",
    folder,
    "--no-save",
    "--no-audit",
    "--no-fund",
    "--loglevel=error",
    `${installation.npmPackage}@${version}`,
  ];
  const npm = await runNpm([...args, ...(registry ? ["--registry", registry] : [])], INSTALL_TIMEOUT_MS);
  if (npm.failed || !existsSync(binary)) {
    const reason =
      /npm error code (\S+)/.exec(npm.stderr)?.[1] ??
      (npm.failed ? npm.stderr.trim().split("\n")[0] : `no ${installation.binaryInPackage} in the package`);
    throw new ContenderError(`--runtimes: "${item}": installing ${installation.npmPackage}@${version} failed (${reason})`);
  }
  return binary;
}
