/**
 * Resolving a released version (node@24) without the network: npm asks a registry served here on loopback, which
 * knows a few releases of node, or one that is not there at all.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ContenderError } from "@runtime-bench/model/contenders";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveRelease } from "../src/contender-releases.ts";

const RELEASES = ["24.8.0", "24.9.0", "24.10.1", "26.10.0"];
let server: Server;
let registry: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    response.setHeader("content-type", "application/json");
    if (request.url !== "/node") {
      response.statusCode = 404;
      response.end(JSON.stringify({ error: "not found" }));
      return;
    }
    const versions = Object.fromEntries(RELEASES.map((version) => [version, { name: "node", version }]));
    response.end(JSON.stringify({ name: "node", "dist-tags": { latest: "26.10.0" }, versions }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("a released version as a contender", () => {
  it("resolves a major or a minor to its newest release (24.10.1 after 24.9.0), and an exact one to itself", async () => {
    expect(await resolveRelease("node@24", "node", "24", registry)).toBe("24.10.1");
    expect(await resolveRelease("node@24.9", "node", "24.9", registry)).toBe("24.9.0");
    expect(await resolveRelease("node@26.10.0", "node", "26.10.0", registry)).toBe("26.10.0");
  });

  it("refuses a version no release matches, in one line naming the contender", async () => {
    await expect(resolveRelease("node@30", "node", "30", registry)).rejects.toThrow(
      new ContenderError('--runtimes: "node@30": no release of node matches 30'),
    );
  });

  it("refuses where the registry cannot be reached, saying so in one line", async () => {
    const closed = "http://127.0.0.1:1/";
    const error = await resolveRelease("node@24", "node", "24", closed).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContenderError);
    expect((error as Error).message).toBe('--runtimes: "node@24": the npm registry could not be reached to resolve 24 (ECONNREFUSED)');
  });

  it("has no registry to ask for a reference, whose interpreter is the machine's", async () => {
    await expect(resolveRelease("cpython@3", "cpython", "3", registry)).rejects.toThrow(/cpython has no releases on the npm registry/);
  });
});
