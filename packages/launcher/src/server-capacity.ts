/**
 * The mock API's capacity, measured by a load generator that is none of the clients under test (autocannon),
 * so the report can say whether any client came near it: a server that is the bottleneck would make every
 * client look alike. Taken once, before the rounds, at zero latency, where the server works hardest per second.
 */
import { toMessage } from "@runtime-bench/model/errors";
import { packageVersion } from "@runtime-bench/model/package-version";
import type { ServerCapacity } from "@runtime-bench/model/schema";
import type { MockApiProcess } from "./mock-api-process.ts";

export interface CapacitySettings {
  connections: number;
  durationSeconds: number;
}

export async function measureServerCapacity(
  api: MockApiProcess,
  { connections, durationSeconds }: CapacitySettings,
): Promise<ServerCapacity> {
  try {
    const { default: autocannon } = await import("autocannon");
    const result = await autocannon({ url: `${api.url}/posts/1?latency=0`, connections, duration: durationSeconds });
    return {
      tool: `autocannon ${packageVersion("autocannon", import.meta.resolve("autocannon"))}`,
      connections,
      durationSeconds,
      latencyMs: 0,
      // Answered requests over the whole run (its per-second average leaves out the last, partial second).
      requestsPerSecond: result.requests.total / durationSeconds,
      errors: result.errors + result.timeouts + result.non2xx,
    };
  } catch (error) {
    return { unavailable: `the load generator failed: ${toMessage(error)}` };
  }
}
