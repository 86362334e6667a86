/**
 * Node's HTTP client for the I/O scenarios: undici (the library behind Node's fetch) with its fetch API
 * and an explicit Agent, so connection limits and keep-alive are set and recorded, not left to defaults.
 */
import type { HttpClientDescription } from "@runtime-bench/harness/primitives";

const settings = { connections: 256, keepAliveTimeoutMs: 60_000, pipelining: 1 };

// Loaded on first use: a worker or child that only does CPU work should not pay for parsing undici.
let client: Promise<{ fetch: typeof import("undici").fetch; agent: import("undici").Agent }> | undefined;
const loadClient = async () => {
  const undici = await import("undici");
  const agent = new undici.Agent({
    connections: settings.connections,
    keepAliveTimeout: settings.keepAliveTimeoutMs,
    pipelining: settings.pipelining,
  });
  return { fetch: undici.fetch, agent };
};

export async function fetchJson(url: string): Promise<unknown> {
  const { fetch, agent } = await (client ??= loadClient());
  const response = await fetch(url, { dispatcher: agent });
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return response.json();
}

export const httpClient: HttpClientDescription = { name: "undici.fetch", configuration: "tuned", settings };
