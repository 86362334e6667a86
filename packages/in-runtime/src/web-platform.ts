/**
 * The Web-standard primitives Bun and Deno share (and piscina's task file uses): a parent-side port onto a
 * Web Worker, and JSON over the global fetch. Runtime-neutral, so they live here rather than twice in apps.
 */
import { createExecutorChannel, type TaskPort, type TeardownOutcome } from "./protocol.ts";

/** The slice of the Web Worker API used here; Bun and Deno have it as a global, Node does not. */
interface WebWorker {
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
  terminate(): void;
  addEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
  addEventListener(type: "error", listener: (event: { message: string }) => void): void;
  addEventListener(type: "close", listener: () => void): void;
}
type WebWorkerConstructor = new (url: string, options?: { type?: "classic" | "module"; smol?: boolean }) => WebWorker;

/** How long a stopped worker may take to report that it is gone before its teardown counts as unseen. */
const EXIT_WAIT_MS = 5000;

export interface WebWorkerOptions {
  type?: "classic" | "module";
  /**
   * How the runtime reports a terminated worker gone: Bun fires a "close" event; the Web standard has no such
   * event (whatwg/html#5869) and Deno follows it, so there the reason is given instead and teardown is not timed.
   */
  exit: { event: "close" } | { unseen: string };
  /** Bun's own option: the worker's heap kept small, as `bun --smol` keeps the main thread's (a worker is not told). */
  smol?: boolean;
}

/** A fresh Web Worker running `url`, seen as a TaskPort once it has said it is ready. */
export async function startWebWorker(url: string, options: WebWorkerOptions): Promise<TaskPort> {
  // Bun and Deno have a global Worker; Node's types (which type-check this file) do not know it.
  const scope: object = globalThis;
  const Worker: WebWorkerConstructor = Reflect.get(scope, "Worker");
  const settings = { ...(options.type ? { type: options.type } : {}), ...(options.smol ? { smol: true } : {}) };
  const worker = new Worker(url, Object.keys(settings).length > 0 ? settings : undefined);
  const channel = createExecutorChannel((request, transfer) => worker.postMessage(request, transfer));
  const exit = options.exit;
  const closed = "event" in exit ? new Promise<void>((resolve) => worker.addEventListener(exit.event, () => resolve())) : null;
  worker.addEventListener("message", (event) => channel.receive(event.data));
  worker.addEventListener("error", (event) => channel.failAll(`worker error: ${event.message}`));
  await channel.ready;
  return {
    run: channel.request,
    echo: channel.echo,
    async close(): Promise<TeardownOutcome> {
      worker.terminate();
      if (!closed) return { exitSeen: false, why: (exit as { unseen: string }).unseen };
      let timer: ReturnType<typeof setTimeout> | undefined;
      const gaveUp = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), EXIT_WAIT_MS)));
      const seen = await Promise.race([closed.then(() => true as const), gaveUp]);
      clearTimeout(timer);
      return seen ? { exitSeen: true } : { exitSeen: false, why: `no "close" event within ${EXIT_WAIT_MS / 1000} s of terminate()` };
    },
  };
}

/**
 * GET a URL with the global fetch, failing on a non-200 answer or after `timeoutMs`. `options`: what a runtime's
 * fetch takes beyond the standard to change its connection handling (Node's `dispatcher`, Deno's `client`).
 */
export async function fetchJsonWithGlobalFetch(url: string, timeoutMs: number, options: object = {}): Promise<unknown> {
  const response = await fetch(url, { ...options, signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return response.json();
}

/** Key derivation through WebCrypto (Deno runs it as a blocking task off the JavaScript thread). */
export async function pbkdf2ViaWebCrypto(
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  keyBytes: number,
): Promise<Uint8Array> {
  // Copies: WebCrypto takes buffers it owns the type of (ArrayBuffer-backed, never shared).
  const key = await crypto.subtle.importKey("raw", Uint8Array.from(password), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt: Uint8Array.from(salt), iterations },
    key,
    keyBytes * 8,
  );
  return new Uint8Array(bits);
}
