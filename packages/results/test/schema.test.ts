import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseRunResult, RESULT_SCHEMA_VERSION, ResultFileError } from "@runtime-bench/model/schema";
import { describe, expect, it } from "vitest";
import { readResultFile, readResults } from "../src/read-results.ts";
import { around, cpuCell, measured, runResult } from "./fixtures.ts";

const good = () => runResult([measured("node", [cpuCell("cpu.sequential", around(400))])]);

describe("result schema", () => {
  it("accepts a well-formed result", () => {
    expect(parseRunResult(JSON.parse(JSON.stringify(good())), "run.json").runtimes[0]!.name).toBe("node");
  });

  it("reads a runtime's label, and refuses an empty one or two runtimes under one label, naming the field", () => {
    const node = measured("node", [cpuCell("cpu.sequential", around(400))]);
    const labelled = runResult([node, { ...node, label: "node 24" }]);
    expect(parseRunResult(JSON.parse(JSON.stringify(labelled)), "run.json").runtimes.map((one) => one.label ?? one.name)).toEqual([
      "node",
      "node 24",
    ]);
    expect(() => parseRunResult(JSON.parse(JSON.stringify(runResult([node, node]))), "run.json")).toThrow(
      'run.json: field "runtimes": two runtimes under one label, "node"',
    );
    expect(() => parseRunResult(JSON.parse(JSON.stringify(runResult([{ ...node, label: "" }]))), "run.json")).toThrow(
      /field "runtimes\.0\.label"/,
    );
  });

  it("names the file and the field of a broken result", () => {
    const broken = good() as unknown as { runtimes: Array<{ cells: Array<{ samples: Array<Record<string, unknown>> }> }> };
    delete broken.runtimes[0]!.cells[0]!.samples[0]!.wallMs;
    expect(() => parseRunResult(broken, "results/run.json")).toThrow(
      /results\/run\.json: field "runtimes\.0\.cells\.0\.samples\.0\.wallMs"/,
    );
  });

  it("requires the round of every sample, and the seed of the order", () => {
    const withoutRound = good() as unknown as { runtimes: Array<{ cells: Array<{ samples: Array<Record<string, unknown>> }> }> };
    delete withoutRound.runtimes[0]!.cells[0]!.samples[0]!.round;
    expect(() => parseRunResult(withoutRound, "run.json")).toThrow(/field "runtimes\.0\.cells\.0\.samples\.0\.round"/);
    const withoutSeed = good() as unknown as { run: { order: Record<string, unknown> } };
    delete withoutSeed.run.order.seed;
    expect(() => parseRunResult(withoutSeed, "run.json")).toThrow(/field "run\.order\.seed"/);
  });

  it("refuses an older format, one file per runtime measured apart, saying why", () => {
    expect(() => parseRunResult({ ...good(), schemaVersion: 2 }, "results/node.json")).toThrow(
      /results\/node\.json: field "schemaVersion": 2 is an older format/,
    );
  });

  it("reads a file from before contenders (schema 4: no contender records), and checks a contender's record", () => {
    const before = parseRunResult({ ...good(), schemaVersion: 4 }, "run.json");
    expect(before.runtimes.every((runtime) => runtime.contender === undefined)).toBe(true);
    const withContender = good() as unknown as { runtimes: Array<Record<string, unknown>> };
    withContender.runtimes[0]!.label = "node 24";
    withContender.runtimes[0]!.contender = { source: { kind: "registry", requested: "24", version: "24.21.0" }, flags: ["--no-opt"] };
    expect(parseRunResult(withContender, "run.json").runtimes[0]!.contender?.source).toEqual({
      kind: "registry",
      requested: "24",
      version: "24.21.0",
    });
    withContender.runtimes[0]!.contender = { source: { kind: "somewhere" }, flags: [] };
    expect(() => parseRunResult(withContender, "run.json")).toThrow(/field "runtimes\.0\.contender\.source\.kind"/);
  });

  it("rejects a newer format with advice", () => {
    expect(() => parseRunResult({ ...good(), schemaVersion: RESULT_SCHEMA_VERSION + 1 }, "new.json")).toThrow(/newer than this tool reads/);
  });

  it("reports truncated JSON as such, and a folder without a result file", () => {
    const dir = mkdtempSync(join(tmpdir(), "rb-schema-"));
    expect(() => readResults(dir)).toThrow(/run\.json: no result file here; run `pnpm turbo bench` first/);
    const file = join(dir, "run.json");
    writeFileSync(file, JSON.stringify(good()).slice(0, 200));
    expect(() => readResultFile(file)).toThrow(ResultFileError);
    expect(() => readResults(dir)).toThrow(/not valid JSON.*truncated/);
  });
});
