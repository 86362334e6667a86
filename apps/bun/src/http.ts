/**
 * Bun's HTTP client for the I/O scenarios: its native fetch, with Bun's defaults (at most 256 requests in
 * flight, BUN_CONFIG_MAX_HTTP_REQUESTS; 64 idle sockets kept), recorded as such. No tuned client is set up.
 */

import type { HttpClientDescription } from "@runtime-bench/harness/primitives";
import { fetchJsonWithGlobalFetch } from "@runtime-bench/harness/web-platform";
import type { HttpClientKind } from "@runtime-bench/workloads";

export function fetchJson(url: string, timeoutMs: number, client: HttpClientKind): Promise<unknown> {
  if (client !== "default") throw new Error(`Bun has no ${client} HTTP client set up here`);
  return fetchJsonWithGlobalFetch(url, timeoutMs);
}

export const httpClients: { default: HttpClientDescription } = {
  default: {
    name: "Bun fetch",
    configuration: "default",
    settings: { maxRequestsInFlight: Number(process.env.BUN_CONFIG_MAX_HTTP_REQUESTS ?? 256), keepAlive: true },
  },
};
