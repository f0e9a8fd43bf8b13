import { expect, test as base } from "./fixtures";
import { E2E } from "./fixtures/stack";
import { withTelemetryApp, type TelemetryApp } from "./fixtures/telemetry-app";

/**
 * Operating the server: through the production server and the simulator, each proxied request leaves a span with a
 * child span for its upstream call, metrics and a JSON log line, and the bearer token it carried is in none of them.
 * No browser page: the requests are the ones a dashboard makes, sent directly.
 */

const test = base.extend<{ telemetryApp: TelemetryApp }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none.
  telemetryApp: async ({}, use) => {
    // Short export intervals, so the receiver has the spans and metrics in well under a second.
    await withTelemetryApp({ OTEL_METRIC_EXPORT_INTERVAL: "200", OTEL_BSP_SCHEDULE_DELAY: "50" }, use);
  },
});

test.use({ signedIn: false });

/** Shaped like an access token, so the proxy passes it on (the simulator refuses it, as Azure would an unknown one). */
const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const MARKER = "opwatchtokenmarker";
const MARKER_TOKEN = `${b64url({ alg: "RS256", typ: "JWT" })}.${b64url({ sub: MARKER })}.${Buffer.from(MARKER).toString("base64url")}`;
const QUERY_MARKER = "opwatchquerymarker";

const simulatorHost = new URL(E2E.simulatorOrigin).host;
const PROXIED = {
  devops: "/api/devops/00000000-0000-4000-8000-0000000000aa/rg-ops/conn-ops/op-ops-1",
  devcenter: `/api/devcenter/${simulatorHost}/project-ops/11111111-2222-4333-8444-555555555555`,
  "discovery-projects": `/api/discovery/${simulatorHost}/projects?nextLink=${encodeURIComponent(`${E2E.simulatorOrigin}/projects?api-version=2025-02-01&$skipToken=${QUERY_MARKER}`)}`,
} as const;
const REFUSED = "/api/discovery/devcenter.not-allowed.example/projects";

interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: number | string; doubleValue?: number; boolValue?: boolean };
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: OtlpAttribute[];
}
interface OtlpDataPoint {
  attributes: OtlpAttribute[];
  asInt?: number | string;
  asDouble?: number;
  count?: number | string;
}
interface OtlpMetric {
  name: string;
  sum?: { dataPoints: OtlpDataPoint[] };
  histogram?: { dataPoints: OtlpDataPoint[] };
}

const attributesOf = (attributes: OtlpAttribute[]): Record<string, string | number | boolean | undefined> =>
  Object.fromEntries(
    attributes.map(({ key, value }) => [key, value.stringValue ?? (value.intValue === undefined ? undefined : Number(value.intValue)) ?? value.doubleValue ?? value.boolValue]),
  );

function spansOf(app: TelemetryApp): OtlpSpan[] {
  return app.exports
    .filter((e) => e.path === "/v1/traces")
    .flatMap((e) => (JSON.parse(e.body) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] }).resourceSpans)
    .flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
}

/** The last export's data points of a metric (cumulative: the last holds everything so far). */
function dataPoints(app: TelemetryApp, name: string): { attributes: Record<string, unknown>; value: number }[] {
  const last = app.exports.filter((e) => e.path === "/v1/metrics").at(-1);
  if (last === undefined) return [];
  const parsed = JSON.parse(last.body) as { resourceMetrics: { scopeMetrics: { metrics: OtlpMetric[] }[] }[] };
  const metric = parsed.resourceMetrics.flatMap((r) => r.scopeMetrics.flatMap((s) => s.metrics)).find((m) => m.name === name);
  const points = metric?.sum?.dataPoints ?? metric?.histogram?.dataPoints ?? [];
  return points.map((p) => ({ attributes: attributesOf(p.attributes), value: Number(p.asInt ?? p.asDouble ?? p.count) }));
}

const logRecords = (app: TelemetryApp) =>
  app.stdout.filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as Record<string, unknown>).filter((r) => r.msg === "proxied request");

test("each proxied read leaves a span with its upstream call, metrics and a log line, and its token in none of them", async ({ telemetryApp: app, request }) => {
  await expect.poll(() => app.stdout.some((line) => line.startsWith("opwatch ready on"))).toBe(true);
  const headers = { Authorization: `Bearer ${MARKER_TOKEN}`, Cookie: `session=${MARKER}` };
  for (const path of Object.values(PROXIED)) {
    // The simulator refuses a token nobody signed: Azure's own 401, passed through.
    expect((await request.get(`${app.origin}${path}`, { headers })).status()).toBe(401);
  }
  expect((await request.get(`${app.origin}${REFUSED}`, { headers })).status()).toBe(400);

  // Spans: one per request, and for each proxied read a child span of its upstream call.
  await expect.poll(() => spansOf(app).filter((s) => s.name.startsWith("proxy ")).length).toBe(4);
  const spans = spansOf(app);
  for (const route of Object.keys(PROXIED)) {
    const parent = spans.find((s) => s.name === `proxy ${route}`);
    expect(parent, `the span of ${route}`).toBeDefined();
    expect(attributesOf(parent?.attributes ?? [])).toMatchObject({
      "opwatch.route.kind": route,
      "server.address": simulatorHost,
      "http.response.status_code": 401,
      "opwatch.azure.request_id": expect.stringMatching(/^[0-9a-f-]{36}$/),
      "opwatch.client_request_id": expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    const child = spans.find((s) => s.parentSpanId === parent?.spanId && s.name === "upstream GET");
    expect(child?.traceId, `the upstream span of ${route}`).toBe(parent?.traceId);
    expect(attributesOf(child?.attributes ?? [])).toMatchObject({ "server.address": simulatorHost, "http.response.status_code": 401 });
  }
  const refused = spans.find((s) => s.name === "proxy discovery-projects" && attributesOf(s.attributes)["opwatch.refusal.code"] !== undefined);
  expect(attributesOf(refused?.attributes ?? [])).toMatchObject({ "opwatch.refusal.code": "EndpointNotAllowed", "http.response.status_code": 400 });
  expect(spans.filter((s) => s.parentSpanId === refused?.spanId)).toEqual([]);

  // Metrics, as the last export has them.
  await expect
    .poll(() => dataPoints(app, "opwatch.proxy.requests").reduce((sum, p) => sum + p.value, 0))
    .toBe(4);
  expect(dataPoints(app, "opwatch.proxy.requests")).toEqual(
    expect.arrayContaining([
      { attributes: { "opwatch.route.kind": "devops", "opwatch.outcome": "upstream_error", "http.response.status_code": 401 }, value: 1 },
      { attributes: { "opwatch.route.kind": "discovery-projects", "opwatch.outcome": "refused", "http.response.status_code": 400 }, value: 1 },
    ]),
  );
  expect(dataPoints(app, "opwatch.proxy.refusals")).toEqual([
    { attributes: { "opwatch.route.kind": "discovery-projects", "opwatch.refusal.code": "EndpointNotAllowed" }, value: 1 },
  ]);
  expect(dataPoints(app, "opwatch.upstream.duration").map((p) => [p.attributes["opwatch.route.kind"], p.value]).toSorted()).toEqual([
    ["devcenter", 1],
    ["devops", 1],
    ["discovery-projects", 1],
  ]);
  expect(dataPoints(app, "opwatch.upstream.in_flight").map((p) => p.value)).toEqual([0, 0, 0]);

  // One log line per request, with its fields.
  const records = logRecords(app);
  expect(records).toHaveLength(4);
  expect(records).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        route: "devops",
        upstreamHost: simulatorHost,
        status: 401,
        upstreamStatus: 401,
        upstreamMs: expect.any(Number),
        totalMs: expect.any(Number),
        azureRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        clientRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        client: expect.any(String),
        time: expect.any(String),
      }),
      expect.objectContaining({ route: "discovery-projects", status: 400, refusal: "EndpointNotAllowed" }),
    ]),
  );

  // The token, the cookie and a nextLink's query: in no export and no line the server wrote.
  const everything = [...app.exports.map((e) => e.body), ...app.stdout, ...app.stderr];
  for (const secret of [MARKER_TOKEN, MARKER, Buffer.from(MARKER).toString("base64url"), QUERY_MARKER, "127.0.0.1\""]) {
    expect(everything.filter((text) => text.includes(secret)), secret).toEqual([]);
  }
});
