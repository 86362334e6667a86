/**
 * Deno's HTTP client for the I/O scenarios: its native fetch with the shared default client, recorded as
 * such (Deno.createHttpClient would tune it; later scenarios compare the two).
 */
import type { HttpClientDescription } from "@runtime-bench/harness/primitives";

export { fetchJsonWithGlobalFetch as fetchJson } from "@runtime-bench/harness/web-platform";

export const httpClient: HttpClientDescription = { name: "Deno fetch", configuration: "default", settings: { keepAlive: true } };
