import { runOncePerSecond } from "./cannon";
import { Tally } from "./tally";

/**
 * Many dashboards polling through the proxy at once: each client is one browser behind the same trusted reverse
 * proxy (its own keep-alive connection and its own `X-Forwarded-For` address), reading its own operation once a
 * second, as the fleet scheduler does for a running operation.
 */

export interface DashboardClientsOptions {
  appUrl: string;
  /** One proxy path per client. */
  proxyPaths: readonly string[];
  authorization: string;
  seconds: number;
}

/** How many moments within each second the clients' reads are spread over, as dashboards opened at different times. */
const BEATS_PER_SECOND = 20;

/** A distinct address per client in 198.18.0.0/15, the range set aside for benchmarks (RFC 2544). */
export function clientAddress(index: number): string {
  const n = index + 1; // 198.18.0.0 itself is the network's address
  return `198.${18 + Math.floor(n / 65_536)}.${Math.floor(n / 256) % 256}.${n % 256}`;
}

export async function runDashboardClients(options: DashboardClientsOptions): Promise<Tally> {
  const tally = new Tally(Date.now());
  await runOncePerSecond({
    origin: options.appUrl,
    clients: options.proxyPaths.length,
    slots: BEATS_PER_SECOND,
    seconds: options.seconds,
    target: (client) => ({
      path: options.proxyPaths[client] ?? "/api/health",
      headers: { authorization: options.authorization, "x-forwarded-for": clientAddress(client), accept: "application/json" },
    }),
    tally,
  });
  return tally;
}
