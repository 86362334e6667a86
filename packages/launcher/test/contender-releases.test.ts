/**
 * Resolving and installing a released version (node@24) without the network: npm asks a registry served here on
 * loopback, which knows a few releases of node (one of them a package of its own making, to install), or one that is
 * not there at all.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ContenderError } from "@runtime-bench/model/contenders";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installRelease, resolveRelease } from "../src/contender-releases.ts";

const RELEASES = ["24.8.0", "24.9.0", "24.10.1", "26.10.0"];
let server: Server;
let registry: string;
let tarballRequests = 0;

/** A stand-in for the node package at 24.10.1: its bin/node says its version, as the real binary does. */
function fakeNodeTarball(): Buffer {
  const folder = mkdtempSync(join(tmpdir(), "rb-fake-node-"));
  mkdirSync(join(folder, "package", "bin"), { recursive: true });
  writeFileSync(join(folder, "package", "package.json"), JSON.stringify({ name: "node", version: "24.10.1", bin: { node: "bin/node" } }));
  writeFileSync(join(folder, "package", "bin", "node"), "#!/bin/sh\necho v24.10.1\n");
  chmodSync(join(folder, "package", "bin", "node"), 0o755);
  execFileSync("npm", ["pack", "--pack-destination", folder, "--loglevel=error"], { cwd: join(folder, "package") });
  return readFileSync(join(folder, "node-24.10.1.tgz"));
}

beforeAll(async () => {
  const tarball = fakeNodeTarball();
  const integrity = `sha512-${createHash("sha512").update(tarball).digest("base64")}`;
  server = createServer((request, response) => {
    if (request.url === "/node/-/node-24.10.1.tgz") {
      tarballRequests++;
      response.end(tarball);
      return;
    }
    response.setHeader("content-type", "application/json");
    if (request.url !== "/node") {
      response.statusCode = 404;
      response.end(JSON.stringify({ error: "not found" }));
      return;
    }
    const dist = { tarball: `${registry}node/-/node-24.10.1.tgz`, integrity, shasum: createHash("sha1").update(tarball).digest("hex") };
    const versions = Object.fromEntries(RELEASES.map((version) => [version, { name: "node", version, bin: { node: "bin/node" }, dist }]));
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

describe("a released version, installed", () => {
  it("is installed on first use into the cache, with one progress line, and reused after without the registry", async () => {
    const cache = mkdtempSync(join(tmpdir(), "rb-release-cache-"));
    const lines: string[] = [];
    const binary = await installRelease("node@24", "node", "24.10.1", { registry, cache, log: (line) => lines.push(line) });
    expect(binary).toBe(join(cache, "node@24.10.1", "node_modules", "node", "bin", "node"));
    expect(execFileSync(binary, { encoding: "utf8" }).trim()).toBe("v24.10.1");
    expect(lines).toEqual([
      expect.stringMatching(/^\[contenders\] installing node@24\.10\.1 into .*node@24\.10\.1 \(first use; later runs reuse it\)$/),
    ]);
    const requests = tarballRequests;
    expect(
      await installRelease("node@24", "node", "24.10.1", { registry: "http://127.0.0.1:1/", cache, log: (line) => lines.push(line) }),
    ).toBe(binary);
    expect([tarballRequests, lines.length]).toEqual([requests, 1]);
  });

  it("refuses, naming the contender in one line, where the install fails", async () => {
    const cache = mkdtempSync(join(tmpdir(), "rb-release-cache-"));
    await expect(installRelease("node@24", "node", "24.10.1", { registry: "http://127.0.0.1:1/", cache, log: () => {} })).rejects.toThrow(
      '--runtimes: "node@24": installing node@24.10.1 failed (ECONNREFUSED)',
    );
  });
});
