import http from "node:http";
import { clientAddress } from "./dashboard-clients";
import { Tally } from "./tally";
import { timedGet } from "./timed-get";

/**
 * Traffic above the proxy's limits, each connection sending its next request as soon as the last is answered:
 * - "hot": one client address far over its token bucket;
 * - "spread": many addresses, each under its bucket, together enough concurrent upstream calls to pass the
 *   in-flight cap;
 * while a prober reads `/api/health` on a connection of its own every `healthEveryMs`, to see whether the server
 * still answers what is not rate limited.
 */

export interface FloodOptions {
  appUrl: string;
  proxyPaths: readonly string[];
  authorization: string;
  durationMs: number;
  hotConnections: number;
  spreadConnections: number;
  healthEveryMs: number;
}

export interface FloodResult {
  hot: Tally;
  spread: Tally;
  health: Tally;
}

/** The hot client's address (TEST-NET-3) and how many addresses the spread traffic rotates through. */
export const HOT_ADDRESS = "203.0.113.7";
export const SPREAD_ADDRESSES = 2_000;
const SPREAD_FIRST_INDEX = 100_000;

export async function runFlood(options: FloodOptions): Promise<FloodResult> {
  const startedAt = Date.now();
  const deadline = startedAt + options.durationMs;
  const result: FloodResult = { hot: new Tally(startedAt), spread: new Tally(startedAt), health: new Tally(startedAt) };
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.hotConnections + options.spreadConnections });
  const healthAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const base = { authorization: options.authorization, accept: "application/json" };
  let sent = 0;

  const hot = async (worker: number) => {
    const path = options.proxyPaths[worker % options.proxyPaths.length] ?? "/api/health";
    const headers = { ...base, "x-forwarded-for": HOT_ADDRESS };
    while (Date.now() < deadline) {
      result.hot.add(await timedGet({ origin: options.appUrl, path, headers, agent, timeoutMs: 10_000 }), Date.now());
    }
  };
  const spread = async () => {
    while (Date.now() < deadline) {
      const n = sent++;
      const path = options.proxyPaths[n % options.proxyPaths.length] ?? "/api/health";
      const headers = { ...base, "x-forwarded-for": clientAddress(SPREAD_FIRST_INDEX + (n % SPREAD_ADDRESSES)) };
      result.spread.add(await timedGet({ origin: options.appUrl, path, headers, agent, timeoutMs: 10_000 }), Date.now());
    }
  };
  const probe = async () => {
    for (let next = startedAt; next < deadline; next += options.healthEveryMs) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
      const answer = await timedGet({ origin: options.appUrl, path: "/api/health", headers: {}, agent: healthAgent, timeoutMs: 5_000 });
      result.health.add(answer, Date.now());
    }
  };

  try {
    await Promise.all([
      ...Array.from({ length: options.hotConnections }, (_, i) => hot(i)),
      ...Array.from({ length: options.spreadConnections }, spread),
      probe(),
    ]);
  } finally {
    agent.destroy();
    healthAgent.destroy();
  }
  return result;
}
