/**
 * Deno's HTTP client for the I/O scenarios: its native fetch with the shared default client, recorded as
 * such. No tuned client (Deno.createHttpClient) is set up.
 */

import type { HttpClientDescription } from "@runtime-bench/harness/primitives";
import { fetchJsonWithGlobalFetch } from "@runtime-bench/harness/web-platform";
import type { HttpClientKind } from "@runtime-bench/workloads";

export function fetchJson(url: string, timeoutMs: number, client: HttpClientKind): Promise<unknown> {
  if (client !== "default") throw new Error(`Deno has no ${client} HTTP client set up here`);
  return fetchJsonWithGlobalFetch(url, timeoutMs);
}

export const httpClients: { default: HttpClientDescription } = {
  default: { name: "Deno fetch", configuration: "default", settings: { keepAlive: true } },
};
