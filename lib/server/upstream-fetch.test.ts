import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { upstreamGet } from "./upstream-fetch";

let server: Server | undefined;

afterEach(async () => {
  const closing = server;
  server = undefined;
  if (!closing) return;
  closing.closeAllConnections();
  await new Promise((resolve) => {
    closing.close(resolve);
  });
});

/**
 * An upstream that answers the first request on each connection and resets the connection on any later one, as a
 * server does that dropped an idle kept-alive socket just as the next request went out on it.
 */
async function resettingUpstream(): Promise<{ url: URL; requests: () => number }> {
  const seen = new WeakMap<Socket, number>();
  let requests = 0;
  server = createServer((req, res) => {
    requests += 1;
    const count = (seen.get(req.socket) ?? 0) + 1;
    seen.set(req.socket, count);
    if (count > 1) {
      req.socket.resetAndDestroy();
      return;
    }
    res.writeHead(200, { "content-type": "application/json", connection: "keep-alive" });
    res.end(JSON.stringify({ status: "InProgress" }));
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: new URL(`http://127.0.0.1:${port}/status`), requests: () => requests };
}

const get = (url: URL) => upstreamGet({ url, headers: {}, timeoutMs: 5_000, maxBodyBytes: 1024 });

describe("upstreamGet", () => {
  it("sends a GET again on a fresh socket when a kept-alive socket was reset before any answer", async () => {
    const upstream = await resettingUpstream();
    expect(await get(upstream.url)).toMatchObject({ kind: "response", status: 200 });
    // The agent reuses the first connection, which the upstream resets: the retry gets the answer.
    expect(await get(upstream.url)).toMatchObject({ kind: "response", status: 200 });
    expect(upstream.requests()).toBe(3);
  });
});
