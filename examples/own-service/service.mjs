/**
 * A stand-in for a service of yours: a small key-value HTTP service that answers GET /items/<key> with a JSON item
 * after a fixed delay (a database or another team's API would be slower and less steady). Start it before the run,
 * in a terminal of its own, and stop it after:
 *
 *   node examples/own-service/service.mjs            # listens on 127.0.0.1:4810, answers after 5 ms
 *   node examples/own-service/service.mjs 4811 10    # another port and delay
 */
import { createServer } from "node:http";

const port = Number(process.argv[2] ?? 4810);
const delayMs = Number(process.argv[3] ?? 5);

const server = createServer((request, response) => {
  const key = /^\/items\/(\w+)$/.exec(request.url ?? "")?.[1];
  const [status, body] = key ? [200, { key, value: `value of ${key}` }] : [404, { error: `no route for ${request.url}` }];
  setTimeout(() => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  }, delayMs);
});
server.keepAliveTimeout = 60_000;
server.listen(port, "127.0.0.1", () => console.log(`own-service: http://127.0.0.1:${port}, answering after ${delayMs} ms`));
