/**
 * Bun's HTTP clients for the I/O scenarios: its native fetch with Bun's defaults (at most 256 requests in flight,
 * BUN_CONFIG_MAX_HTTP_REQUESTS; 64 idle sockets kept), as its users call it; and, as a labelled variant, the same
 * fetch with its in-flight limit raised. Bun's fetch takes no pool settings per call and reads that limit only when
 * the process starts, so the launcher sets it for that variant's processes (launch.ts) and the variant checks it.
 */

import type { HttpClients } from "@runtime-bench/in-runtime/primitives";
import { fetchJsonWithGlobalFetch } from "@runtime-bench/in-runtime/web-platform";
import type { HttpClientId } from "@runtime-bench/workloads";

/** Bun's default, where the variable is not set (checked here: 600 requests at once reach 256 in flight). */
const DEFAULT_MAX_REQUESTS = 256;
export const CONFIGURED_FETCH_ENV = { BUN_CONFIG_MAX_HTTP_REQUESTS: "1024" };

export function fetchJson(url: string, timeoutMs: number, client: HttpClientId): Promise<unknown> {
  if (client === "default") return fetchJsonWithGlobalFetch(url, timeoutMs);
  if (client !== "fetch-configured") throw new Error(`Bun has no ${client} HTTP client set up here`);
  const limit = CONFIGURED_FETCH_ENV.BUN_CONFIG_MAX_HTTP_REQUESTS;
  if (process.env.BUN_CONFIG_MAX_HTTP_REQUESTS !== limit)
    throw new Error(`the configured fetch needs BUN_CONFIG_MAX_HTTP_REQUESTS=${limit} when Bun starts (the launcher sets it)`);
  return fetchJsonWithGlobalFetch(url, timeoutMs);
}

export const httpClients: HttpClients = {
  default: {
    name: "Bun fetch",
    configuration: "default",
    settings: { maxRequestsInFlight: Number(process.env.BUN_CONFIG_MAX_HTTP_REQUESTS ?? DEFAULT_MAX_REQUESTS), keepAlive: true },
  },
  "fetch-configured": {
    name: "Bun fetch, in-flight limit raised",
    configuration: "configured",
    settings: {
      maxRequestsInFlight: Number(CONFIGURED_FETCH_ENV.BUN_CONFIG_MAX_HTTP_REQUESTS),
      setBy: "BUN_CONFIG_MAX_HTTP_REQUESTS at start",
    },
  },
};
