import "server-only";
import pino, { type DestinationStream, type Logger } from "pino";
import type { LogLevel } from "@/lib/config/operating-settings";

/**
 * The server's one logger: JSON lines on stdout (what Container Apps and App Service collect), `time` as ISO 8601, with
 * pino's `pid` and `hostname` (the replica).
 * Held on globalThis because Next may load a copy of this module per route bundle. instrumentation.ts installs it at
 * OPWATCH_LOG_LEVEL before the first request (lib/telemetry/server-telemetry.ts); a process without it logs at info.
 */

const LOGGER = Symbol.for("opwatch.logger");
type LoggerHolder = typeof globalThis & { [LOGGER]?: Logger };

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    { level, timestamp: pino.stdTimeFunctions.isoTime },
    // Asynchronous writes keep a slow stdout consumer off the request path; pino flushes them on exit.
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

export function installLogger(logger: Logger, holder: LoggerHolder = globalThis): void {
  holder[LOGGER] = logger;
}

export function processLogger(holder: LoggerHolder = globalThis): Logger {
  return (holder[LOGGER] ??= createLogger("info"));
}
