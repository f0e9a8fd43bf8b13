import { describe, expect, it } from "vitest";
import { discoveryProxyPath } from "@/lib/azure/discovery-lists";
import { ok } from "@/lib/azure/params";
import { loopbackOnlyGet, loopbackProxyEnv } from "@/lib/dev/test-support/proxy-test-env";
import { recordingUpstreamForFile } from "@/lib/dev/test-support/recording-upstream";
import { createLogger } from "@/lib/telemetry/logger";
import { SOCKET_ADDRESS_HEADER } from "./client-address";
import { createDiscoveryHandler, createProxyHandler } from "./proxy-handler";

/** One JSON line per proxied request, with what an operator needs and nothing a client sent. */

const upstream = await recordingUpstreamForFile();

const MARKER_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJsb2dtYXJrZXIifQ.bG9nbWFya2VyLXNpZ25hdHVyZQ";
const COOKIE = "session=cookiemarker";
const ADDRESS = "198.51.100.77";
const OP = { subscriptionId: "sub-1", resourceGroupName: "rg-1", securityConnectorName: "conn-1", operationResultId: "op-1" };

function logged() {
  const lines: string[] = [];
  const logger = createLogger("info", { write: (line: string) => void lines.push(line) });
  const deps = { getEnv: () => ok(loopbackProxyEnv(upstream.url)), get: loopbackOnlyGet().get, logger };
  return { lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>), deps };
}

const headers = { Authorization: `Bearer ${MARKER_TOKEN}`, Cookie: COOKIE, [SOCKET_ADDRESS_HEADER]: ADDRESS };

describe("the proxy's log line", () => {
  it("holds the route, upstream host, statuses, times, Azure's request id, the client request id and Retry-After", async () => {
    upstream.respondWith({ status: 429, headers: { "x-ms-request-id": "azure-req-1", "retry-after": "17", "content-type": "application/json" }, body: "{}" });
    const { records, deps } = logged();
    const response = await createProxyHandler("devops", deps)(new Request("http://localhost/api/devops/sub-1/rg-1/conn-1/op-1", { headers }), {
      params: Promise.resolve(OP),
    });
    const [record, ...rest] = records();
    expect(rest).toEqual([]);
    expect(record).toMatchObject({
      level: 40,
      msg: "proxied request",
      route: "devops",
      upstreamHost: upstream.host,
      status: 429,
      upstreamStatus: 429,
      azureRequestId: "azure-req-1",
      clientRequestId: response.headers.get("x-ms-client-request-id"),
      retryAfter: "17",
    });
    expect(record?.client).toMatch(/^[\w-]{22}$/);
    expect(record?.time).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
    expect(record?.upstreamMs).toEqual(expect.any(Number));
    expect(record?.totalMs).toBeGreaterThanOrEqual(record?.upstreamMs as number);
    expect(record).not.toHaveProperty("refusal");
  });

  it("names the proxy's own refusal, which never reached an upstream", async () => {
    const { records, deps } = logged();
    await createDiscoveryHandler("projects", deps)(
      new Request(`http://localhost${discoveryProxyPath({ list: "projects", endpointHost: "evil.example.com" })}`, { headers }),
      { params: Promise.resolve({ endpointHost: "evil.example.com" }) },
    );
    expect(records()).toEqual([expect.objectContaining({ route: "discovery-projects", status: 400, refusal: "EndpointNotAllowed" })]);
    expect(records()[0]).not.toHaveProperty("upstreamStatus");
  });

  it("holds no token, cookie, query string or client address", async () => {
    upstream.respondWith({ status: 200, headers: { "content-type": "application/json" }, body: '{"value":[]}' });
    const { lines, deps } = logged();
    const nextLink = `${upstream.url}/projects?api-version=2025-02-01&$skipToken=querymarker`;
    const path = `${discoveryProxyPath({ list: "projects", endpointHost: upstream.host })}?nextLink=${encodeURIComponent(nextLink)}`;
    const response = await createDiscoveryHandler("projects", deps)(new Request(`http://localhost${path}`, { headers }), {
      params: Promise.resolve({ endpointHost: upstream.host }),
    });
    expect(response.status).toBe(200);
    expect(lines).toHaveLength(1);
    for (const secret of [MARKER_TOKEN, "cookiemarker", "querymarker", "skipToken", ADDRESS]) expect(lines[0]).not.toContain(secret);
  });

  it("is not written below the configured level", async () => {
    const lines: string[] = [];
    const logger = createLogger("warn", { write: (line: string) => void lines.push(line) });
    upstream.respondWith({ status: 200, headers: { "content-type": "application/json" }, body: "{}" });
    const deps = { getEnv: () => ok(loopbackProxyEnv(upstream.url)), get: loopbackOnlyGet().get, logger };
    await createProxyHandler("devops", deps)(new Request("http://localhost/api/devops/sub-1/rg-1/conn-1/op-1", { headers }), {
      params: Promise.resolve(OP),
    });
    expect(lines).toEqual([]);
  });
});
