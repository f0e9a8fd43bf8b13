import { runCannon } from "./cannon";
import { clientAddress } from "./dashboard-clients";
import { probeHealth } from "./health-probe";
import { Tally } from "./tally";

/**
 * Traffic above the proxy's limits, each connection sending its next request as soon as the last is answered:
 * - "hot": one client address far over its token bucket;
 * - "spread": many addresses, each request from the next one, each address under its bucket, together enough
 *   concurrent upstream calls to pass the in-flight cap;
 * while a prober reads `/api/health` ten times a second (health-probe.ts), to see whether the server still answers
 * what is not rate limited.
 */

export interface FloodOptions {
  appUrl: string;
  proxyPaths: readonly string[];
  authorization: string;
  seconds: number;
  hotConnections: number;
  spreadConnections: number;
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
/** Probes of /api/health a second. */
export const HEALTH_PROBES_PER_SECOND = 10;

export async function runFlood(options: FloodOptions): Promise<FloodResult> {
  const startedAt = Date.now();
  const result: FloodResult = { hot: new Tally(startedAt), spread: new Tally(startedAt), health: new Tally(startedAt) };
  const base = { authorization: options.authorization, accept: "application/json" };
  const path = (n: number) => options.proxyPaths[n % options.proxyPaths.length] ?? "/api/health";
  let sent = 0;
  const common = { origin: options.appUrl, seconds: options.seconds };

  await Promise.all([
    runCannon({
      ...common,
      connections: options.hotConnections,
      target: (connection) => ({ path: path(connection), headers: { ...base, "x-forwarded-for": HOT_ADDRESS } }),
      tally: result.hot,
    }),
    runCannon({
      ...common,
      connections: options.spreadConnections,
      target: () => {
        const n = sent++;
        return { path: path(n), headers: { ...base, "x-forwarded-for": clientAddress(SPREAD_FIRST_INDEX + (n % SPREAD_ADDRESSES)) } };
      },
      tally: result.spread,
    }),
    probeHealth({ ...common, everyMs: 1000 / HEALTH_PROBES_PER_SECOND, tally: result.health }),
  ]);
  return result;
}
