/** Reading `--runtimes` as contenders (issue 29's syntax): every form, and the bad ones with a message naming the item. */
import { describe, expect, it } from "vitest";
import { ContenderError, parseContender, parseContenders, splitContenderList } from "../src/contenders.ts";

describe("a contender", () => {
  it("is the pinned runtime by its name alone", () => {
    expect(parseContender("node")).toEqual({ runtime: "node", source: { kind: "pinned" }, flags: [], label: "node", typedLabel: false });
    expect(parseContender("cpython").source).toEqual({ kind: "pinned" });
  });

  it("is a released version after @: a major, a minor or an exact release", () => {
    for (const version of ["24", "24.9", "24.9.0"]) {
      expect(parseContender(`node@${version}`)).toMatchObject({ source: { kind: "registry", version }, label: `node@${version}` });
    }
    expect(parseContender("bun@1.3").runtime).toBe("bun");
  });

  it("is a local build after =, its path kept as typed (the report never shows the machine's absolute path)", () => {
    expect(parseContender("node=../node/out/Release/node")).toMatchObject({
      source: { kind: "local", path: "../node/out/Release/node" },
      label: "node=../node/out/Release/node",
    });
  });

  it("takes runtime flags in brackets, space-separated, as part of its label", () => {
    expect(parseContender("bun[--smol]")).toMatchObject({ source: { kind: "pinned" }, flags: ["--smol"], label: "bun --smol" });
    expect(parseContender("node@24[--max-semi-space-size=64  --no-opt]")).toMatchObject({
      flags: ["--max-semi-space-size=64", "--no-opt"],
      label: "node@24 --max-semi-space-size=64 --no-opt",
    });
  });

  it("takes a label of its own in front of a colon", () => {
    expect(parseContender("lts:node@24")).toMatchObject({ runtime: "node", label: "lts", typedLabel: true });
    expect(parseContender("patched:node=/opt/node/bin/node[--jitless]")).toMatchObject({
      source: { kind: "local", path: "/opt/node/bin/node" },
      flags: ["--jitless"],
      label: "patched",
    });
  });

  it("refuses what it cannot read, naming the item", () => {
    const refused = (item: string) => expect(() => parseContender(item), item).toThrow(ContenderError);
    for (const item of [
      "nodejs",
      "node@latest",
      "node@24.x",
      "node@",
      "node=",
      "node[]",
      "node[smol]",
      "cpython@3.12",
      "pypy[-O]",
      "node@24[--x",
      "a b:node",
    ]) {
      refused(item);
    }
    expect(() => parseContender("node@latest")).toThrow(
      '--runtimes: "node@latest": a version is a release such as 24, 24.9 or 24.9.0, got "latest"',
    );
    expect(() => parseContender("cpython@3.12")).toThrow(/cpython is a reference/);
    // Another runtime's name would be that runtime's column too (the run records it, if only as not selected).
    expect(() => parseContender("bun:node")).toThrow('--runtimes: "bun:node": "bun" is the name of a runtime: choose another label');
    expect(parseContender("node:node@24").label).toBe("node");
  });
});

describe("a list of contenders", () => {
  it("splits at commas outside brackets, so a flag may hold a comma", () => {
    expect(splitContenderList("node@24, node,deno[--v8-flags=--a,--b] ,")).toEqual(["node@24", "node", "deno[--v8-flags=--a,--b]"]);
    expect(() => splitContenderList("deno[--v8-flags=--a")).toThrow(/not closed/);
    expect(() => splitContenderList("node],bun")).toThrow(/no "\[" before it/);
  });

  it("reads every item, several of one runtime side by side", () => {
    const list = parseContenders("node@24,node,bun@1.3,bun,deno");
    expect(list.map((spec) => [spec.runtime, spec.label])).toEqual([
      ["node", "node@24"],
      ["node", "node"],
      ["bun", "bun@1.3"],
      ["bun", "bun"],
      ["deno", "deno"],
    ]);
  });

  it("refuses one label twice (an A/A run names one of the two), and an empty list", () => {
    expect(() => parseContenders("node,node")).toThrow('--runtimes: "node" twice; give one of them a label of its own ("label:node")');
    expect(parseContenders("node,again:node").map((spec) => spec.label)).toEqual(["node", "again"]);
    expect(() => parseContenders(" , ")).toThrow(ContenderError);
  });
});
