/**
 * `npm run bench:proxy`: how much the proxy route costs compared with a route that does nothing.
 *
 * Builds the app into .next-bench (only the /api routes unless --full-build, without type checking; skipped with
 * --no-build when a build exists), starts the Azure simulator and the app's production server on free loopback ports
 * (lib/dev/bench/api-stack.ts, shared with bench:load and fuzz:proxy), seeds one devops operation, then runs
 * autocannon (warm-up, then a measured run) against (1) the simulator directly, (2) /api/health and (3) the devops
 * proxy route for the seeded operation. Prints requests/s, p50 and p99 for each and the ratio proxy / trivial route
 * (target ≥ 0.8). Stops every process it started. A benchmark prints; it never fails on speed.
 *
 * Every target is warmed up before any is measured (the first requests after the server starts pay for JIT compilation
 * of Next's whole request path), and the measurement repeats in rounds because a shared machine's load drifts.
 *
 * Options: `npm run bench:proxy -- --help`.
 */
import { existsSync, readFileSync } from "node:fs";
import autocannon from "autocannon";
import { devopsUpstreamUrl, parseAppPath } from "../lib/azure/operation-ref";
import { buildApp, startAppServer, startSimulatorProcess, type Started } from "../lib/dev/bench/api-stack";
import { jwtShapedBearer } from "../lib/dev/bench/jwt-shaped";
import type { OptionSpec, ParsedOptions } from "../lib/dev/bench/options";
import { runBench } from "../lib/dev/bench/run";
import { createScenario } from "../lib/dev/simulator/control-client";
import { AUDIENCES } from "../lib/dev/simulator/token-check";

const DIST_DIR = ".next-bench";
const TARGET_RATIO = 0.8;
const WARMUP_SECONDS = 10;

const OPTIONS = {
  "no-build": { kind: "flag", help: `reuse the build in ${DIST_DIR}` },
  "full-build": { kind: "flag", help: "build the whole app, not only its /api routes" },
  duration: { kind: "int", min: 1, max: 600, default: 10, help: "seconds of each measured run" },
  connections: { kind: "int", min: 1, max: 600, default: 10, help: "autocannon's concurrent connections" },
  rounds: { kind: "int", min: 1, max: 600, default: 3, help: "measured rounds over every target" },
} as const satisfies OptionSpec;

type Options = ParsedOptions<typeof OPTIONS>;

/** Linux's USER_HZ, the unit of utime/stime in /proc/PID/stat. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time used so far by one process, in µs (Linux /proc; undefined elsewhere). The app's server and the simulator
 * are one process each (lib/dev/bench/api-stack.ts). On a shared machine requests/s swing with other people's load; CPU
 * per request of each server barely does.
 */
function processCpuMicros(pid: number | undefined): number | undefined {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return undefined;
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the parenthesised command name: state ppid pgrp ... utime(14) stime(15), counted from 1.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / CLOCK_TICKS_PER_SECOND;
}

interface Measured {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  failures: number;
  /** CPU µs per request spent in the app server and in the simulator. */
  appCpu: number | undefined;
  simulatorCpu: number | undefined;
}

/** The servers measured and the bearer every request carries. */
interface Servers {
  app: Started;
  simulator: Started;
  authorization: string;
}

const load = (url: string, options: Options, duration: number, authorization: string) =>
  autocannon({ url, connections: options.connections, duration, headers: { authorization } });

async function measure(name: string, url: string, options: Options, servers: Servers): Promise<Measured> {
  const before = [processCpuMicros(servers.app.child.pid), processCpuMicros(servers.simulator.child.pid)];
  const result = await load(url, options, options.duration, servers.authorization);
  const after = [processCpuMicros(servers.app.child.pid), processCpuMicros(servers.simulator.child.pid)];
  const perRequest = (i: number) => {
    const [start, end] = [before[i], after[i]];
    return start === undefined || end === undefined || result.requests.total === 0 ? undefined : (end - start) / result.requests.total;
  };
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
    appCpu: perRequest(0),
    simulatorCpu: perRequest(1),
  };
}

/** Prints one round's table; returns its proxy / trivial ratio of requests/s. */
function report(round: number, rows: Measured[]): number | undefined {
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(28) : c.padStart(12))).join("");
  console.info("");
  const cpu = (value: number | undefined) => (value === undefined ? "-" : value.toFixed(0));
  console.info(`round ${round}`);
  console.info(line(["target", "requests/s", "p50 ms", "p99 ms", "failures", "app µs/req", "sim µs/req"]));
  for (const row of rows) {
    console.info(
      line([
        row.name,
        row.requestsPerSecond.toFixed(0),
        row.p50.toFixed(1),
        row.p99.toFixed(1),
        String(row.failures),
        cpu(row.appCpu),
        cpu(row.simulatorCpu),
      ]),
    );
  }
  if (rows.some((r) => r.failures > 0)) console.info("Some requests failed: the figures above are not comparable.");
  const trivial = rows.find((r) => r.name.startsWith("trivial"));
  const proxy = rows.find((r) => r.name.startsWith("proxy"));
  if (!trivial || !proxy || trivial.requestsPerSecond <= 0) return undefined;
  const ratio = proxy.requestsPerSecond / trivial.requestsPerSecond;
  const cpuRatio =
    trivial.appCpu !== undefined && proxy.appCpu !== undefined && proxy.appCpu > 0 ? trivial.appCpu / proxy.appCpu : undefined;
  console.info(
    `ratio proxy / trivial route: ${ratio.toFixed(2)}` +
      (cpuRatio === undefined ? "" : `; app CPU per request, trivial / proxy: ${cpuRatio.toFixed(2)}`),
  );
  return ratio;
}

async function main(options: Options): Promise<void> {
  console.info(await buildApp({ distDir: DIST_DIR, reuse: options["no-build"], apiOnly: !options["full-build"] }));
  const authorization = jwtShapedBearer(AUDIENCES.devops);

  // A process of its own, so that autocannon in this process does not share the simulator's event loop. ARM's read
  // throttling is off: the proxy's own cost is measured, not the emulated bucket's 429s.
  const simulator = await startSimulatorProcess();
  const simulatorUrl = simulator.url;
  const { proxyPath } = await createScenario(simulatorUrl, {
    kind: "devops",
    label: "proxy benchmark",
    steps: [
      {
        afterMs: 0,
        status: 200,
        headers: { "Retry-After": "10" },
        body: { status: "InProgress", percentComplete: 42, startTime: "2026-01-01T00:00:00Z" },
      },
    ],
  });
  // Every autocannon connection comes from 127.0.0.1: lift the per-client bucket, or it would measure the 429 path.
  const app = await startAppServer({
    distDir: DIST_DIR,
    simulatorUrl,
    env: { OPWATCH_PROXY_RATE_PER_CLIENT: "1000000", OPWATCH_PROXY_BURST_PER_CLIENT: "1000000" },
  });
  const appUrl = app.url;

  const check = await fetch(`${appUrl}${proxyPath}`, { headers: { authorization } });
  if (check.status !== 200) throw new Error(`the proxy route answered ${check.status}: ${await check.text()}`);

  const ref = parseAppPath(proxyPath);
  if (!ref.ok || ref.value.kind !== "devops") throw new Error(`the simulator gave an unexpected proxyPath ${proxyPath}`);
  const targets = [
    { name: "simulator directly", url: devopsUpstreamUrl(ref.value, simulatorUrl).toString() },
    { name: "trivial route /api/health", url: `${appUrl}/api/health` },
    { name: "proxy route (devops)", url: `${appUrl}${proxyPath}` },
  ];
  console.info(
    `${options.connections} connections; ${WARMUP_SECONDS} s warm-up per target, then ${options.rounds} round(s) of ${options.duration} s per target`,
  );
  for (const target of targets) await load(target.url, options, WARMUP_SECONDS, authorization);
  const servers = { app, simulator, authorization };
  const ratios: number[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    const rows: Measured[] = [];
    for (const target of targets) rows.push(await measure(target.name, target.url, options, servers));
    const ratio = report(round, rows);
    if (ratio !== undefined) ratios.push(ratio);
  }
  if (ratios.length > 0) {
    const sorted = [...ratios].sort((a, b) => a - b);
    // The lower middle value for an even count, so that a lucky round never decides the verdict.
    const median = sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
    console.info("");
    console.info(
      `ratio proxy / trivial route per round: ${ratios.map((r) => r.toFixed(2)).join(", ")}; median ${median.toFixed(2)} (target ≥ ${TARGET_RATIO}: ${median >= TARGET_RATIO ? "met" : "NOT met"})`,
    );
  }
}

void runBench("bench:proxy", OPTIONS, main);
