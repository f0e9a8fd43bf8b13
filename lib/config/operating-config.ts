import "server-only";
import type { LogLevel } from "./operating-settings";

/** The server's log and telemetry settings, validated by read-config.ts (lib/telemetry uses them). */
export interface OperatingConfig {
  /** OPWATCH_LOG_LEVEL. */
  logLevel: LogLevel;
  /** OTEL_EXPORTER_OTLP_ENDPOINT without a trailing slash: traces and metrics go there over OTLP/HTTP. Unset: not sent. */
  otlpEndpoint: string | undefined;
  /** APPLICATIONINSIGHTS_CONNECTION_STRING: traces and metrics go to Azure Monitor. Unset: not sent. */
  applicationInsightsConnectionString: string | undefined;
  /** OTEL_METRIC_EXPORT_INTERVAL. */
  metricExportIntervalMs: number;
  /** OTEL_BSP_SCHEDULE_DELAY. */
  spanBatchDelayMs: number;
}
