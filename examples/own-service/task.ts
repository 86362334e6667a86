/**
 * Units that go to a service of yours rather than to the harness's mock API: here the key-value service next to this
 * file (start it first: `node examples/own-service/service.mjs`), called with the runtime's own fetch. The task states
 * the latency the service adds, so the report can say how close each model came to the ideal; it also flags a level
 * where a unit's latency grew with more in flight (the service, not the model, was then the limit).
 */
import type { IoTaskDefinition } from "@runtime-bench/task";

type Item = { key: string; value: string };

const task: IoTaskDefinition<string, Item> = {
  kind: "io",
  name: "own-service",
  target: { url: "http://127.0.0.1:4810", latencyMs: 5 },
  units: 200,
  inFlight: { "10 at once": 10, "100 at once": 100 },
  workers: [1, 2],
  input: (index) => `k${index}`,
  run: async (key, target) => {
    const response = await fetch(`${target}/items/${key}`);
    if (!response.ok) throw new Error(`GET /items/${key}: HTTP ${response.status}`);
    return (await response.json()) as Item;
  },
  check: (item, key) => item.key === key || `asked for ${key}, got ${item.key}`,
};

export default task;
