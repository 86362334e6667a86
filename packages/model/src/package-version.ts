import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * A dependency's version, read from its package.json (which piscina and autocannon do not export). `entryUrl` is
 * `import.meta.resolve(name)` in the caller's module, since a package resolves from the package that depends on it.
 */
export function packageVersion(name: string, entryUrl: string): string {
  let directory = new URL("./", entryUrl);
  for (let depth = 0; depth < 5; depth++, directory = new URL("../", directory)) {
    try {
      const manifest = JSON.parse(readFileSync(fileURLToPath(new URL("package.json", directory)), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === name && manifest.version) return manifest.version;
    } catch {
      // no package.json at this level; look one higher
    }
  }
  return "unknown";
}
