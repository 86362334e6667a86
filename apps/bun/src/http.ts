/**
 * Bun's HTTP client for the I/O scenarios: its native fetch, with Bun's defaults (at most 256 requests in
 * flight, BUN_CONFIG_MAX_HTTP_REQUESTS; 64 idle sockets kept), recorded as such.
 */
import type { HttpClientDescription } from "@runtime-bench/harness/primitives";

export { fetchJsonWithGlobalFetch as fetchJson } from "@runtime-bench/harness/web-platform";

export const httpClient: HttpClientDescription = {
  name: "Bun fetch",
  configuration: "default",
  settings: { maxRequestsInFlight: Number(process.env.BUN_CONFIG_MAX_HTTP_REQUESTS ?? 256), keepAlive: true },
};
