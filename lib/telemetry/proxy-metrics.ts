import "server-only";
import { metrics, type Counter, type Histogram, type UpDownCounter } from "@opentelemetry/api";
import type { ProxyRequestFacts } from "./proxy-log-line";
import { ATTR } from "./proxy-attributes";

/**
 * The proxy's metrics. Through the OpenTelemetry API: with no exporter configured its meter is a no-op and each call
 * costs nothing worth measuring. The instruments are made at the first request, after instrumentation.ts has
 * registered the meter provider (the API hands out no-op instruments before that and never upgrades them).
 */

interface ProxyInstruments {
  requests: Counter;
  refusals: Counter;
  upstreamDuration: Histogram;
  upstreamInFlight: UpDownCounter;
  throttled: Counter;
}

/** Upstream latency buckets in ms: ARM and DevCenter answer in tens to hundreds, a timeout is at 30 s. */
const LATENCY_BUCKETS_MS = [5, 10, 25, 50, 75, 100, 150, 250, 500, 750, 1000, 2500, 5000, 10_000, 30_000];

let instruments: ProxyInstruments | undefined;

export function proxyInstruments(): ProxyInstruments {
  if (instruments !== undefined) return instruments;
  const meter = metrics.getMeter("opwatch");
  instruments = {
    requests: meter.createCounter("opwatch.proxy.requests", {
      description: "Proxied requests, by route kind and outcome (success, upstream_error, throttled, refused).",
    }),
    refusals: meter.createCounter("opwatch.proxy.refusals", { description: "The proxy's own refusals and failures, by code." }),
    upstreamDuration: meter.createHistogram("opwatch.upstream.duration", {
      description: "Time from sending the upstream GET to holding its whole answer.",
      unit: "ms",
      advice: { explicitBucketBoundaries: LATENCY_BUCKETS_MS },
    }),
    upstreamInFlight: meter.createUpDownCounter("opwatch.upstream.in_flight", { description: "Upstream calls open now." }),
    throttled: meter.createCounter("opwatch.upstream.throttled", { description: "Answers of Azure with HTTP 429, by upstream host." }),
  };
  return instruments;
}

type ProxyOutcome = "success" | "upstream_error" | "throttled" | "refused";

export function proxyOutcome(facts: ProxyRequestFacts): ProxyOutcome {
  if (facts.refusal !== undefined) return "refused";
  if (facts.status === 429) return "throttled";
  return facts.status >= 400 ? "upstream_error" : "success";
}

/** Everything but the in-flight count and the latency, which the upstream call records as it happens. */
export function recordProxyRequest(facts: ProxyRequestFacts): void {
  const { requests, refusals, throttled } = proxyInstruments();
  requests.add(1, { [ATTR.route]: facts.route, [ATTR.outcome]: proxyOutcome(facts), [ATTR.status]: facts.status });
  if (facts.refusal !== undefined) refusals.add(1, { [ATTR.route]: facts.route, [ATTR.refusal]: facts.refusal });
  if (facts.upstreamStatus === 429) throttled.add(1, { [ATTR.route]: facts.route, [ATTR.upstreamHost]: facts.upstreamHost ?? "" });
}
