/**
 * A scenario's id appears in its record and nowhere else in code: what code needs to know about a scenario (its
 * baseline, a fresh executor per task, its part in the I/O sweep, a client variant, its primitive operation) is a
 * field of its record, and the suite names each group's scenarios. Comments may name ids; code may not.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../src/cli/repo.ts";
import { scenarioRecords } from "../src/scenarios/records.ts";

/** Where the records live: the one place their ids are written. */
const RECORDS = "packages/model/src/scenarios/records/";
/** Usage examples in the --help text: they show the flag's syntax to a reader, and no code acts on them. */
const EXAMPLES = ["packages/launcher/src/help.ts"];

function typeScriptFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(entry.parentPath, entry.name));
}

const sourceFiles = (): string[] =>
  ["packages", "apps"].flatMap((top) =>
    readdirSync(join(repoRoot, top), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) => {
        const src = join(repoRoot, top, entry.name, "src");
        try {
          return typeScriptFiles(src);
        } catch {
          return [];
        }
      }),
  );

/** The code without its comments (block comments, and line comments not inside a URL such as "http://..."). */
const withoutComments = (code: string): string => code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:\\])\/\/.*$/gm, "$1");

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A scenario id standing alone in a string (not part of a longer name: "cpu.sequential/n=1e7" names one). */
const idPattern = new RegExp(`(?<![\\w.-])(?:${[...scenarioRecords.keys()].map(escapeRegExp).join("|")})(?![\\w-])`, "g");
/** String literals: an id in code is a string (as code, `files.sync` would be a property path, not an id). */
const stringPattern = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g;

/** Each id the code's strings name, with its line. */
export function scenarioIdsIn(code: string): string[] {
  return withoutComments(code)
    .split("\n")
    .flatMap((line, index) =>
      [...line.matchAll(stringPattern)].flatMap((literal) =>
        [...literal[0].matchAll(idPattern)].map((match) => `line ${index + 1}: ${match[0]}`),
      ),
    );
}

describe("scenario ids in code", () => {
  it("finds an id in code, and not in a comment or a property path", () => {
    const ids = scenarioIdsIn(
      [
        `const fresh = id === "${[...scenarioRecords.keys()][0]}";`,
        `// ${[...scenarioRecords.keys()][1]} is a comment`,
        `/** ${[...scenarioRecords.keys()][1]} */ const label = primitives.labels.files.sync;`,
        `const url = "http://127.0.0.1"; const cellId = \`${[...scenarioRecords.keys()][2]}/n=1e7\`;`,
      ].join("\n"),
    );
    expect(ids).toEqual([`line 1: ${[...scenarioRecords.keys()][0]}`, `line 4: ${[...scenarioRecords.keys()][2]}`]);
  });

  it("no source file outside the scenario records names a scenario id", () => {
    const files = sourceFiles()
      .map((file) => relative(repoRoot, file))
      .filter((file) => !file.startsWith(RECORDS) && !EXAMPLES.includes(file));
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) => scenarioIdsIn(readFileSync(join(repoRoot, file), "utf8")).map((where) => `${file} ${where}`));
    expect(found).toEqual([]);
  });
});
