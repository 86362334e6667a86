/**
 * The Web-standard primitives Bun and Deno share (and piscina's task file uses): a parent-side port onto a
 * Web Worker, and JSON over the global fetch. Runtime-neutral, so they live here rather than twice in apps.
 */
import { createRequestTracker, type TaskPort } from "./protocol.ts";

/** The slice of the Web Worker API used here; Bun and Deno have it as a global, Node does not. */
interface WebWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  addEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
  addEventListener(type: "error", listener: (event: { message: string }) => void): void;
}
type WebWorkerConstructor = new (url: string, options?: { type?: "classic" | "module" }) => WebWorker;

/** A fresh Web Worker running `url`, seen as a TaskPort. */
export function startWebWorker(url: string, options?: { type?: "classic" | "module" }): Promise<TaskPort> {
  const { Worker } = globalThis as unknown as { Worker: WebWorkerConstructor };
  const worker = new Worker(url, options);
  const tracker = createRequestTracker((request) => worker.postMessage(request));
  worker.addEventListener("message", (event) => tracker.receive(event.data));
  worker.addEventListener("error", (event) => tracker.failAll(`worker error: ${event.message}`));
  return Promise.resolve({
    run: tracker.request,
    close: async () => worker.terminate(),
  });
}

/** GET a URL with the global fetch, failing on a non-200 answer or after `timeoutMs`. */
export async function fetchJsonWithGlobalFetch(url: string, timeoutMs: number): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return response.json();
}
