/** The Python linter (src/lint.ts) finds what it is there to find, and accepts the Python 2.7 subset Jython runs. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintPython, lintPythonSources } from "../src/lint.ts";

describe("the Python linter (Ruff)", () => {
  it("finds a planted problem, so the lint step cannot pass without looking", () => {
    const codes = lintPython("import os\n\nx = undefined_name\n").map(({ row, column, code }) => `${row}:${column} ${code}`);
    expect(codes.sort()).toEqual(["1:8 unused-import", "3:5 undefined-name"]);
    expect(lintPython(`x = 1\nif x:\n    y = "${"a".repeat(140)}"\n`)).toEqual([expect.objectContaining({ code: "line-too-long" })]);
  });

  it("accepts code in the subset Python 2.7 (Jython) and Python 3 both run", () => {
    const both = [
      "from __future__ import absolute_import, division",
      "",
      "",
      "class Gates(object):",
      '    """Old-style formatting, no f-strings; `super` with its arguments."""',
      "",
      "    def __init__(self, events):",
      "        super(Gates, self).__init__()",
      '        self.label = "%d gates" % len(events)',
      "",
      "",
      "try:",
      "    import queue",
      "except ImportError:",
      "    import Queue as queue  # noqa: F401 (Python 2 only)",
      "",
    ].join("\n");
    expect(lintPython(both)).toEqual([]);
  });

  it("reports each finding as file:row:col rule message", () => {
    const folder = mkdtempSync(join(tmpdir(), "runtime-bench-ruff-"));
    writeFileSync(join(folder, "planted.py"), "import sys\n");
    expect(lintPythonSources(folder)).toEqual([expect.stringMatching(/planted\.py:1:8 unused-import `sys` imported but unused$/)]);
  });
});
