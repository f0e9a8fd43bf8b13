import "server-only";
import { metrics } from "@opentelemetry/api";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { MeterProvider, PeriodicExportingMetricReader, type PushMetricExporter } from "@opentelemetry/sdk-metrics";
import { BatchSpanProcessor, NodeTracerProvider, type SpanExporter } from "@opentelemetry/sdk-trace-node";
import type { OperatingConfig } from "@/lib/config/operating-config";
import { OPWATCH_VERSION } from "@/lib/server/build-info";
import { markExporting } from "./exporting";
import { processLogger } from "./logger";
import { QueryFreeSpanProcessor } from "./query-free-spans";

/**
 * Starts the export of traces and metrics to the destinations the operator named, and only those: OTLP/HTTP when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set, Azure Monitor when APPLICATIONINSIGHTS_CONNECTION_STRING is. With neither, nothing
 * is registered, the OpenTelemetry API stays a no-op and no exporter is even loaded. Called once per process, from
 * instrumentation.ts.
 */

interface Exporters {
  spans: SpanExporter;
  metrics: PushMetricExporter;
  /** For the start-up line: where they go, without a key. */
  destination: string;
}

async function otlpExporters(endpoint: string): Promise<Exporters> {
  const [{ OTLPTraceExporter }, { OTLPMetricExporter }] = await Promise.all([
    import("@opentelemetry/exporter-trace-otlp-http"),
    import("@opentelemetry/exporter-metrics-otlp-http"),
  ]);
  return {
    spans: new OTLPTraceExporter({ url: `${endpoint}/v1/traces` }),
    metrics: new OTLPMetricExporter({ url: `${endpoint}/v1/metrics` }),
    destination: `OTLP/HTTP at ${new URL(endpoint).origin}`,
  };
}

async function azureMonitorExporters(connectionString: string): Promise<Exporters> {
  const { AzureMonitorMetricExporter, AzureMonitorTraceExporter } = await import("@azure/monitor-opentelemetry-exporter");
  return {
    spans: new AzureMonitorTraceExporter({ connectionString }),
    metrics: new AzureMonitorMetricExporter({ connectionString }),
    destination: "Application Insights",
  };
}

export async function startTelemetry(config: OperatingConfig): Promise<void> {
  const exporters = await Promise.all([
    ...(config.otlpEndpoint === undefined ? [] : [otlpExporters(config.otlpEndpoint)]),
    ...(config.applicationInsightsConnectionString === undefined ? [] : [azureMonitorExporters(config.applicationInsightsConnectionString)]),
  ]);
  if (exporters.length === 0) return;

  const resource = resourceFromAttributes({ "service.name": "opwatch", "service.version": OPWATCH_VERSION });
  const tracerProvider = new NodeTracerProvider({
    resource,
    spanProcessors: exporters.map(
      ({ spans }) => new QueryFreeSpanProcessor(new BatchSpanProcessor(spans, { scheduledDelayMillis: config.spanBatchDelayMs })),
    ),
  });
  // Also the AsyncLocalStorage context, so Next's request span is the parent of the proxy's.
  tracerProvider.register();
  const meterProvider = new MeterProvider({
    resource,
    readers: exporters.map(
      ({ metrics: exporter }) =>
        new PeriodicExportingMetricReader({
          exporter,
          exportIntervalMillis: config.metricExportIntervalMs,
          exportTimeoutMillis: Math.min(30_000, config.metricExportIntervalMs),
        }),
    ),
  });
  metrics.setGlobalMeterProvider(meterProvider);
  markExporting();

  // The server stops on SIGTERM (scripts/standalone-server.mjs); what is batched goes out while it closes.
  process.once("SIGTERM", () => {
    void Promise.allSettled([tracerProvider.shutdown(), meterProvider.shutdown()]);
  });
  processLogger().info({ telemetry: exporters.map((e) => e.destination) }, "sending traces and metrics");
}
