import { networkInterfaces } from "node:os";
import { assertPost } from "@runtime-bench/workloads";
import { afterEach, describe, expect, it } from "vitest";
import { type RunningMockApi, startMockApi } from "../src/index.ts";

let api: RunningMockApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe("mock API over real loopback HTTP", () => {
  it("serves a post after the injected latency, on a port the OS chose", async () => {
    api = await startMockApi({ latencyMs: 40 });
    expect(api.port).toBeGreaterThan(0);
    expect(api.url).toBe(`http://127.0.0.1:${api.port}`);
    const start = performance.now();
    const response = await fetch(`${api.url}/posts/42`);
    const elapsed = performance.now() - start;
    expect(response.status).toBe(200);
    const post: unknown = await response.json();
    assertPost(post, 42);
    expect(elapsed).toBeGreaterThanOrEqual(39);
    expect(api.requestCount()).toBe(1);
  });

  it("keeps connections alive", async () => {
    api = await startMockApi({ latencyMs: 0 });
    const response = await fetch(`${api.url}/posts/1`);
    await response.json();
    expect(response.headers.get("connection")).toBe("keep-alive");
  });

  it("answers 404 for an unknown route", async () => {
    api = await startMockApi({ latencyMs: 0 });
    expect((await fetch(`${api.url}/users/1`)).status).toBe(404);
  });

  it("rejects bad options", async () => {
    await expect(startMockApi({ latencyMs: -1 })).rejects.toThrow(/latencyMs/);
    await expect(startMockApi({ port: 70_000 })).rejects.toThrow(/port/);
  });

  it("is not reachable on any interface but loopback", async () => {
    api = await startMockApi({ latencyMs: 0 });
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address && address.family === "IPv4" && !address.internal);
    for (const address of external) {
      await expect(fetch(`http://${address!.address}:${api.port}/posts/1`, { signal: AbortSignal.timeout(2000) })).rejects.toThrow();
    }
  });
});

describe("mock API faults", () => {
  it("chooses another port when the one asked for is in use", async () => {
    const first = await startMockApi({ latencyMs: 0 });
    try {
      api = await startMockApi({ latencyMs: 0, port: first.port });
      expect(api.portFallback).toBe(true);
      expect(api.port).not.toBe(first.port);
      expect((await fetch(`${api.url}/posts/1`)).status).toBe(200);
    } finally {
      await first.close();
    }
  });

  it("answers every k-th post request with 503 when asked to", async () => {
    api = await startMockApi({ latencyMs: 0, errorEvery: 2 });
    const statuses = [];
    for (let id = 1; id <= 4; id++) statuses.push((await fetch(`${api.url}/posts/${id}`)).status);
    expect(statuses).toEqual([200, 503, 200, 503]);
  });

  it("leaves every k-th post request unanswered when asked to", async () => {
    api = await startMockApi({ latencyMs: 0, dropEvery: 1 });
    await expect(fetch(`${api.url}/posts/1`, { signal: AbortSignal.timeout(300) })).rejects.toThrow();
  });
});
