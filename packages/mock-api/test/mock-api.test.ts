import { networkInterfaces } from "node:os";
import { assertPost, mockApiTarget } from "@runtime-bench/workloads";
import { afterEach, describe, expect, it } from "vitest";
import { MAX_REQUEST_LATENCY_MS, type RunningMockApi, startMockApi } from "../src/index.ts";

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

  it("delays each request by the latency it asks for (the sweep's latencies on one server)", async () => {
    api = await startMockApi({ latencyMs: 0 });
    const medianOf = async (latency: number) => {
      const elapsed: number[] = [];
      for (let id = 1; id <= 9; id++) {
        const start = performance.now();
        const response = await fetch(`${api!.url}/posts/${id}?latency=${latency}`);
        assertPost(await response.json(), id);
        elapsed.push(performance.now() - start);
      }
      return elapsed.sort((a, b) => a - b)[4]!;
    };
    await medianOf(0); // the connection is open and the client compiled before anything is judged
    // Timers never fire early; the upper bound only has to tell 30 ms from 0 and from 60.
    expect(await medianOf(30)).toBeGreaterThanOrEqual(29.5);
    expect(await medianOf(30)).toBeLessThan(45);
    expect(await medianOf(0)).toBeLessThan(15);
  });

  it("takes the latency from the path too, as a user's I/O task is handed it (a base address to add /posts/<id> to)", async () => {
    api = await startMockApi({ latencyMs: 0 });
    const target = mockApiTarget(api.url, 30);
    await fetch(`${target}/posts/1`).then((response) => response.json()); // connection open, client compiled
    const start = performance.now();
    const response = await fetch(`${target}/posts/3`);
    assertPost(await response.json(), 3);
    expect(performance.now() - start).toBeGreaterThanOrEqual(29.5);
  });

  it("refuses a latency past its limit with 400 and a reason", async () => {
    api = await startMockApi({ latencyMs: 0 });
    const response = await fetch(`${api.url}/posts/1?latency=${MAX_REQUEST_LATENCY_MS + 1}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/at most/) });
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
