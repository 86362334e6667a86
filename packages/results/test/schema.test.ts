import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseRunResult, RESULT_SCHEMA_VERSION, ResultFileError } from "@runtime-bench/harness/schema";
import { readResultFile, readResults } from "../src/read-results.ts";
import { around, cpuCell, runResult } from "./fixtures.ts";

const good = () => runResult("node", [cpuCell("cpu.sequential", around(400))]);

function writeJson(dir: string, name: string, content: string): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe("result schema", () => {
  it("accepts a well-formed result", () => {
    expect(parseRunResult(JSON.parse(JSON.stringify(good())), "node.json").runtime.runtime).toBe("node");
  });

  it("names the file and the field of a broken result", () => {
    const broken = good() as unknown as { cells: Array<{ samples: Array<Record<string, unknown>> }> };
    delete broken.cells[0]!.samples[0]!.wallMs;
    expect(() => parseRunResult(broken, "results/node.json")).toThrow(/results\/node\.json: field "cells\.0\.samples\.0\.wallMs"/);
  });

  it("rejects an older format, naming the file and the version field", () => {
    const versionOne = { ...good(), schemaVersion: 1 } as Record<string, unknown>;
    expect(() => parseRunResult(versionOne, "results/old.json")).toThrow(/results\/old\.json: field "schemaVersion"/);
  });

  it("names a field that version 2 added when it is missing", () => {
    const withoutProbe = good() as unknown as { run: Record<string, unknown> };
    delete withoutProbe.run.speedProbe;
    expect(() => parseRunResult(withoutProbe, "node.json")).toThrow(/node\.json: field "run\.speedProbe"/);
  });

  it("reads a version 2 file written before runs were ordered round-robin as cell-by-cell", () => {
    const beforeOrder = good() as unknown as { run: Record<string, unknown> };
    delete beforeOrder.run.order;
    expect(parseRunResult(beforeOrder, "node.json").run.order).toBe("cell-by-cell");
    expect(() => parseRunResult({ ...good(), run: { ...good().run, order: "random" } }, "node.json")).toThrow(/node\.json: field "run\.order"/);
  });

  it("rejects a newer format with advice", () => {
    expect(() => parseRunResult({ ...good(), schemaVersion: RESULT_SCHEMA_VERSION + 1 }, "new.json")).toThrow(/newer than this tool reads/);
  });

  it("reports truncated JSON as such", () => {
    const dir = mkdtempSync(join(tmpdir(), "rb-schema-"));
    const file = writeJson(dir, "node.json", JSON.stringify(good()).slice(0, 200));
    expect(() => readResultFile(file)).toThrow(ResultFileError);
    expect(() => readResultFile(file)).toThrow(/not valid JSON.*truncated/);
  });

  it("lists absent runtimes instead of failing, and refuses a file named for another runtime", () => {
    const dir = mkdtempSync(join(tmpdir(), "rb-schema-"));
    writeJson(dir, "node.json", JSON.stringify(good()));
    const loaded = readResults(dir);
    expect(loaded.results).toHaveLength(1);
    expect(loaded.missing.map((m) => m.runtime)).toEqual(["bun", "deno"]);
    writeJson(dir, "bun.json", JSON.stringify(good()));
    expect(() => readResults(dir)).toThrow(/bun\.json: field "runtime\.runtime"/);
  });
});
