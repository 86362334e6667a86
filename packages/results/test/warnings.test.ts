import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SOURCE = fileURLToPath(new URL("../src", import.meta.url));
const WORDING_PLACE = "noise.ts";
const sourceFiles = readdirSync(SOURCE, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts"));
const count = (text: string, sign: string) => text.split(sign).length - 1;

describe("every flag is a Warning, worded in one place", () => {
  it(`no source file but ${WORDING_PLACE} writes the flag's sign: a flag goes through the Warning union`, () => {
    const writers = sourceFiles.filter((file) => file !== WORDING_PLACE && readFileSync(join(SOURCE, file), "utf8").includes("⚠"));
    expect(writers).toEqual([]);
  });

  it(`${WORDING_PLACE} writes it once`, () => {
    expect(count(readFileSync(join(SOURCE, WORDING_PLACE), "utf8"), "⚠")).toBe(1);
  });
});
