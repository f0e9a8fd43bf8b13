import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * The app as `npm run build` and `npm start` make and run it: `next build`, the standalone folder assembled by
 * scripts/assemble-standalone.mjs, and its own server.js (what the Docker image runs), each run by this Node directly
 * rather than through npm or npx, so a signal to the child reaches the server itself (npx did not pass SIGTERM on).
 */
/** The checkout, and Next's own CLI (run by this Node, so signals reach it, not an npx shim). */
export const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
export const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");

/** The build folder for this environment, as next.config.mjs reads it. */
function distDirOf(env: NodeJS.ProcessEnv): string {
  return env.NEXT_DIST_DIR ?? ".next";
}

export function buildNext(env: NodeJS.ProcessEnv): number {
  const built = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: ROOT, stdio: "inherit", env }).status ?? 1;
  if (built !== 0) return built;
  return spawnSync(process.execPath, [path.join(ROOT, "scripts", "assemble-standalone.mjs")], { cwd: ROOT, stdio: "inherit", env }).status ?? 1;
}

/** The standalone server of the last build on loopback; it takes its address from PORT and HOSTNAME. */
export function startNext(port: number, env: NodeJS.ProcessEnv, stdio: "inherit" | "ignore" | "pipe"): ChildProcess {
  const server = path.join(ROOT, distDirOf(env), "standalone", "server.js");
  if (!existsSync(server)) throw new Error(`no ${path.relative(ROOT, server)}: build the app first (npm run build)`);
  return spawn(process.execPath, [server], { cwd: ROOT, stdio, env: { ...env, PORT: String(port), HOSTNAME: "127.0.0.1" } });
}
