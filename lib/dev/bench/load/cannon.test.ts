import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCannon, runOncePerSecond } from "./cannon";
import { Tally } from "./tally";

/** A server that answers every request with a 429 in Azure's shape and remembers who asked for what. */
const seen: { path: string; from: string }[] = [];
const server = http.createServer((request, response) => {
  seen.push({ path: request.url ?? "", from: String(request.headers["x-forwarded-for"]) });
  response.writeHead(429, { "content-type": "application/json", "Retry-After": "1" });
  response.end(JSON.stringify({ error: { code: "ProxyRateLimited", message: "slow down" } }));
});
let origin = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("runCannon", () => {
  it("sends each connection's requests with that connection's target and tallies every answer", async () => {
    seen.length = 0;
    const tally = new Tally(Date.now());
    await runCannon({
      origin,
      connections: 3,
      amount: 12,
      target: (connection) => ({ path: `/op/${connection}`, headers: { "x-forwarded-for": `198.18.0.${connection + 1}` } }),
      tally,
    });
    expect(seen).toHaveLength(12);
    for (const { path, from } of seen) expect(from).toBe(`198.18.0.${Number(path.split("/")[2]) + 1}`);
    expect(new Set(seen.map((s) => s.path))).toEqual(new Set(["/op/0", "/op/1", "/op/2"]));
    expect(tally.sent).toBe(12);
    expect(tally.total).toBe(12);
    expect(tally.errors()).toEqual([["429 ProxyRateLimited", 12]]);
    expect(tally.messages.get("429 ProxyRateLimited")).toBe("slow down");
    expect(tally.missingRetryAfter).toBe(0);
    expect(tally.latencies).toHaveLength(12);
  });

  it("asks for a target per request, so each can come from the next address", async () => {
    seen.length = 0;
    let next = 0;
    await runCannon({
      origin,
      connections: 2,
      amount: 6,
      target: () => ({ path: "/spread", headers: { "x-forwarded-for": `203.0.113.${++next}` } }),
      tally: new Tally(Date.now()),
    });
    expect(seen.map((s) => s.from).sort()).toEqual(["1", "2", "3", "4", "5", "6"].map((n) => `203.0.113.${n}`));
  });
});

describe("runOncePerSecond", () => {
  it("has every client send its own request, at most once in each second of the run", async () => {
    seen.length = 0;
    const tally = new Tally(Date.now());
    await runOncePerSecond({
      origin,
      clients: 4,
      slots: 2,
      seconds: 1.5,
      target: (client) => ({ path: `/client/${client}`, headers: { "x-forwarded-for": `198.18.1.${client}` } }),
      tally,
    });
    for (let client = 0; client < 4; client++) {
      const requests = seen.filter((s) => s.path === `/client/${client}`);
      expect(requests.length).toBeGreaterThanOrEqual(1);
      expect(requests.length).toBeLessThanOrEqual(2);
      for (const request of requests) expect(request.from).toBe(`198.18.1.${client}`);
    }
    // Each client's first request goes as its connection opens.
    expect(tally.sent).toBeGreaterThanOrEqual(4);
  });
});
