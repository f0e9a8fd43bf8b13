import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { onCleanup } from "./cleanup";
import { NEXT_BIN, ROOT } from "./project";

/** Runs `next <args>` with its output in `logFile`; stopped with the bench if it is still running then. */
export function startNext(args: readonly string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const log = createWriteStream(logFile, { flags: "a" });
  const child = spawn(process.execPath, [NEXT_BIN, ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  child.once("exit", () => {
    log.end();
  });
  onCleanup(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  });
  return child;
}

export function exitCode(child: ChildProcess): Promise<number> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once("exit", (code) => {
      resolve(code ?? 1);
    });
  });
}

