/**
 * Calling a JSON API with a real npm HTTP client (axios), as a service calling another would: one unit is one GET of a
 * post, checked. The units go to the harness's mock API, which answers each after 20 ms, so the report can say how
 * close each model came to the ideal and what each unit in flight and each worker thread costs in memory.
 */
import type { IoTaskDefinition } from "@runtime-bench/task";
import axios from "axios";

type Post = { id: number; title: string };

// One client per executor (the main thread, each worker), made when the module loads: its connections are reused.
const client = axios.create({ timeout: 10_000 });

const task: IoTaskDefinition<number, Post> = {
  kind: "io",
  name: "api-client",
  target: { mockApi: { latencyMs: 20 } },
  units: 100,
  inFlight: { "10 at once": 10, "50 at once": 50 },
  workers: [1, 2],
  input: (index) => index + 1,
  run: async (id, target) => (await client.get<Post>(`${target}/posts/${id}`)).data,
  check: (post, id) => post.id === id || `asked for post ${id}, got ${post.id}`,
};

export default task;
