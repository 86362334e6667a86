/**
 * Node's HTTP client for the I/O scenarios: undici (the library behind Node's fetch) with its fetch API
 * and an explicit Agent, so connection limits and keep-alive are set and recorded, not left to defaults.
 */
import { Agent, fetch } from "undici";
import type { HttpClientDescription } from "@runtime-bench/harness/primitives";

const settings = { connections: 256, keepAliveTimeoutMs: 60_000, pipelining: 1 };

const agent = new Agent({
  connections: settings.connections,
  keepAliveTimeout: settings.keepAliveTimeoutMs,
  pipelining: settings.pipelining,
});

export async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { dispatcher: agent });
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return response.json();
}

export const httpClient: HttpClientDescription = { name: "undici.fetch", configuration: "tuned", settings };
