import type { CellResult } from "@runtime-bench/model/schema";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type Chart, renderCharts } from "../src/charts/index.ts";
import { RUNTIME_COLOURS } from "../src/charts/theme.ts";
import { fullRun, headlineCells, sweepPoint } from "./chart-fixtures.ts";
import { measured, notSelected, runResult } from "./fixtures.ts";

interface XmlElement {
  name: string;
  attributes: Map<string, string>;
  children: XmlElement[];
  text: string[];
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Replaces XML's entities; throws on a bare "&" or an entity XML does not define. */
function decode(text: string): string {
  return text.replace(/&([^;&\s]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(";")) throw new Error(`bare & in ${JSON.stringify(text.slice(0, 60))}`);
    if (name.startsWith("#x")) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    const known = ENTITIES[name];
    if (known === undefined) throw new Error(`unknown entity &${name};`);
    return known;
  });
}

/**
 * A strict well-formedness check of an XML document without a DTD (what Vega writes): every byte belongs to a
 * tag, a comment, a processing instruction, CDATA or text; tags nest and close by name; attribute values are
 * quoted, not repeated, and hold only valid entities; there is exactly one root element. Returns the root.
 */
function parseXml(source: string): XmlElement {
  const token =
    /(<!--[\s\S]*?-->)|(<\?[\s\S]*?\?>)|<!\[CDATA\[([\s\S]*?)\]\]>|<\/([A-Za-z_][\w:.-]*)\s*>|<([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)/y;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (token.lastIndex < source.length) {
    const at = token.lastIndex;
    const match = token.exec(source);
    if (!match) throw new Error(`not XML at ${at}: ${JSON.stringify(source.slice(at, at + 60))}`);
    const [, comment, instruction, cdata, closing, opening, attributes, selfClosing, text] = match;
    if (comment !== undefined || instruction !== undefined) continue;
    const parent = stack.at(-1);
    if (text !== undefined || cdata !== undefined) {
      const content = cdata ?? decode(text!);
      if (!parent && content.trim() !== "") throw new Error(`text outside the root: ${JSON.stringify(content.slice(0, 60))}`);
      parent?.text.push(content);
    } else if (closing !== undefined) {
      const open = stack.pop();
      if (open?.name !== closing) throw new Error(`</${closing}> closes <${open?.name ?? "nothing"}>`);
    } else {
      const element: XmlElement = { name: opening!, attributes: new Map(), children: [], text: [] };
      for (const [, name, value] of attributes!.matchAll(/([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (element.attributes.has(name!)) throw new Error(`<${opening}> repeats ${name}`);
        element.attributes.set(name!, decode(value ?? ""));
      }
      if (parent) parent.children.push(element);
      else if (root) throw new Error("a second root element");
      else root = element;
      if (selfClosing !== "/") stack.push(element);
    }
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)!.name}> is never closed`);
  if (!root) throw new Error("no root element");
  return root;
}

/** Every text node under an element, one string per <text> line (Vega writes a multi-line label as <tspan>s). */
function texts(element: XmlElement): string[] {
  return [...(element.name === "text" || element.name === "tspan" ? element.text : []), ...element.children.flatMap(texts)];
}

const byFile = (charts: Chart[], file: string): Chart => {
  const chart = charts.find((candidate) => candidate.file === file);
  if (!chart) throw new Error(`no ${file} among ${charts.map((one) => one.file).join(", ")}`);
  return chart;
};

describe("the XML check", () => {
  it("rejects what is not well-formed XML", () => {
    expect(() => parseXml("<svg><g></svg>")).toThrow(/closes/);
    expect(() => parseXml('<svg a="1" a="2"/>')).toThrow(/repeats/);
    expect(() => parseXml("<svg>a & b</svg>")).toThrow(/bare &/);
    expect(() => parseXml("<svg/><svg/>")).toThrow(/second root/);
    expect(() => parseXml("<svg><text>x</text>")).toThrow(/never closed/);
    expect(texts(parseXml('<svg><text x="1">a &amp; b</text></svg>'))).toEqual(["a & b"]);
  });
});

describe("the report's charts", async () => {
  const stderr = vi.spyOn(process.stderr, "write");
  const charts = await renderCharts(fullRun());
  const warnings = stderr.mock.calls.map(([text]) => String(text)).filter((text) => text.startsWith("charts:"));
  stderr.mockRestore();
  afterEach(() => vi.restoreAllMocks());

  it("draws every chart of a full run, in the report's order, without a warning from Vega", () => {
    expect(charts.map((chart) => chart.file)).toEqual([
      "charts/headline.svg",
      "charts/scaling.svg",
      "charts/crossover.svg",
      "charts/io-efficiency.svg",
      "charts/memory-per-unit.svg",
    ]);
    expect(warnings).toEqual([]);
  });

  it("writes each as one well-formed SVG document on a white background, with a title and a one-sentence alt text", () => {
    for (const chart of charts) {
      const root = parseXml(chart.svg);
      expect(root.name).toBe("svg");
      expect(root.attributes.get("xmlns")).toBe("http://www.w3.org/2000/svg");
      expect(Number(root.attributes.get("width"))).toBeLessThanOrEqual(720); // laid out for a ~700 px column
      expect(root.children[0]?.name).toBe("rect");
      expect(root.children[0]!.attributes.get("fill")).toBe("white");
      expect(texts(root)).toContain(chart.title);
      expect(chart.alt).toMatch(/^[A-Z][^\n]*\.$/);
      expect(chart.alt.split(/\.\s/)).toHaveLength(1);
    }
  });

  it("colours each runtime the same in every chart, and leaves out the runtime that was not measured", () => {
    for (const chart of charts) {
      expect(chart.svg).toContain(RUNTIME_COLOURS.node);
      expect(chart.svg).toContain(RUNTIME_COLOURS.bun);
      expect(chart.svg).not.toContain(RUNTIME_COLOURS.deno);
      const words = texts(parseXml(chart.svg));
      expect(words).toEqual(expect.arrayContaining(["node", "bun"]));
      expect(words).not.toContain("deno");
    }
  });

  it("scaling: speed-up against workers per pool, with the ideal, from the report's analysis", () => {
    const words = texts(parseXml(byFile(charts, "charts/scaling.svg").svg));
    expect(words).toEqual(
      expect.arrayContaining([
        "workers (log scale)",
        "speed-up over sequential (x)",
        "a warmed worker pool",
        "a warmed process pool",
        "ideal: min(tasks, workers, cores)",
        "1",
        "2",
        "4",
      ]),
    );
  });

  it("crossover: speed-up against the work per task, with the break-even line", () => {
    const words = texts(parseXml(byFile(charts, "charts/crossover.svg").svg));
    expect(words).toEqual(
      expect.arrayContaining([
        "work per task (ms, log scale)",
        "speed-up over sequential (x, log scale)",
        "break-even",
        "a warmed worker pool",
      ]),
    );
  });

  it("I/O efficiency: per latency with an ideal time, and says why 0 ms is not drawn", () => {
    const chart = byFile(charts, "charts/io-efficiency.svg");
    const words = texts(parseXml(chart.svg));
    expect(words).toEqual(
      expect.arrayContaining([
        "requests in flight, C (log scale)",
        "efficiency: ideal time / measured time",
        "50 ms latency",
        "concurrent async requests",
        "requests spread over worker threads",
      ]),
    );
    expect(words).not.toContain("0 ms latency");
    expect(words.join(" ")).toMatch(/0 ms: no ideal time, so no efficiency/);
  });

  it("memory: the report's slopes, MiB per worker or process and KiB per in-flight request", () => {
    const words = texts(parseXml(byFile(charts, "charts/memory-per-unit.svg").svg));
    expect(words).toEqual(
      expect.arrayContaining([
        "peak PSS per added worker thread or child process (MiB)",
        "peak PSS per added in-flight request (KiB)",
        // Hand-set in the fixture: 5 MiB per added worker, 10 per added process and per I/O worker thread,
        // 2 MiB over 90 more requests in flight = 22.8 KiB each.
        "5.0",
        "10.0",
        "22.8",
      ]),
    );
  });

  it("headline: each model's speed-up over its baseline, as the verdicts give it, with a line at 1x", () => {
    const words = texts(parseXml(byFile(charts, "charts/headline.svg").svg));
    expect(words).toEqual(
      expect.arrayContaining([
        "speed-up over the baseline (x, log scale)",
        "a warmed worker pool",
        "concurrent async requests",
        "2.00x", // node: 400 ms over 200 ms
        "1.90x", // bun: 380 ms over 200 ms
        "10.00x", // 5000 ms over 500 ms
        "1",
      ]),
    );
    expect(words.some((word) => word.startsWith("against the sequential run"))).toBe(true);
  });
});

describe("charts without data", () => {
  it("draws only the headline chart for a run without sweeps or a ladder (the quick profile)", async () => {
    const quick = runResult([measured("node", headlineCells(400, 200)), notSelected("bun"), notSelected("deno")]);
    expect((await renderCharts(quick)).map((chart) => chart.file)).toEqual(["charts/headline.svg"]);
  });

  it("draws nothing when no runtime was measured", async () => {
    expect(await renderCharts(runResult([notSelected("node"), notSelected("bun"), notSelected("deno")]))).toEqual([]);
  });

  it("leaves out the I/O efficiency chart where the sweep ran at 0 ms only (no ideal time), and charts whose cells all failed", async () => {
    const failed = (cell: CellResult): CellResult => ({ ...cell, status: "failed", reason: "test", samples: [] });
    const run = runResult([
      measured("node", [
        sweepPoint("io.async-fetch", 0, 10, 20),
        sweepPoint("io.async-fetch", 0, 10, 20, { requests: 1000 }),
        sweepPoint("io.async-fetch", 0, 100, 60, { requests: 1000 }),
        ...headlineCells(400, 200).map(failed),
      ]),
    ]);
    // The memory per in-flight request needs no ideal time: the report gives it at 0 ms too, and so does the chart.
    expect((await renderCharts(run)).map((chart) => chart.file)).toEqual(["charts/memory-per-unit.svg"]);
  });
});
