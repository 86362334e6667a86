/**
 * Deno's HTTP clients for the I/O scenarios: its native fetch with the shared default client (every headline and
 * sweep cell), and, as a labelled variant, the same fetch through a client of its own (Deno.createHttpClient)
 * whose pool settings are set and recorded.
 */

import type { HttpClients } from "@runtime-bench/in-runtime/primitives";
import { fetchJsonWithGlobalFetch } from "@runtime-bench/in-runtime/web-platform";
import type { HttpClientId } from "@runtime-bench/workloads";

/**
 * Set explicitly, where Deno documents no number for its defaults (its docs: http1 and http2 both allowed); idle
 * connections per host and how long they are kept are the pool settings a user of many connections would set.
 */
const clientSettings = { poolMaxIdlePerHost: 256, poolIdleTimeoutMs: 60_000, http2: false };

let configured: Deno.HttpClient | undefined;

export function fetchJson(url: string, timeoutMs: number, client: HttpClientId): Promise<unknown> {
  if (client === "default") return fetchJsonWithGlobalFetch(url, timeoutMs);
  if (client !== "fetch-configured") throw new Error(`Deno has no ${client} HTTP client set up here`);
  configured ??= Deno.createHttpClient({
    poolMaxIdlePerHost: clientSettings.poolMaxIdlePerHost,
    poolIdleTimeout: clientSettings.poolIdleTimeoutMs,
    http2: clientSettings.http2,
  });
  return fetchJsonWithGlobalFetch(url, timeoutMs, { client: configured });
}

export const httpClients: HttpClients = {
  default: { name: "Deno fetch", configuration: "default", settings: { keepAlive: true } },
  "fetch-configured": { name: "Deno fetch with Deno.createHttpClient", configuration: "configured", settings: clientSettings },
};
