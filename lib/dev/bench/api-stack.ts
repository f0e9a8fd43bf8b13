import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { ROOT, startNext as startProductionServer } from "../process/next-process";
import { buildBundles, exitCode, tail } from "./child";
import { onCleanup } from "./cleanup";

/**
 * The API benches' stack (`bench:proxy`, `bench:load`, `fuzz:proxy`): a production build of the app, the Azure
 * simulator in a process of its own (so a load generator in the bench's process never shares its event loop) and the
 * app's production server as lib/dev/process/next-process.ts starts it, each on a free loopback port; `cleanup()` stops them.
 */

/** The fixed ports of the demo, the e2e tests, the UI benches and the screenshots: never taken by these benches. */
const RESERVED_PORTS = new Set([3000, 3100, 3200, 3250, 3300, 4010, 4110, 4210, 4250, 4310, 4443, 4543, 4643, 4650]);

async function freeLoopbackPort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", resolve);
    });
    const address = server.address();
    await new Promise((resolve) => server.close(resolve));
    if (address === null || typeof address === "string") break;
    if (!RESERVED_PORTS.has(address.port)) return address.port;
  }
  throw new Error("could not get a free loopback port");
}

const logPath = (name: string) => path.join(os.tmpdir(), `opwatch-${name}.log`);

export interface BuildOptions {
  distDir: string;
  /** Skip the build when one is there (`--no-build`). */
  reuse: boolean;
  /** Only `app/api/**` (what bench:proxy measures), or the whole app (what a deployment serves). */
  apiOnly: boolean;
}

/** Builds the app into `distDir` unless told to reuse one; returns a line saying which. */
export async function buildApp({ distDir, reuse, apiOnly }: BuildOptions): Promise<string> {
  const assembled = existsSync(path.join(ROOT, distDir, "BUILD_ID")) && existsSync(path.join(ROOT, distDir, "standalone", "server.js"));
  if (reuse && assembled) return `reused the build in ${distDir} (--no-build)`;
  if (reuse) console.info(`no assembled build in ${distDir} to reuse`);
  const logFile = logPath(`build-${distDir.replace(/^\.+/, "")}`);
  writeFileSync(logFile, "");
  console.info(`building the app into ${distDir}${apiOnly ? " (API routes only)" : ""}; log: ${logFile}`);
  const startedAt = Date.now();
  const env = { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" };
  await buildBundles(apiOnly ? ["--debug-build-paths", "app/api/**"] : [], env, logFile);
  // Then, as `npm run build` does, the standalone folder made runnable: the server lib/dev/process/next-process.ts starts.
  const assemble = spawn(process.execPath, ["scripts/assemble-standalone.mjs"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  logTo(assemble, logFile, "a");
  const code = await exitCode(assemble);
  if (code !== 0) throw new Error(`assembling the standalone server failed with exit code ${code}; the end of ${logFile}:\n${tail(logFile)}`);
  return `built the app into ${distDir} in ${((Date.now() - startedAt) / 1000).toFixed(0)} s`;
}

export interface Started {
  url: string;
  port: number;
  child: ChildProcess;
  logFile: string;
}

/** SIGTERM, and SIGKILL if the process is still there after the server's own grace for open requests (8 s). */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = exitCode(child);
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

function stopWithBench(child: ChildProcess): void {
  onCleanup(() => stop(child));
}

function logTo(child: ChildProcess, logFile: string, flags: "w" | "a" = "w"): void {
  const log = createWriteStream(logFile, { flags });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  child.once("exit", () => log.end());
}

async function waitUntilUp(url: string, child: ChildProcess, what: string, logFile: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${what} exited (${child.exitCode ?? child.signalCode}) before it answered; the end of ${logFile}:\n${tail(logFile)}`);
    }
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`${what} did not answer at ${url} within 60 s; see ${logFile}`);
}

/**
 * The simulator without its demo scenarios and with ARM's read throttling and DevCenter's per-minute limit off: the
 * benches measure opwatch, not the emulated limits' 429s. One Node process (tsx as a loader, not its CLI, which would add a process between).
 */
export async function startSimulatorProcess(): Promise<Started> {
  const port = await freeLoopbackPort();
  const logFile = logPath(`bench-simulator-${port}`);
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/simulator.ts"], {
    cwd: ROOT,
    env: { ...process.env, SIM_PORT: String(port), SIM_HOST: "127.0.0.1", SIM_SEED_DEMO: "false", SIM_ARM_READ_BUCKET: "off", SIM_DEVCENTER_READS_PER_MINUTE: "off" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  logTo(child, logFile);
  stopWithBench(child);
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(`${url}/`, child, "the simulator", logFile);
  return { url, port, child, logFile };
}

export interface AppServerOptions {
  distDir: string;
  simulatorUrl: string;
  /** Settings beyond the upstreams (limits, a preload in NODE_OPTIONS), over this process's environment. */
  env?: Record<string, string>;
}

/** The app's production server, pointed at the simulator for both APIs; answers /api/health when this resolves. */
export async function startAppServer({ distDir, simulatorUrl, env = {} }: AppServerOptions): Promise<Started> {
  const port = await freeLoopbackPort();
  const logFile = logPath(`bench-app-${port}`);
  const child = startProductionServer(
    port,
    {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      AZURE_ARM_ENDPOINT: simulatorUrl,
      DEVCENTER_ALLOWED_HOSTS: simulatorUrl,
      ...env,
    },
    "pipe",
  );
  logTo(child, logFile);
  stopWithBench(child);
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(`${url}/api/health`, child, "the app's production server", logFile);
  return { url, port, child, logFile };
}

/** Stops one server before the bench ends (e.g. to start it again with other settings). */
export const stopServer = (server: Started): Promise<void> => stop(server.child);
