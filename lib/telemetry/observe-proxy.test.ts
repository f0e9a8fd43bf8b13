import { afterAll, afterEach, describe, expect, it } from "vitest";
import { trace } from "@opentelemetry/api";
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-node";
import { createLogger } from "./logger";
import { markExporting } from "./exporting";
import { observeProxyRequest } from "./observe-proxy";

/**
 * With telemetry off the proxy makes no span at all (its cost is the log line's); once start-telemetry has marked the
 * process as exporting, each request is a span with its upstream call as a child.
 */

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
trace.setGlobalTracerProvider(provider);
const EXPORTING = Symbol.for("opwatch.telemetryExporting");

afterEach(() => {
  exporter.reset();
  Reflect.deleteProperty(globalThis, EXPORTING);
});
afterAll(async () => {
  await provider.shutdown();
  trace.disable();
});

async function proxiedRead(lines: string[]) {
  const logger = createLogger("info", { write: (line: string) => void lines.push(line) });
  return observeProxyRequest("devops", { refusalOf: () => undefined, logger }, async (observation) => {
    await observation.upstream("management.azure.com", () => Promise.resolve({ kind: "response" as const, status: 200, headers: { "x-ms-request-id": "azure-1" } }));
    return new Response("{}", { status: 200 });
  });
}

describe("observeProxyRequest", () => {
  it("with telemetry off, writes the log line and starts no span, though a tracer provider is there", async () => {
    const lines: string[] = [];
    await proxiedRead(lines);
    expect(exporter.getFinishedSpans()).toEqual([]);
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([expect.objectContaining({ route: "devops", upstreamStatus: 200, azureRequestId: "azure-1" })]);
  });

  it("once exporting, makes the request's span with the upstream call as its child", async () => {
    markExporting();
    const lines: string[] = [];
    await proxiedRead(lines);
    const spans = exporter.getFinishedSpans();
    const request = spans.find((span) => span.name === "proxy devops");
    const upstream = spans.find((span) => span.name === "upstream GET");
    expect(upstream?.parentSpanContext?.spanId).toBe(request?.spanContext().spanId);
    expect(upstream?.attributes).toMatchObject({ "server.address": "management.azure.com", "http.response.status_code": 200 });
    expect(lines).toHaveLength(1);
  });
});
