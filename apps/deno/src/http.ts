/**
 * Deno's HTTP client for the I/O scenarios: its native fetch with the shared default client, recorded as
 * such (Deno.createHttpClient would tune it; later scenarios compare the two).
 */
import type { HttpClientDescription } from "@runtime-bench/harness/primitives";

export async function fetchJson(url: string, timeoutMs: number): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return response.json();
}

export const httpClient: HttpClientDescription = { name: "Deno fetch", configuration: "default", settings: { keepAlive: true } };
