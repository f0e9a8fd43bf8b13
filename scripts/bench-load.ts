/**
 * `npm run bench:load`: the proxy under many dashboards, then under a flood above its limits.
 *
 * Builds the app into .next-load (--no-build reuses it), starts the simulator (ARM throttling off) and the app's
 * production server on free loopback ports, seeds one running operation per client, then:
 * 1. --clients dashboards (200), each polling its own operation once a second for --duration seconds (60) from an
 *    address of its own (`X-Forwarded-For`, with OPWATCH_TRUSTED_PROXY_HOPS=1), so every client stays under the
 *    per-client bucket: prints requests served, errors by status and code (target 0), p50/p99 latency and the
 *    server's resident memory at start and end;
 * 2. the server again with small limits (--flood-in-flight 8 calls in flight, a bucket of --flood-burst 40 refilled at
 *    --flood-rate 20/s, low enough that one machine running the app, the simulator and the load sends one address
 *    far over them), flooded for --flood-duration seconds (15) by one address over its bucket and by many
 *    addresses whose concurrent calls pass the in-flight cap: prints the share refused with 429 and 503, the time to
 *    the first refusal and whether /api/health kept answering, and how fast.
 * A benchmark prints; it exits non-zero only when the run itself breaks, never on a figure.
 *
 * The load is autocannon's (lib/dev/bench/load/cannon.ts), one connection per client, each with its own path and
 * headers. Where autocannon cannot say exactly what a dashboard does, this is the closest form:
 * - A dashboard reads once a second at a moment of its own; autocannon sends a rate-limited connection's request at
 *   the start of each second of the connection's life. So the dashboards are split into runs started a fraction of a
 *   second apart (BEATS_PER_SECOND in dashboard-clients.ts): their reads arrive in small bursts rather than one after
 *   the other, and a read answered after its next beat is sent at once rather than skipped.
 * - /api/health is not load but a probe of one client's experience during the flood: a plain keep-alive connection
 *   asking HEALTH_PROBES_PER_SECOND times a second (health-probe.ts).
 * - Requests still unanswered when a run's time is up are dropped by autocannon: they count as sent, and the output
 *   says how many had no answer, apart from the shares (which are of the answers).
 */
import { buildApp, startAppServer, startSimulatorProcess, stopServer, type Started } from "../lib/dev/bench/api-stack";
import { jwtShapedBearer } from "../lib/dev/bench/jwt-shaped";
import { runCannon } from "../lib/dev/bench/load/cannon";
import { runDashboardClients } from "../lib/dev/bench/load/dashboard-clients";
import { HEALTH_PROBES_PER_SECOND, HOT_ADDRESS, runFlood, SPREAD_ADDRESSES } from "../lib/dev/bench/load/flood";
import { formatMs, latencySummary, share, Tally } from "../lib/dev/bench/load/tally";
import type { OptionSpec } from "../lib/dev/bench/options";
import { residentMiB } from "../lib/dev/bench/proc-memory";
import { runBench } from "../lib/dev/bench/run";
import { mapLimit } from "../lib/dev/bench/simulator-client";
import { createScenario } from "../lib/dev/simulator/control-client";
import { AUDIENCES } from "../lib/dev/simulator/token-check";

const DIST_DIR = ".next-load";
const FLOOD_HOT_CONNECTIONS = 24;
const FLOOD_SPREAD_CONNECTIONS = 24;

const OPTIONS = {
  "no-build": { kind: "flag", help: `reuse the build in ${DIST_DIR}` },
  clients: { kind: "int", min: 1, max: 2_000, default: 200, help: "dashboards polling at once" },
  duration: { kind: "int", min: 5, max: 600, default: 60, help: "seconds of dashboard polling" },
  "flood-duration": { kind: "int", min: 2, max: 120, default: 15, help: "seconds of flood" },
  "flood-in-flight": { kind: "int", min: 1, max: 256, default: 8, help: "OPWATCH_PROXY_MAX_IN_FLIGHT during the flood" },
  "flood-rate": { kind: "int", min: 1, max: 100_000, default: 20, help: "OPWATCH_PROXY_RATE_PER_CLIENT during the flood (150 in production)" },
  "flood-burst": { kind: "int", min: 1, max: 100_000, default: 40, help: "OPWATCH_PROXY_BURST_PER_CLIENT during the flood (300 in production)" },
} as const satisfies OptionSpec;

interface FloodLimits {
  inFlight: number;
  rate: number;
  burst: number;
}

const running = (i: number) => ({
  kind: "devops" as const,
  label: `load bench client ${i}`,
  steps: [{ afterMs: 0, status: 200, headers: { "Retry-After": "1" }, body: { status: "InProgress", percentComplete: 42, startTime: "{{start}}" } }],
});

const mib = (value: number | undefined) => (value === undefined ? "-" : `${value.toFixed(0)} MiB`);

/** Reads every path once, so that the measured run does not pay for the first compilation of the request path. */
async function warmUp(app: Started, proxyPaths: readonly string[], authorization: string): Promise<void> {
  const tally = new Tally(Date.now());
  let next = 0;
  await runCannon({
    origin: app.url,
    connections: Math.min(8, proxyPaths.length),
    amount: proxyPaths.length,
    target: () => {
      const i = next++;
      return { path: proxyPaths[i % proxyPaths.length] ?? "/api/health", headers: { authorization, "x-forwarded-for": `192.0.2.${(i % 250) + 1}` } };
    },
    tally,
  });
  const bad = tally.errors()[0];
  if (bad !== undefined || tally.total !== proxyPaths.length) {
    const why = bad === undefined ? `${tally.total} answers to ${proxyPaths.length} reads` : `${bad[1]} × ${bad[0]}`;
    throw new Error(`warming up, the proxy did not answer every read with 200 (${why}): the stack is not set up as the bench needs`);
  }
}

/** Shares are of the answers; requests autocannon had sent and not seen answered when the run ended are said apart. */
const unansweredText = (tally: Tally) => (tally.unanswered === 0 ? "" : `, ${tally.unanswered} unanswered when the run ended`);

function printOutcomes(tally: Tally, indent: string): void {
  const errors = tally.errors();
  if (errors.length === 0) console.info(`${indent}errors: 0 (target 0)`);
  else console.info(`${indent}errors: ${tally.total - tally.count((s) => s >= 200 && s < 300)} (target 0): ${errors.map(([k, n]) => `${n} × ${k}`).join(", ")}`);
  for (const [key, message] of tally.messages) console.info(`${indent}  ${key}, e.g.: ${message.slice(0, 200)}`);
}

async function dashboards(app: Started, proxyPaths: readonly string[], authorization: string, seconds: number): Promise<void> {
  const pid = app.child.pid;
  const idle = residentMiB(pid);
  await warmUp(app, proxyPaths, authorization);
  const atStart = residentMiB(pid);
  console.info("");
  console.info(`1. ${proxyPaths.length} dashboards, each reading its own operation once a second for ${seconds} s through the proxy`);
  console.info("   (one X-Forwarded-For address each, OPWATCH_TRUSTED_PROXY_HOPS=1, the default limits)");
  const tally = await runDashboardClients({ appUrl: app.url, proxyPaths, authorization, seconds });
  const atEnd = residentMiB(pid);
  const served = tally.count((s) => s >= 200 && s < 300);
  const latency = latencySummary(tally.latencies);
  console.info(`   requests: ${tally.sent} sent, ${served} served with 2xx (${(served / seconds).toFixed(1)}/s)${unansweredText(tally)}`);
  printOutcomes(tally, "   ");
  console.info(`   latency: p50 ${formatMs(latency.p50)} ms, p99 ${formatMs(latency.p99)} ms, max ${formatMs(latency.max)} ms`);
  console.info(`   server RSS (pid ${pid ?? "?"}): ${mib(idle)} idle after start, ${mib(atStart)} at the start of the run, ${mib(atEnd)} at its end`);
}

function floodLine(name: string, tally: Tally): string {
  const of = (status: number) => share(tally.count((s) => s === status), tally.total);
  const ok = share(tally.count((s) => s >= 200 && s < 300), tally.total);
  const other = tally.total - tally.count((s) => (s >= 200 && s < 300) || s === 429 || s === 503);
  return `   ${name.padEnd(8)} ${String(tally.sent).padStart(7)} requests: 2xx ${ok}, 429 ${of(429)}, 503 ${of(503)}, other ${share(other, tally.total)}${unansweredText(tally)}`;
}

async function flood(app: Started, proxyPaths: readonly string[], authorization: string, seconds: number, limits: FloodLimits): Promise<void> {
  console.info("");
  console.info(
    `2. flood for ${seconds} s; limits: ${limits.rate}/s per client, burst ${limits.burst}, ${limits.inFlight} upstream calls in flight (OPWATCH_PROXY_MAX_IN_FLIGHT)`,
  );
  console.info(`   ${FLOOD_HOT_CONNECTIONS} connections from one address (${HOT_ADDRESS}, "hot") and ${FLOOD_SPREAD_CONNECTIONS} from ${SPREAD_ADDRESSES} addresses ("spread"),`);
  console.info("   each sending again as soon as answered");
  const result = await runFlood({
    appUrl: app.url,
    proxyPaths,
    authorization,
    seconds,
    hotConnections: FLOOD_HOT_CONNECTIONS,
    spreadConnections: FLOOD_SPREAD_CONNECTIONS,
  });
  const { hot, spread, health } = result;
  const hotRate = hot.sent / seconds;
  console.info(
    `   the hot address sent ${hotRate.toFixed(0)}/s against its bucket's ${limits.rate}/s${hotRate <= limits.rate ? " (not over it: the machine is too busy for this flood; lower --flood-rate)" : ""}`,
  );
  console.info(floodLine("hot", hot));
  console.info(floodLine("spread", spread));
  const all = { sent: hot.sent + spread.sent, total: hot.total + spread.total, count: (t: (s: number) => boolean) => hot.count(t) + spread.count(t) };
  console.info(`   all: ${all.sent} requests, ${share(all.count((s) => s === 429), all.total)} refused with 429, ${share(all.count((s) => s === 503), all.total)} with 503`);
  for (const [name, tally] of [["hot", hot], ["spread", spread]] as const) {
    const others = tally.errors().filter(([key]) => !/^(429 ProxyRateLimited|503 ProxyOverloaded)$/.test(key));
    if (others.length > 0) console.info(`   ${name}: other outcomes: ${others.map(([k, n]) => `${n} × ${k}`).join(", ")}`);
  }
  const first = (status: number) => [hot.firstAt.get(status), spread.firstAt.get(status)].filter((t) => t !== undefined);
  const firstOf = (status: number) => (first(status).length === 0 ? "never" : `${Math.min(...first(status))} ms`);
  const firstRefusal = [...first(429), ...first(503)];
  console.info(
    `   first refusal after ${firstRefusal.length === 0 ? "none" : `${Math.min(...firstRefusal)} ms`} (first 429 after ${firstOf(429)}, first 503 after ${firstOf(503)})`,
  );
  console.info(`   refusals without Retry-After: ${hot.missingRetryAfter + spread.missingRetryAfter}`);
  const healthy = health.count((s) => s === 200);
  const latency = latencySummary(health.latencies);
  console.info(
    `   /api/health during the flood: ${healthy} of ${health.sent} probes answered 200 (${HEALTH_PROBES_PER_SECOND} a second)${unansweredText(health)}; latency p50 ${formatMs(latency.p50)} ms, p99 ${formatMs(latency.p99)} ms, max ${formatMs(latency.max)} ms`,
  );
  const healthErrors = health.errors();
  if (healthErrors.length > 0) console.info(`   /api/health other outcomes: ${healthErrors.map(([k, n]) => `${n} × ${k}`).join(", ")}`);
}

void runBench("bench:load", OPTIONS, async (options) => {
  console.info(await buildApp({ distDir: DIST_DIR, reuse: options["no-build"], apiOnly: false }));
  const simulator = await startSimulatorProcess();
  const clients = Array.from({ length: options.clients }, (_, i) => i);
  const scenarios = await mapLimit(clients, 8, (i) => createScenario(simulator.url, running(i)));
  const proxyPaths = scenarios.map((s) => s.proxyPath);
  const authorization = jwtShapedBearer(AUDIENCES.devops);
  console.info(`simulator on ${simulator.url} (ARM read throttling off) with ${scenarios.length} running operations`);

  const trusted = { OPWATCH_TRUSTED_PROXY_HOPS: "1" };
  const app = await startAppServer({ distDir: DIST_DIR, simulatorUrl: simulator.url, env: trusted });
  console.info(`app's production server on ${app.url}`);
  await dashboards(app, proxyPaths, authorization, options.duration);
  await stopServer(app);

  const limits = { inFlight: options["flood-in-flight"], rate: options["flood-rate"], burst: options["flood-burst"] };
  const floodApp = await startAppServer({
    distDir: DIST_DIR,
    simulatorUrl: simulator.url,
    env: {
      ...trusted,
      OPWATCH_PROXY_MAX_IN_FLIGHT: String(limits.inFlight),
      OPWATCH_PROXY_RATE_PER_CLIENT: String(limits.rate),
      OPWATCH_PROXY_BURST_PER_CLIENT: String(limits.burst),
    },
  });
  await warmUp(floodApp, proxyPaths, authorization);
  await flood(floodApp, proxyPaths, authorization, options["flood-duration"], limits);
});
