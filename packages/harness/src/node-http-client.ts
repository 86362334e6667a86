/**
 * GET JSON with the node:http module and a keep-alive Agent: the client Node had before fetch, still what many
 * libraries use. Its settings are exported so the runtime's description records them.
 */
import { Agent, get } from "node:http";

/** Differs from node:http's default Agent (keepAlive false, maxSockets Infinity): connections reused, at most this many. */
export const NODE_HTTP_SETTINGS = { keepAlive: true, maxSockets: 256 };

let agent: Agent | undefined;

export function fetchJsonWithNodeHttp(url: string, timeoutMs: number): Promise<unknown> {
  agent ??= new Agent(NODE_HTTP_SETTINGS);
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
