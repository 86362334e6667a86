/**
 * Node's HTTP clients for the I/O scenarios. The default, used by every headline cell, is Node's global
 * fetch (undici inside) with its defaults, as a Node user would call it. The tuned one, shown apart as a
 * labelled variant, is undici's `request` API with an explicit Agent (several times cheaper per call than
 * fetch here), its connection limits and keep-alive set and recorded.
 */

import type { HttpClientDescription } from "@runtime-bench/harness/primitives";
import { fetchJsonWithGlobalFetch } from "@runtime-bench/harness/web-platform";
import type { HttpClientKind } from "@runtime-bench/workloads";

const tunedSettings = { connections: 256, keepAliveTimeoutMs: 60_000, pipelining: 1 };

// Loaded on first use: a worker or child that only does CPU work, or only uses fetch, should not pay for parsing undici.
let tunedClient: Promise<{ request: typeof import("undici").request; agent: import("undici").Agent }> | undefined;
const loadTunedClient = async () => {
  const undici = await import("undici");
  const agent = new undici.Agent({
    connections: tunedSettings.connections,
    keepAliveTimeout: tunedSettings.keepAliveTimeoutMs,
    pipelining: tunedSettings.pipelining,
  });
  return { request: undici.request, agent };
};

async function fetchJsonTuned(url: string, timeoutMs: number): Promise<unknown> {
  tunedClient ??= loadTunedClient();
  const { request, agent } = await tunedClient;
  const response = await request(url, { dispatcher: agent, signal: AbortSignal.timeout(timeoutMs) });
  if (response.statusCode !== 200) {
    await response.body.dump();
    throw new Error(`GET ${url}: HTTP ${response.statusCode}`);
  }
  return response.body.json();
}

export function fetchJson(url: string, timeoutMs: number, client: HttpClientKind): Promise<unknown> {
  return client === "tuned" ? fetchJsonTuned(url, timeoutMs) : fetchJsonWithGlobalFetch(url, timeoutMs);
}

export const httpClients: { default: HttpClientDescription; tuned: HttpClientDescription } = {
  default: { name: "fetch (undici)", configuration: "default", settings: { undici: process.versions.undici ?? "unknown" } },
  tuned: { name: "undici.request", configuration: "tuned", settings: tunedSettings },
};
