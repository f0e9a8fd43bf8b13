import "server-only";
import { performance } from "node:perf_hooks";
import { context, SpanKind, SpanStatusCode, trace, type Attributes, type Span } from "@opentelemetry/api";
import type { Logger } from "pino";
import { CLIENT_REQUEST_ID_HEADER } from "@/lib/azure/request-ids";
import { isExporting } from "./exporting";
import { ATTR } from "./proxy-attributes";
import { processLogger } from "./logger";
import { PROXY_LOG_MESSAGE, processAddressHasher, proxyLogFields, proxyLogLevel, type ProxyRequestFacts, type ProxyRouteKind } from "./proxy-log-line";
import { proxyInstruments, recordProxyRequest } from "./proxy-metrics";

/**
 * One proxied request as an operator sees it: a span (with a child span for the upstream call), the metrics and one
 * log line, all written from the same facts. The handler reports what it learns as it goes; what was answered is read
 * from the response at the end. While nothing is exported (exporting.ts) there are no spans or metrics, only the line.
 */

/** What the handler tells the observer; each call is optional, as a request may stop at any check. */
export interface ProxyObservation {
  /** The client's address, only ever logged as its keyed hash. */
  client(address: string): void;
  /** Runs the one upstream call: a child span, counted in flight and timed. */
  upstream<T extends UpstreamOutcome>(upstreamHost: string, call: () => Promise<T>): Promise<T>;
}

/** What the observer needs of an upstream result (lib/server/upstream-fetch.ts): Azure's status and headers, if any. */
type UpstreamOutcome =
  | { kind: "response"; status: number; headers: Readonly<Record<string, string | string[] | undefined>> }
  | { kind: "timeout" | "tooLarge" }
  | { kind: "unavailable"; reason: string };

export interface ObserveDeps {
  /** The proxy's own error code of a response it made itself, or undefined for Azure's. */
  refusalOf: (response: Response) => string | undefined;
  logger?: Logger;
  hashAddress?: (address: string) => string;
}

// The API's proxy tracer: it starts real spans once instrumentation.ts has registered a provider.
const tracer = trace.getTracer("opwatch");

export function observeProxyRequest(
  route: ProxyRouteKind,
  deps: ObserveDeps,
  handle: (observation: ProxyObservation) => Promise<Response>,
): Promise<Response> {
  const started = performance.now();
  const facts: Omit<ProxyRequestFacts, "status" | "totalMs"> = { route };
  const observed = async (span: Span | undefined): Promise<Response> => {
    const observation: ProxyObservation = {
      client: (address) => {
        facts.clientAddress = address;
      },
      upstream: (upstreamHost, call) => {
        facts.upstreamHost = upstreamHost;
        return observeUpstream(span, route, upstreamHost, call, (status, ms, azureRequestId) => {
          facts.upstreamStatus = status;
          facts.upstreamMs = ms;
          facts.azureRequestId = azureRequestId;
        });
      },
    };
    try {
      const response = await handle(observation);
      const refusal = deps.refusalOf(response);
      const done: ProxyRequestFacts = {
        ...facts,
        status: response.status,
        totalMs: performance.now() - started,
        ...definedOnly({
          refusal,
          clientRequestId: response.headers.get(CLIENT_REQUEST_ID_HEADER) ?? undefined,
          retryAfter: response.headers.get("retry-after") ?? undefined,
        }),
      };
      if (span) {
        finishRequestSpan(span, done);
        recordProxyRequest(done);
      }
      const logger = deps.logger ?? processLogger();
      logger[proxyLogLevel(done)](proxyLogFields(done, deps.hashAddress ?? processAddressHasher()), PROXY_LOG_MESSAGE);
      return response;
    } catch (error) {
      span?.recordException(error instanceof Error ? error : String(error));
      span?.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span?.end();
    }
  };
  if (!isExporting()) return observed(undefined);
  return tracer.startActiveSpan(`proxy ${route}`, { kind: SpanKind.INTERNAL, attributes: { [ATTR.route]: route } }, observed);
}

function definedOnly<T extends Record<string, string | undefined>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function finishRequestSpan(span: Span, facts: ProxyRequestFacts): void {
  const attributes: Attributes = { [ATTR.status]: facts.status };
  if (facts.upstreamHost !== undefined) attributes[ATTR.upstreamHost] = facts.upstreamHost;
  if (facts.refusal !== undefined) attributes[ATTR.refusal] = facts.refusal;
  if (facts.azureRequestId !== undefined) attributes[ATTR.azureRequestId] = facts.azureRequestId;
  if (facts.clientRequestId !== undefined) attributes[ATTR.clientRequestId] = facts.clientRequestId;
  if (facts.retryAfter !== undefined) attributes[ATTR.retryAfter] = facts.retryAfter;
  span.setAttributes(attributes);
  if (facts.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR, ...(facts.refusal === undefined ? {} : { message: facts.refusal }) });
}

const headerValue = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The upstream call, timed for the line; with a parent span (telemetry on), also a child span and the metrics. */
async function observeUpstream<T extends UpstreamOutcome>(
  parent: Span | undefined,
  route: ProxyRouteKind,
  upstreamHost: string,
  call: () => Promise<T>,
  report: (status: number | undefined, ms: number, azureRequestId: string | undefined) => void,
): Promise<T> {
  const instruments = parent && proxyInstruments();
  const span =
    parent &&
    tracer.startSpan(
      "upstream GET",
      { kind: SpanKind.CLIENT, attributes: { [ATTR.route]: route, [ATTR.upstreamHost]: upstreamHost, [ATTR.method]: "GET" } },
      trace.setSpan(context.active(), parent),
    );
  instruments?.upstreamInFlight.add(1, { [ATTR.route]: route });
  const started = performance.now();
  let result: T | undefined;
  try {
    result = await call();
    return result;
  } finally {
    const ms = performance.now() - started;
    const status = result?.kind === "response" ? result.status : undefined;
    const azureRequestId = result?.kind === "response" ? headerValue(result.headers["x-ms-request-id"]) : undefined;
    if (instruments) {
      instruments.upstreamInFlight.add(-1, { [ATTR.route]: route });
      instruments.upstreamDuration.record(ms, { [ATTR.route]: route, [ATTR.upstreamHost]: upstreamHost, ...(status === undefined ? {} : { [ATTR.status]: status }) });
    }
    if (span) {
      if (status !== undefined) span.setAttribute(ATTR.status, status);
      if (azureRequestId !== undefined) span.setAttribute(ATTR.azureRequestId, azureRequestId);
      if (status === undefined || status >= 500) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: result === undefined ? "failed" : result.kind === "unavailable" ? result.reason : result.kind });
      }
      span.end();
    }
    report(status, ms, azureRequestId);
  }
}
