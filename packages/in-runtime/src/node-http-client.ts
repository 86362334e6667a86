/**
 * GET JSON with the node:http module and a keep-alive Agent: the client Node had before fetch, still what many
 * libraries use. Its settings are exported so the runtime's description records them.
 *
 * node:http is loaded on first use: loading it took 65-75 ms in a fresh Node 26 process here, and every worker and
 * child process loads the task services, so a static import made each of them start that much later (the
 * comparison with the previous full run showed Node's worker start 1.56x slower before this was lazy).
 */
import type { Agent } from "node:http";

/** Differs from node:http's default Agent (keepAlive false, maxSockets Infinity): connections reused, at most this many. */
export const NODE_HTTP_SETTINGS = { keepAlive: true, maxSockets: 256 };

let client: Promise<{ agent: Agent; get: typeof import("node:http").get }> | undefined;
const loadClient = async () => {
  const http = await import("node:http");
  return { agent: new http.Agent(NODE_HTTP_SETTINGS), get: http.get };
};

export async function fetchJsonWithNodeHttp(url: string, timeoutMs: number): Promise<unknown> {
  client ??= loadClient();
  const { agent, get } = await client;
  return new Promise((resolve, reject) => {
    const request = get(url, { agent, signal: AbortSignal.timeout(timeoutMs) }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        if (response.statusCode !== 200) return reject(new Error(`GET ${url}: HTTP ${response.statusCode}`));
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
        } catch (error) {
          reject(error);
        }
      });
    });
    request.on("error", reject);
  });
}
