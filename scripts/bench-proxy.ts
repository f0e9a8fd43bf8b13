/**
 * `npm run bench:proxy`: how much the proxy route costs compared with a route that does nothing.
 *
 * Builds the app into .next-bench (only the /api routes unless --full-build, without type checking; skipped with
 * --no-build when a build exists), starts the Azure simulator and `next start` on free loopback ports, seeds one devops operation, then runs
 * autocannon (warm-up, then a measured run) against (1) the simulator directly, (2) /api/health and (3) the devops
 * proxy route for the seeded operation. Prints requests/s, p50 and p99 for each and the ratio proxy / trivial route
 * (target ≥ 0.8). Stops every process it started. A benchmark prints; it never fails on speed.
 *
 * Every target is warmed up before any is measured (the first requests after `next start` pay for JIT compilation
 * of Next's whole request path), and the measurement repeats in rounds because a shared machine's load drifts.
 *
 * Options: --no-build, --full-build, --duration SECONDS (default 10), --connections N (default 10), --rounds N
 * (default 3).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import autocannon from "autocannon";
import { devopsUpstreamUrl, parseAppPath } from "../lib/azure/operation-ref";

const ROOT = path.resolve(import.meta.dirname, "..");
const DIST_DIR = ".next-bench";
const BIN = path.join(ROOT, "node_modules", ".bin");
const TARGET_RATIO = 0.8;
const WARMUP_SECONDS = 10;
const BENCH_TOKEN = "Bearer bench.token.unverified";

interface Options {
  build: boolean;
  fullBuild: boolean;
  duration: number;
  connections: number;
  rounds: number;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { build: true, fullBuild: false, duration: 10, connections: 10, rounds: 3 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const positive = (name: string) => {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1 || value > 600) throw new Error(`${name} needs a whole number from 1 to 600`);
      return value;
    };
    if (arg === "--no-build") options.build = false;
    else if (arg === "--full-build") options.fullBuild = true;
    else if (arg === "--duration") options.duration = positive(arg);
    else if (arg === "--connections") options.connections = positive(arg);
    else if (arg === "--rounds") options.rounds = positive(arg);
    else throw new Error(`unknown option ${String(arg)} (known: --no-build, --full-build, --duration N, --connections N, --rounds N)`);
  }
  return options;
}

const started: ChildProcess[] = [];

/** Each child leads its own process group so that stopping it also stops anything it spawned. */
function start(command: string, args: string[], env: NodeJS.ProcessEnv, quiet: boolean): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ["ignore", quiet ? "ignore" : "inherit", "inherit"] });
  started.push(child);
  return child;
}

function stopAll(): void {
  for (const child of started) {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
    }
  }
}

function waitForExit(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once("exit", (code) => {
      resolve(code ?? 1);
    });
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("could not get a free port");
  return address.port;
}

async function waitUntilUp(url: string, child: ChildProcess, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode} before it was ready`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`${what} did not answer at ${url} within 60 s`);
}

async function build(options: Options): Promise<void> {
  if (!options.build && existsSync(path.join(ROOT, DIST_DIR, "BUILD_ID"))) {
    console.info(`Using the existing build in ${DIST_DIR} (--no-build).`);
    return;
  }
  // Compile, then generate: the two-step build skips type checking, which covers the whole project (other people's
  // work in progress included) and is `npm run typecheck`'s job, and it leaves tsconfig.json untouched.
  const paths = options.fullBuild ? [] : ["--debug-build-paths", "app/api/**"];
  for (const mode of ["compile", "generate"]) {
    const args = ["build", "--experimental-build-mode", mode, ...paths];
    console.info(`Building into ${DIST_DIR}: next ${args.join(" ")}`);
    const env = { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" };
    const code = await waitForExit(start(path.join(BIN, "next"), args, env, false));
    if (code !== 0) throw new Error(`next build (${mode}) failed with exit code ${code}`);
  }
}

async function seedOperation(simulatorUrl: string): Promise<string> {
  const response = await fetch(`${simulatorUrl}/_sim/operations`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
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
    }),
  });
  if (response.status !== 201) throw new Error(`seeding the simulator answered ${response.status}: ${await response.text()}`);
  const created = (await response.json()) as { proxyPath?: unknown; url?: unknown };
  if (typeof created.proxyPath !== "string") throw new Error("the simulator's answer has no proxyPath");
  return created.proxyPath;
}

/** Linux's USER_HZ, the unit of utime/stime in /proc/PID/stat. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time used so far by every process in a process group, in µs (Linux /proc; undefined elsewhere). On a shared
 * machine requests/s swing with other people's load; CPU per request of each server barely does.
 */
function groupCpuMicros(pgid: number | undefined): number | undefined {
  if (pgid === undefined || !existsSync("/proc/self/stat")) return undefined;
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // The process ended meanwhile.
    }
    // Fields after the parenthesised command name: state ppid pgrp ... utime(14) stime(15), counted from 1.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1_000_000) / CLOCK_TICKS_PER_SECOND;
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

interface Servers {
  app: ChildProcess;
  simulator: ChildProcess;
}

const load = (url: string, options: Options, duration: number) =>
  autocannon({ url, connections: options.connections, duration, headers: { authorization: BENCH_TOKEN } });

async function measure(name: string, url: string, options: Options, servers: Servers): Promise<Measured> {
  const before = [groupCpuMicros(servers.app.pid), groupCpuMicros(servers.simulator.pid)];
  const result = await load(url, options, options.duration);
  const after = [groupCpuMicros(servers.app.pid), groupCpuMicros(servers.simulator.pid)];
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

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  await build(options);

  const simulatorPort = await freePort();
  const simulatorUrl = `http://127.0.0.1:${simulatorPort}`;
  // A process of its own, so that autocannon in this process does not share the simulator's event loop. ARM's read
  // throttling is off: the proxy's own cost is measured, not the emulated bucket's 429s.
  const simulator = start(
    path.join(BIN, "tsx"),
    ["scripts/simulator.ts"],
    { ...process.env, SIM_PORT: String(simulatorPort), SIM_HOST: "127.0.0.1", SIM_SEED_DEMO: "false", SIM_ARM_READ_BUCKET: "off" },
    true,
  );
  await waitUntilUp(`${simulatorUrl}/`, simulator, "the simulator");
  const proxyPath = await seedOperation(simulatorUrl);

  const appPort = await freePort();
  const appUrl = `http://127.0.0.1:${appPort}`;
  const app = start(
    path.join(BIN, "next"),
    ["start", "-H", "127.0.0.1", "-p", String(appPort)],
    {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      AZURE_ARM_ENDPOINT: simulatorUrl,
      DEVCENTER_ALLOWED_HOSTS: simulatorUrl,
    },
    true,
  );
  await waitUntilUp(`${appUrl}/api/health`, app, "next start");

  const check = await fetch(`${appUrl}${proxyPath}`, { headers: { authorization: BENCH_TOKEN } });
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
  for (const target of targets) await load(target.url, options, WARMUP_SECONDS);
  const servers = { app, simulator };
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

process.on("SIGINT", () => {
  stopAll();
  process.exit(130);
});

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(stopAll);
