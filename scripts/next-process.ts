import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";

/**
 * Next's own CLI run by this Node directly, not through npx: a signal to the child then reaches the server itself
 * (npx does not pass SIGTERM on, which left `next start` running after the demo stopped).
 */
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

export function buildNext(env: NodeJS.ProcessEnv): number {
  return spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env }).status ?? 1;
}

export function startNext(port: number, env: NodeJS.ProcessEnv, stdio: "inherit" | "ignore"): ChildProcess {
  return spawn(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", String(port)], { stdio, env });
}
