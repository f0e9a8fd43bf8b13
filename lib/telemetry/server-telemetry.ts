import "server-only";
import { serverConfig } from "@/lib/config/server-config";
import { createLogger, installLogger } from "./logger";

/**
 * The process's logger at OPWATCH_LOG_LEVEL (readable lines under `next dev`), then the exporters, if any are set. A
 * wrong operating setting is on the configuration page and in the log: the log keeps its default level and no
 * telemetry leaves until it is fixed.
 */
export async function startServerTelemetry(): Promise<void> {
  const operating = serverConfig.operating;
  const level = operating.ok ? operating.value.logLevel : "info";
  // Dead code in a production build (NODE_ENV is inlined), so pino-pretty, a dev dependency, is never traced into it.
  if (process.env.NODE_ENV === "development") {
    const { default: pretty } = await import("pino-pretty");
    installLogger(createLogger(level, pretty({ sync: true, colorize: true, translateTime: "SYS:HH:MM:ss.l" })));
  } else {
    installLogger(createLogger(level));
  }
  if (!operating.ok) return;
  const { startTelemetry } = await import("./start-telemetry");
  await startTelemetry(operating.value);
}
