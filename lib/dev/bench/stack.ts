import os from "node:os";
import path from "node:path";
import { startLocalStack, type LocalStack } from "../local-stack";
import { runNextCli } from "./child";
import { onCleanup } from "./cleanup";
import { BENCH_PORTS, benchAppOrigin } from "./ports";
import { BENCH_DIST_DIR } from "./project";

/**
 * The bench's own stack on loopback: the local sign-in server and the Azure simulator in this process, and
 * `next start` of the .next-bench build as a child, all stopped by `cleanup()`.
 */
export interface BenchStack {
  appOrigin: string;
  local: LocalStack;
}

export interface BenchStackOptions {
  /** The simulator's demo scenarios, and the app's watch list starting with them on a first visit. */
  seedDemo: boolean;
}

async function waitForApp(appOrigin: string, exited: () => number | null, logFile: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const code = exited();
    if (code !== null) throw new Error(`next start exited (code ${code}) before it answered; see ${logFile}`);
    try {
      if ((await fetch(`${appOrigin}/api/health`, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app did not answer on ${appOrigin}/api/health within 60 s; see ${logFile}`);
}

export async function startBenchStack(options: BenchStackOptions): Promise<BenchStack> {
  const appOrigin = benchAppOrigin();
  const local = await startLocalStack({
    appOrigin,
    simulatorPort: BENCH_PORTS.simulator,
    signinPort: BENCH_PORTS.signin,
    seedDemo: options.seedDemo,
  });
  onCleanup(() => local.close());
  const logFile = path.join(os.tmpdir(), "opwatch-bench-app.log");
  const app = runNextCli(
    ["start", "-H", "127.0.0.1", "-p", String(BENCH_PORTS.app)],
    { ...process.env, ...local.appEnv, NODE_ENV: "production", NEXT_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
    logFile,
  );
  await waitForApp(appOrigin, () => app.exitCode, logFile);
  return { appOrigin, local };
}
