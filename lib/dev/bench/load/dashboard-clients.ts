import http from "node:http";
import { Tally } from "./tally";
import { timedGet } from "./timed-get";

/**
 * Many dashboards polling through the proxy at once: each client is one browser behind the same trusted reverse
 * proxy (its own keep-alive connection and its own `X-Forwarded-For` address), reading its own operation once per
 * period on a fixed beat, as the fleet scheduler does for a running operation. A read that comes back late does not
 * make the next ones bunch up: missed beats are skipped, as a browser's timer would.
 */

export interface DashboardClientsOptions {
  appUrl: string;
  /** One proxy path per client. */
  proxyPaths: readonly string[];
  authorization: string;
  durationMs: number;
  periodMs: number;
}

/** A distinct address per client in 198.18.0.0/15, the range set aside for benchmarks (RFC 2544). */
export function clientAddress(index: number): string {
  const n = index + 1; // 198.18.0.0 itself is the network's address
  return `198.${18 + Math.floor(n / 65_536)}.${Math.floor(n / 256) % 256}.${n % 256}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export async function runDashboardClients(options: DashboardClientsOptions): Promise<Tally> {
  const startedAt = Date.now();
  const deadline = startedAt + options.durationMs;
  const tally = new Tally(startedAt);
  const agents: http.Agent[] = [];

  const client = async (path: string, index: number) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    agents.push(agent);
    const headers = { authorization: options.authorization, "x-forwarded-for": clientAddress(index), accept: "application/json" };
    // Spread the clients' beats over one period, as dashboards opened at different moments.
    let beat = startedAt + (index * options.periodMs) / options.proxyPaths.length;
    while (beat < deadline) {
      await sleep(beat - Date.now());
      tally.add(await timedGet({ origin: options.appUrl, path, headers, agent, timeoutMs: 10_000 }), Date.now());
      beat += options.periodMs;
      while (beat < Date.now()) beat += options.periodMs;
    }
  };

  try {
    await Promise.all(options.proxyPaths.map(client));
  } finally {
    for (const agent of agents) agent.destroy();
  }
  return tally;
}
