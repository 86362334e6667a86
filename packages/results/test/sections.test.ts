/** The report's sections come from one declared list: README.md's contents and every link into details.md agree with it. */
import { describe, expect, it } from "vitest";
import { anchorOf } from "../src/links.ts";
import { renderReport } from "../src/render-markdown.ts";
import { around, cpuCell, ioCell, measured, runResult } from "./fixtures.ts";

const cells = () => [
  cpuCell("cpu.sequential", around(100)),
  cpuCell("cpu.worker-pool", around(52)),
  ioCell("io.sequential", around(5000)),
  ioCell("io.async-fetch", around(520)),
];
const { readme, details } = renderReport(runResult([measured("node", cells()), measured("bun", cells())]));
const headings = (page: string) => page.split("\n").flatMap((line) => (line.startsWith("## ") ? [line.slice(3)] : []));

describe("the report's sections", () => {
  it("lists every section of README.md in its contents, in order, each linking to its heading", () => {
    const contents = [...readme.matchAll(/^- \[(.+)\]\(#(.+)\)$/gm)].map(([, title, anchor]) => ({ title, anchor }));
    const sections = headings(readme).filter((heading) => heading !== "Contents");
    expect(contents.map(({ title }) => title)).toEqual(sections);
    for (const { title, anchor } of contents) expect(anchor).toBe(anchorOf(title!));
  });

  it("links into details.md only to headings it has", () => {
    const anchors = new Set(headings(details).map(anchorOf));
    const links = [...readme.matchAll(/\(details\.md#([^)]+)\)/g)].map(([, anchor]) => anchor);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((anchor) => !anchors.has(anchor!))).toEqual([]);
  });

  it("leaves out a section with nothing to say, heading included", () => {
    expect(headings(readme)).not.toContain("Charts");
    expect(headings(details)).toContain("Noise guards");
  });
});
