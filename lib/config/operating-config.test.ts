import { describe, expect, it } from "vitest";
import { readConfig } from "./read-config";

const CLIENT = "11111111-2222-4333-8444-555555555555";
const KEY = "00000000-1111-4222-8333-444444444444";
const read = (values: Record<string, string>) => readConfig({ NODE_ENV: "test", AZURE_CLIENT_ID: CLIENT, ...values });

function operatingProblems(values: Record<string, string>) {
  const config = read(values);
  if (config.operating.ok) throw new Error("expected problems");
  return config.operating.error.map((p) => `${p.variable} ${p.problem}`);
}

describe("readConfig: the server's log and telemetry", () => {
  it("logs at info and sends telemetry nowhere unless told", () => {
    const config = read({});
    expect(config.operating).toEqual({
      ok: true,
      value: {
        logLevel: "info",
        otlpEndpoint: undefined,
        applicationInsightsConnectionString: undefined,
        metricExportIntervalMs: 60_000,
        spanBatchDelayMs: 5_000,
      },
    });
  });

  it("reads the level, an OTLP endpoint without its trailing slash, a connection string and the intervals", () => {
    const connection = `InstrumentationKey=${KEY};IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/;ApplicationId=x`;
    const config = read({
      OPWATCH_LOG_LEVEL: "DEBUG",
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://otel-collector:4318/",
      APPLICATIONINSIGHTS_CONNECTION_STRING: connection,
      OTEL_METRIC_EXPORT_INTERVAL: "500",
      OTEL_BSP_SCHEDULE_DELAY: "100",
    });
    expect(config.operating).toEqual({
      ok: true,
      value: {
        logLevel: "debug",
        otlpEndpoint: "http://otel-collector:4318",
        applicationInsightsConnectionString: connection,
        metricExportIntervalMs: 500,
        spanBatchDelayMs: 100,
      },
    });
  });

  it("names each wrong setting, and the page lists it while the proxy keeps serving", () => {
    const wrong = {
      OPWATCH_LOG_LEVEL: "loud",
      OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318",
      APPLICATIONINSIGHTS_CONNECTION_STRING: "IngestionEndpoint=https://x.example/",
      OTEL_METRIC_EXPORT_INTERVAL: "10",
      OTEL_BSP_SCHEDULE_DELAY: "1.5",
    };
    expect(operatingProblems(wrong)).toEqual([
      "OPWATCH_LOG_LEVEL is not one of silent, fatal, error, warn, info, debug, trace.",
      "OTEL_EXPORTER_OTLP_ENDPOINT must be an absolute http:// or https:// URL.",
      "APPLICATIONINSIGHTS_CONNECTION_STRING has no InstrumentationKey=<GUID>.",
      "OTEL_METRIC_EXPORT_INTERVAL must be at least 100.",
      "OTEL_BSP_SCHEDULE_DELAY must be a whole number of milliseconds.",
    ]);
    const config = read(wrong);
    expect(config.proxy.ok).toBe(true);
    expect(config.public.ok).toBe(false);
  });

  it("refuses a connection string that is not Key=value pairs or whose endpoint is not https", () => {
    expect(operatingProblems({ APPLICATIONINSIGHTS_CONNECTION_STRING: KEY })).toEqual([
      "APPLICATIONINSIGHTS_CONNECTION_STRING is not a list of Key=value pairs separated by semicolons.",
    ]);
    expect(
      operatingProblems({ APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=${KEY};IngestionEndpoint=http://in.example/` }),
    ).toEqual(["APPLICATIONINSIGHTS_CONNECTION_STRING has an endpoint that is not an https:// URL."]);
  });

  it("refuses an OTLP endpoint with credentials or a query", () => {
    expect(operatingProblems({ OTEL_EXPORTER_OTLP_ENDPOINT: "https://a:b@collector.example/?x=1" })).toEqual([
      "OTEL_EXPORTER_OTLP_ENDPOINT must not contain credentials, a query or a fragment (headers go in OTEL_EXPORTER_OTLP_HEADERS).",
    ]);
  });
});
