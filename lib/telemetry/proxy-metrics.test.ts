import { describe, expect, it } from "vitest";
import { metrics } from "@opentelemetry/api";
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { proxyOutcome, recordProxyRequest } from "./proxy-metrics";

describe("proxyOutcome", () => {
  it("tells the proxy's refusals, Azure's throttling, Azure's errors and successes apart", () => {
    expect(proxyOutcome({ route: "devops", status: 429, totalMs: 1, refusal: "ProxyRateLimited" })).toBe("refused");
    expect(proxyOutcome({ route: "devops", status: 429, totalMs: 1, upstreamStatus: 429 })).toBe("throttled");
    expect(proxyOutcome({ route: "devops", status: 503, totalMs: 1, upstreamStatus: 503 })).toBe("upstream_error");
    expect(proxyOutcome({ route: "devops", status: 200, totalMs: 1, upstreamStatus: 200 })).toBe("success");
  });
});

describe("recordProxyRequest", () => {
  it("counts requests by route and outcome, refusals by code and Azure's 429s by host", async () => {
    const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
    const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
    metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));

    recordProxyRequest({ route: "devops", status: 429, totalMs: 1, upstreamHost: "management.azure.com", upstreamStatus: 429 });
    recordProxyRequest({ route: "devcenter", status: 400, totalMs: 1, refusal: "EndpointNotAllowed" });
    await reader.forceFlush();

    const exported = exporter.getMetrics().at(-1)?.scopeMetrics.flatMap((scope) => scope.metrics) ?? [];
    const points = (name: string) =>
      exported.find((metric) => metric.descriptor.name === name)?.dataPoints.map((point) => ({ attributes: point.attributes, value: point.value }));
    expect(points("opwatch.proxy.requests")).toEqual([
      { attributes: { "opwatch.route.kind": "devops", "opwatch.outcome": "throttled", "http.response.status_code": 429 }, value: 1 },
      { attributes: { "opwatch.route.kind": "devcenter", "opwatch.outcome": "refused", "http.response.status_code": 400 }, value: 1 },
    ]);
    expect(points("opwatch.proxy.refusals")).toEqual([
      { attributes: { "opwatch.route.kind": "devcenter", "opwatch.refusal.code": "EndpointNotAllowed" }, value: 1 },
    ]);
    expect(points("opwatch.upstream.throttled")).toEqual([
      { attributes: { "opwatch.route.kind": "devops", "server.address": "management.azure.com" }, value: 1 },
    ]);
  });
});
