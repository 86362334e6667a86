/**
 * Node's HTTP clients for the I/O scenarios. The default, used by every headline and sweep cell, is Node's global
 * fetch (undici inside) with its defaults, as a Node user would call it. Labelled variants beside it: the same
 * fetch with an explicit undici Agent, undici's `request` API (several times cheaper per call than fetch here),
 * and node:http with a keep-alive Agent; each records the settings that differ from its defaults.
 */

import { fetchJsonWithNodeHttp, NODE_HTTP_SETTINGS } from "@runtime-bench/in-runtime/node-http-client";
import type { HttpClients } from "@runtime-bench/in-runtime/primitives";
import { fetchJsonWithGlobalFetch } from "@runtime-bench/in-runtime/web-platform";
import type { HttpClientId } from "@runtime-bench/workloads";

/** undici's Agent defaults: connections unlimited per origin, idle sockets kept 4 s, no pipelining (1). */
const agentSettings = { connections: 256, keepAliveTimeoutMs: 60_000, pipelining: 1 };

// Loaded on first use: a worker or child that only does CPU work, or only uses fetch, should not pay for parsing undici.
let undici: Promise<{ request: typeof import("undici").request; agent: import("undici").Agent }> | undefined;
const loadUndici = async () => {
  const { Agent, request } = await import("undici");
  const agent = new Agent({
    connections: agentSettings.connections,
    keepAliveTimeout: agentSettings.keepAliveTimeoutMs,
    pipelining: agentSettings.pipelining,
  });
  return { request, agent };
};

async function fetchJsonWithUndiciRequest(url: string, timeoutMs: number): Promise<unknown> {
  undici ??= loadUndici();
  const { request, agent } = await undici;
  const response = await request(url, { dispatcher: agent, signal: AbortSignal.timeout(timeoutMs) });
  if (response.statusCode !== 200) {
    await response.body.dump();
    throw new Error(`GET ${url}: HTTP ${response.statusCode}`);
  }
  return response.body.json();
}

async function fetchJsonWithConfiguredFetch(url: string, timeoutMs: number): Promise<unknown> {
  undici ??= loadUndici();
  return fetchJsonWithGlobalFetch(url, timeoutMs, { dispatcher: (await undici).agent });
}

export function fetchJson(url: string, timeoutMs: number, client: HttpClientId): Promise<unknown> {
  switch (client) {
    case "default":
      return fetchJsonWithGlobalFetch(url, timeoutMs);
    case "fetch-configured":
      return fetchJsonWithConfiguredFetch(url, timeoutMs);
    case "undici-request":
      return fetchJsonWithUndiciRequest(url, timeoutMs);
    case "node-http":
      return fetchJsonWithNodeHttp(url, timeoutMs);
  }
}

export const httpClients: HttpClients = {
  default: { name: "fetch (undici)", configuration: "default", settings: { undici: process.versions.undici ?? "unknown" } },
  "fetch-configured": { name: "fetch with an undici Agent", configuration: "configured", settings: agentSettings },
  "undici-request": { name: "undici.request", configuration: "configured", settings: agentSettings },
  "node-http": { name: "node:http", configuration: "configured", settings: NODE_HTTP_SETTINGS },
};
