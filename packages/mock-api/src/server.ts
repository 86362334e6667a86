/**
 * A local JSONPlaceholder-style API: GET /posts/:id answers {userId, id, title, body} after an injected
 * latency, standing in for the remote API of the lesson so every runtime meets the same server. A request may
 * ask for its own latency (`/posts/7?latency=10`), so one server serves every point of a latency sweep.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { makePost } from "@runtime-bench/workloads";

export interface MockApiOptions {
  /** Delay before each answer, in milliseconds: the "network" the I/O scenarios wait on. */
  latencyMs?: number;
  /** 0 lets the OS choose a free port; the chosen one is in the returned url. A port in use falls back to 0. */
  port?: number;
  /** Fault injection: every k-th post request answers 503. */
  errorEvery?: number;
  /** Fault injection: every k-th post request is never answered (the client must time out). */
  dropEvery?: number;
}

export interface RunningMockApi {
  url: string;
  port: number;
  latencyMs: number;
  /** True when the requested port was in use and the OS chose another. */
  portFallback: boolean;
  /** Requests answered so far (all paths). */
  requestCount(): number;
  close(): Promise<void>;
}

// Loopback only: the server must never be reachable from another interface.
const HOST = "127.0.0.1";
/** A post, its latency in the path (a user's I/O task's base address: mockApiTarget) or the query, else the server's. */
const POST_PATH = /^(?:\/latency\/(\d+(?:\.\d+)?))?\/posts\/(\d+)(?:\?latency=(\d+(?:\.\d+)?))?$/;
/** The most latency a request may ask for: a request waiting longer is a mistake, not a measurement. */
export const MAX_REQUEST_LATENCY_MS = 10_000;

export async function startMockApi(options: MockApiOptions = {}): Promise<RunningMockApi> {
  const latencyMs = options.latencyMs ?? 50;
  const port = options.port ?? 0;
  if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new RangeError(`latencyMs must be >= 0, got ${latencyMs}`);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`port must be 0-65535, got ${port}`);

  for (const [name, value] of Object.entries({ errorEvery: options.errorEvery, dropEvery: options.dropEvery })) {
    if (value !== undefined && !(Number.isInteger(value) && value >= 1))
      throw new RangeError(`${name} must be a whole number >= 1, got ${value}`);
  }
  let requests = 0;
  let postRequests = 0;
  const every = (k: number | undefined) => k !== undefined && postRequests % k === 0;
  // Posts are serialised once: the server answers a whole burst at the same instant and must not be the
  // bottleneck of the clients it measures.
  const postBodies = new Map<number, Buffer>();
  const postBody = (id: number) => postBodies.get(id) ?? postBodies.set(id, Buffer.from(JSON.stringify(makePost(id)))).get(id)!;
  const server = createServer((request, response) => {
    requests++;
    const match = request.method === "GET" ? POST_PATH.exec(request.url ?? "") : null;
    const send = (status: number, body: Buffer) => {
      response.writeHead(status, ["content-type", "application/json", "content-length", String(body.length)]);
      response.end(body);
    };
    const json = (value: unknown) => Buffer.from(JSON.stringify(value));
    if (request.url === "/health") return send(200, json({ ok: true, latencyMs }));
    if (!match) return send(404, json({ error: `no route for ${request.method} ${request.url}` }));
    const asked = match[3] ?? match[1];
    const delayMs = asked === undefined ? latencyMs : Number(asked);
    if (delayMs > MAX_REQUEST_LATENCY_MS) return send(400, json({ error: `latency must be at most ${MAX_REQUEST_LATENCY_MS} ms` }));
    postRequests++;
    if (every(options.dropEvery)) return; // never answered: the client's timeout must catch it
    const [status, body] = every(options.errorEvery) ? [503, json({ error: "injected failure" })] : [200, postBody(Number(match[2]))];
    // No latency: answered at once (a 0 ms timer still waits for the next turn of the timers, about 1 ms).
    if (delayMs === 0) send(status, body);
    else setTimeout(() => send(status, body), delayMs);
  });
  // Keep idle connections open well past any pause between cells, so clients reuse them.
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;

  let portFallback = false;
  try {
    await listen(server, port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || port === 0) throw error;
    portFallback = true;
    await listen(server, 0);
  }
  const chosenPort = (server.address() as AddressInfo).port;
  return {
    url: `http://${HOST}:${chosenPort}`,
    port: chosenPort,
    latencyMs,
    portFallback,
    requestCount: () => requests,
    close: () => closeServer(server),
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, HOST, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
