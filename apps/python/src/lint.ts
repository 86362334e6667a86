/**
 * The Python app's linter: Ruff, as its WebAssembly build (no Python, no network needed), over every src/*.py.
 * Run as `node apps/python/src/lint.ts` (the root `lint` script): prints `file:row:col code message` for each
 * finding and exits 1 if there is any.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { type Diagnostic, PositionEncoding, Workspace } from "@astral-sh/ruff-wasm-nodejs";

/**
 * The rules, chosen so that they accept the subset of Python that Jython 2.7 (Python 2) and Python 3 both run:
 * Pyflakes (F: unused imports and variables, undefined names, ...) and pycodestyle (E and W, with the preview rules
 * on blank lines and whitespace) only check what the code does and how it is laid out, never which version's syntax
 * it uses. Left out on purpose: pyupgrade (UP) and the like, which ask for Python-3-only syntax (f-strings, `super()`
 * without arguments, `class C:` instead of `class C(object):`), and bugbear (B), whose `raise ... from` (B904) is
 * Python 3 only. "py37" is the oldest version Ruff knows, and rejects any syntax newer than that.
 * The line length is Biome's (biome.json), so both languages wrap alike. With preview rules on, Ruff names each rule
 * (`unused-import`) where it would otherwise give its code (F401); a `# noqa:` comment still takes the code.
 */
const SETTINGS = {
  "target-version": "py37",
  "line-length": 140,
  lint: { select: ["E", "F", "W"], preview: true },
};

const SOURCES = fileURLToPath(new URL(".", import.meta.url));

export interface Finding {
  row: number;
  column: number;
  code: string;
  message: string;
}

/** Ruff's findings in one Python source. */
export function lintPython(source: string): Finding[] {
  const workspace = new Workspace(SETTINGS, PositionEncoding.Utf16);
  try {
    const diagnostics: Diagnostic[] = workspace.check(source);
    return diagnostics.map(({ start_location, code, message }) => ({ ...start_location, code: code ?? "syntax", message }));
  } finally {
    workspace.free();
  }
}

/** Every finding in the app's sources, as `file:row:col code message` lines. */
export function lintPythonSources(folder = SOURCES): string[] {
  const files = readdirSync(folder).filter((name) => name.endsWith(".py"));
  if (files.length === 0) throw new Error(`no Python sources in ${folder}`);
  return files.sort().flatMap((name) => {
    const file = relative(process.cwd(), join(folder, name));
    return lintPython(readFileSync(join(folder, name), "utf8")).map(
      ({ row, column, code, message }) => `${file}:${row}:${column} ${code} ${message}`,
    );
  });
}

if (import.meta.main) {
  const findings = lintPythonSources();
  for (const finding of findings) console.log(finding);
  if (findings.length > 0) {
    console.error(`ruff: ${findings.length} finding(s) in the Python sources`);
    process.exit(1);
  }
}
