import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import { onCleanup } from "./cleanup";
import { NEXT_BIN, ROOT } from "../process/next-process";

/** Runs `next <args>` with its output in `logFile`; stopped with the bench if it is still running then. */
export function runNextCli(args: readonly string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
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


/** The last lines of a log, for an error message. */
export function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/**
 * Compile, then generate: the bundles of `next build` without its type check, which covers the whole project (others'
 * work in progress included) and is `npm run typecheck`'s job; it also leaves tsconfig.json untouched.
 */
export async function buildBundles(extraArgs: readonly string[], env: NodeJS.ProcessEnv, logFile: string): Promise<void> {
  for (const mode of ["compile", "generate"]) {
    const code = await exitCode(runNextCli(["build", "--experimental-build-mode", mode, ...extraArgs], env, logFile));
    if (code !== 0) throw new Error(`next build (${mode}) failed with exit code ${code}; the end of ${logFile}:\n${tail(logFile)}`);
  }
}
