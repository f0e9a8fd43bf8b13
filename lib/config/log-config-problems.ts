import "server-only";

const LOGGED = Symbol.for("opwatch.configProblemsLogged");
export type LogHolder = typeof globalThis & { [LOGGED]?: Set<string> };

/**
 * Writes each configuration problem's log line (lib/config/read-config.ts) once per process, with console.error:
 * visitors see only which variable is wrong and how to fix it, so the log is where its value is. The lines already seen
 * are kept on globalThis because Next may load a copy of lib/config/server-config.ts per route bundle.
 */
export function logConfigProblems(lines: readonly string[], holder: LogHolder = globalThis): void {
  const logged = (holder[LOGGED] ??= new Set<string>());
  for (const line of lines) {
    if (logged.has(line)) continue;
    logged.add(line);
    console.error(line);
  }
}
