/**
 * A contender: one runtime as a run measures it (issue 29): the adapter that runs it (node, bun or deno), where its
 * binary comes from (the pinned devDependency, a released version from the npm registry, or a local build), the
 * runtime flags it runs with, and the label its column and comparisons go by. This module only reads what a person
 * typed in `--runtimes`; resolving a version and starting the binary are the launcher's.
 *
 *   node                       the pinned node
 *   node@24, bun@1.3.2         the newest release matching 24, or 1.3.2 exactly (resolved against the npm registry)
 *   node=../node/out/Release/node
 *                              a local build, the path as typed (taken from the caller's folder)
 *   bun[--smol], node@24[--max-semi-space-size=64 --no-opt]
 *                              runtime flags, space-separated, for every process and worker of that contender
 *   lts:node@24                a label of its own (else one from the runtime, version and flags: "node@24 --smol")
 *
 * Items are separated by commas outside brackets, so a flag may hold a comma (`deno[--v8-flags=--a,--b]`).
 */
import { isRuntimeName, isUnderTest, RUNTIME_NAMES, type RuntimeName } from "./runtimes.ts";

export type ContenderSource =
  | { kind: "pinned" }
  /** A release: "24" (the newest 24.x.y), "24.9" or "24.9.0". */
  | { kind: "registry"; version: string }
  /** A binary of the machine's, the path as typed: it is what the report shows, never a resolved absolute path. */
  | { kind: "local"; path: string };

export interface ContenderSpec {
  runtime: RuntimeName;
  source: ContenderSource;
  flags: string[];
  /** Unique in the list: the label typed, or one made from the runtime, version or path, and flags. */
  label: string;
  /** Whether the person typed it (else the launcher may name a resolved version in it: "node 24.9.0"). */
  typedLabel: boolean;
}

/** Why a `--runtimes` item cannot be read; the bench answers it with exit code 2. */
export class ContenderError extends Error {
  override name = "ContenderError";
}

const ITEM = /^(?:([A-Za-z0-9][\w.+-]*):)?([a-z]+)(?:@([^[=]*)|=([^[]*))?(?:\[(.*)\])?$/s;
const VERSION = /^\d+(\.\d+){0,2}$/;

/** The items of a `--runtimes` list, split at commas outside brackets, blanks dropped. */
export function splitContenderList(list: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let item = "";
  for (const character of list) {
    if (character === "," && depth === 0) {
      items.push(item.trim());
      item = "";
      continue;
    }
    depth += character === "[" ? 1 : character === "]" ? -1 : 0;
    if (depth < 0) throw new ContenderError(`--runtimes: a "]" with no "[" before it in "${list}"`);
    item += character;
  }
  if (depth !== 0) throw new ContenderError(`--runtimes: a "[" that is not closed in "${list}"`);
  return [...items, item.trim()].filter((one) => one !== "");
}

/** One item of the list, read; `why` names the item in every error, as the person typed it. */
export function parseContender(item: string): ContenderSpec {
  const why = (what: string) => new ContenderError(`--runtimes: "${item}": ${what}`);
  const match = ITEM.exec(item);
  if (!match) throw why("not a runtime[@version | =path][[flags]] with an optional label: in front");
  const [, label, runtime, version, path, flagText] = match;
  if (!isRuntimeName(runtime!)) throw why(`"${runtime}" is none of the runtimes (${RUNTIME_NAMES.join(", ")})`);
  // Another runtime's name as a label would be that runtime's column too (it is recorded, if only as not selected).
  if (label !== undefined && label !== runtime && isRuntimeName(label))
    throw why(`"${label}" is the name of a runtime: choose another label`);
  const pinned = version === undefined && path === undefined && flagText === undefined;
  if (!pinned && !isUnderTest(runtime)) throw why(`${runtime} is a reference: only its installed interpreter runs, by its name alone`);
  if (version !== undefined && !VERSION.test(version)) throw why(`a version is a release such as 24, 24.9 or 24.9.0, got "${version}"`);
  if (path !== undefined && path.trim() === "") throw why("a local build needs the path to its binary after =");
  const flags = flagText === undefined ? [] : flagText.split(/\s+/).filter((flag) => flag !== "");
  const notFlag = flags.find((flag) => !flag.startsWith("-"));
  if (notFlag !== undefined) throw why(`"${notFlag}" is not a flag: flags start with - and are separated by spaces`);
  if (flagText !== undefined && flags.length === 0) throw why("[] holds no flag");
  const source: ContenderSource =
    version !== undefined ? { kind: "registry", version } : path !== undefined ? { kind: "local", path } : { kind: "pinned" };
  return { runtime, source, flags, label: label ?? defaultLabel(runtime, source, flags), typedLabel: label !== undefined };
}

/** "node", "node@24", "node=../out/node", each followed by its flags: a column readable without a legend. */
function defaultLabel(runtime: RuntimeName, source: ContenderSource, flags: readonly string[]): string {
  const from = source.kind === "registry" ? `@${source.version}` : source.kind === "local" ? `=${source.path}` : "";
  return [`${runtime}${from}`, ...flags].join(" ");
}

/** A whole `--runtimes` list: every item read, each label once (two contenders under one label could not be told apart). */
export function parseContenders(list: string): ContenderSpec[] {
  const specs = splitContenderList(list).map(parseContender);
  if (specs.length === 0) throw new ContenderError(`--runtimes takes a comma-separated list of contenders; got "${list}"`);
  const twice = firstRepeated(specs.map((spec) => spec.label));
  if (twice !== undefined) throw new ContenderError(`--runtimes: "${twice}" twice; give one of them a label of its own ("label:${twice}")`);
  return specs;
}

/** A runtime as the suite pins it: what `node` in `--runtimes`, or no `--runtimes` at all, stands for. */
export const pinnedContender = (runtime: RuntimeName): ContenderSpec => ({
  runtime,
  source: { kind: "pinned" },
  flags: [],
  label: runtime,
  typedLabel: false,
});

/** Whether the list holds two contenders of one runtime: then their primitive costs are measured too (suite.json). */
export const hasRivals = (specs: readonly Pick<ContenderSpec, "runtime">[]): boolean =>
  firstRepeated(specs.map((spec) => spec.runtime)) !== undefined;

/** The first item that stands in the list twice (a label two columns would share), or undefined. */
export const firstRepeated = <T>(items: readonly T[]): T | undefined => items.find((item, index) => items.indexOf(item) !== index);
