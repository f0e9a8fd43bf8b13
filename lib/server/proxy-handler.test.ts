import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { ok } from "@/lib/azure/params";
import { readConfig } from "@/lib/config/read-config";
import { expectAzureError } from "@/lib/dev/test-support/expect-azure-error";
import { loopbackOnlyGet, loopbackProxyEnv, processEnv, JWT_SHAPED_TOKEN } from "@/lib/dev/test-support/proxy-test-env";
import { recordingUpstreamForFile } from "@/lib/dev/test-support/recording-upstream";
import { createProxyHandler } from "./proxy-handler";
import { VALID_DEVCENTER_IDS, VALID_DEVOPS_PARAMS } from "@/lib/dev/test-support/proxy-hostile-inputs";
import { MAX_UPSTREAM_BODY_BYTES } from "./proxy-response";
import { MAX_RATELIMIT_HEADERS } from "@/lib/azure/ratelimit-headers";

const TOKEN = JWT_SHAPED_TOKEN;
const DEVOPS_PATH =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-1/providers/Microsoft.Security/securityConnectors/connector-1/devops/default/operationResults/5c7d4e8f-1a2b-4c3d-9e8f-0a1b2c3d4e5f?api-version=2024-04-01";

const upstream = await recordingUpstreamForFile();

function handlers(timeoutMs = 5000) {
  const transport = loopbackOnlyGet();
  const env = loopbackProxyEnv(upstream.url, timeoutMs);
  return {
    devops: createProxyHandler("devops", { getEnv: () => ok(env), get: transport.get }),
    devcenter: createProxyHandler("devcenter", { getEnv: () => ok(env), get: transport.get }),
    calls: transport.calls,
  };
}

const request = (headers: Record<string, string> = { Authorization: `Bearer ${TOKEN}` }) =>
  new Request("http://localhost:3000/api/devops/x", { headers });
const devopsContext = (overrides: Record<string, string> = {}) => ({
  params: Promise.resolve({ ...VALID_DEVOPS_PARAMS, ...overrides }),
});

describe("pass-through", () => {
  it("sends one GET to the ARM URL and returns Azure's body bytes unchanged", async () => {
    // Odd spacing, a BOM-free UTF-8 multibyte character and a trailing newline must all survive.
    const body = Buffer.from('{ "status" :"InProgress",\n "name":"ümlaut ✓" }\n', "utf8");
    upstream.respondWith({ status: 200, headers: { "Content-Type": "application/json; charset=utf-8" }, body });
    const response = await handlers().devops(request(), devopsContext());
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(body)).toBe(true);
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0]).toMatchObject({ method: "GET", url: DEVOPS_PATH });
  });

  it.each([200, 404, 429, 500, 503])("passes status %i with its body", async (status) => {
    const body = JSON.stringify({ error: { code: `Code${status}`, message: "from upstream" } });
    upstream.respondWith({ status, headers: { "Content-Type": "application/json" }, body });
    const response = await handlers().devops(request(), devopsContext());
    expect(response.status).toBe(status);
    expect(await response.text()).toBe(body);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("passes the listed headers and drops every other upstream header", async () => {
    upstream.respondWith({
      status: 429,
      headers: {
        "Content-Type": "application/json",
        "Retry-After": "17",
        "x-ms-error-code": "TooManyRequests",
        "x-ms-request-id": "req-1",
        "x-ms-correlation-request-id": "corr-1",
        "Set-Cookie": ["session=stolen; Path=/", "other=1"],
        "Cache-Control": "public, max-age=600",
        Location: "https://evil.example/",
        "Access-Control-Allow-Origin": "*",
        Server: "upstream-banner",
        "X-Custom": "1",
      },
      body: "{}",
    });
    const response = await handlers().devops(request(), devopsContext());
    expect(Object.fromEntries(response.headers)).toEqual({
      "content-type": "application/json",
      "retry-after": "17",
      "x-ms-error-code": "TooManyRequests",
      "x-ms-request-id": "req-1",
      "x-ms-correlation-request-id": "corr-1",
      "x-ms-client-request-id": upstream.requests[0]?.headers["x-ms-client-request-id"],
      "cache-control": "no-store",
    });
  });

  it("passes ARM's x-ms-ratelimit-remaining-* counters, and no odd name, odd value or cookie", async () => {
    upstream.respondWith({
      status: 200,
      headers: {
        "Content-Type": "application/json",
        "x-ms-ratelimit-remaining-subscription-reads": "249",
        "X-MS-RateLimit-Remaining-Subscription-Global-Reads": "3749",
        "x-ms-ratelimit-remaining-tenant-reads": "0",
        "x-ms-ratelimit-remaining-subscription-writes": "007",
        "x-ms-ratelimit-remaining-subscription-resource-requests": "12345678901234567890",
        // Names outside the rule.
        "x-ms-ratelimit-remaining-": "1",
        "x-ms-ratelimit-remaining-reads2": "1",
        "x-ms-ratelimit-remaining-sub_reads": "1",
        "x-ms-ratelimit-remaining-set-cookie.x": "1",
        [`x-ms-ratelimit-remaining-${"a".repeat(65)}`]: "1",
        "x-ms-ratelimit-used-subscription-reads": "1",
        // Values outside the rule.
        "x-ms-ratelimit-remaining-negative-reads": "-1",
        "x-ms-ratelimit-remaining-fraction-reads": "1.5",
        "x-ms-ratelimit-remaining-long-reads": "123456789012345678901",
        "x-ms-ratelimit-remaining-text-reads": "many",
        "x-ms-ratelimit-remaining-empty-reads": "",
        "x-ms-ratelimit-remaining-repeated-reads": ["1", "2"],
        "Set-Cookie": ["session=stolen; Path=/"],
      },
      body: "{}",
    });
    const response = await handlers().devops(request(), devopsContext());
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toEqual({
      "content-type": "application/json",
      "cache-control": "no-store",
      "x-ms-ratelimit-remaining-subscription-reads": "249",
      "x-ms-ratelimit-remaining-subscription-global-reads": "3749",
      "x-ms-ratelimit-remaining-tenant-reads": "0",
      "x-ms-ratelimit-remaining-subscription-writes": "007",
      "x-ms-ratelimit-remaining-subscription-resource-requests": "12345678901234567890",
      "x-ms-client-request-id": upstream.requests[0]?.headers["x-ms-client-request-id"],
    });
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it("passes at most MAX_RATELIMIT_HEADERS of them, also on a 429", async () => {
    const many = Object.fromEntries(
      Array.from({ length: MAX_RATELIMIT_HEADERS + 4 }, (_, i) => [`x-ms-ratelimit-remaining-bucket-${String.fromCharCode(97 + i)}-reads`, String(i)]),
    );
    upstream.respondWith({ status: 429, headers: { "Retry-After": "5", ...many }, body: "{}" });
    const response = await handlers().devops(request(), devopsContext());
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("5");
    const passed = [...response.headers.keys()].filter((name) => name.startsWith("x-ms-ratelimit-remaining-"));
    expect(passed).toHaveLength(MAX_RATELIMIT_HEADERS);
  });

  it("forwards only the bearer token, a fresh client request id and Accept", async () => {
    const { devops } = handlers();
    const clientHeaders = {
      Authorization: `Bearer ${TOKEN}`,
      Cookie: "msal.session=secret",
      "X-Forwarded-For": "203.0.113.7",
      "X-Custom": "1",
      "User-Agent": "browser",
      "x-ms-client-request-id": "chosen-by-client",
      Origin: "http://localhost:3000",
    };
    const answers = [await devops(request(clientHeaders), devopsContext()), await devops(request(clientHeaders), devopsContext())];
    const [first, second] = upstream.requests;
    // The browser gets back the id the proxy chose, never the one it sent.
    expect(answers.map((answer) => answer.headers.get("x-ms-client-request-id"))).toEqual([
      first?.headers["x-ms-client-request-id"],
      second?.headers["x-ms-client-request-id"],
    ]);
    expect(first?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(first?.headers.accept).toBe("application/json");
    for (const recorded of [first, second]) {
      expect(Object.keys(recorded?.headers ?? {}).sort()).toEqual(
        ["accept", "accept-encoding", "authorization", "connection", "host", "user-agent", "x-ms-client-request-id"].sort(),
      );
      expect(recorded?.headers["user-agent"]).toBe("opwatch-proxy");
      expect(recorded?.headers["x-ms-client-request-id"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
    expect(first?.headers["x-ms-client-request-id"]).not.toBe(second?.headers["x-ms-client-request-id"]);
  });

  it("accepts the bearer scheme in any case and forwards it normalised", async () => {
    await handlers().devops(request({ Authorization: `bearer ${TOKEN}` }), devopsContext());
    expect(upstream.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("calls an allowed DevCenter origin at the DevCenter path", async () => {
    const { devcenter, calls } = handlers();
    const response = await devcenter(request(), {
      params: Promise.resolve({ endpointHost: upstream.host, ...VALID_DEVCENTER_IDS }),
    });
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(1);
    expect(upstream.requests[0]?.url).toBe(
      "/projects/project-1/operationstatuses/a1b2c3d4-e5f6-7890-abcd-ef1234567890?api-version=2025-02-01",
    );
  });

  it("passes DevCenter's X-Rate-Limit-* headers on the status route, also on a 429, and no odd value", async () => {
    const { devcenter } = handlers();
    const context = () => ({ params: Promise.resolve({ endpointHost: upstream.host, ...VALID_DEVCENTER_IDS }) });
    upstream.respondWith({
      status: 200,
      headers: {
        "Content-Type": "application/json",
        "X-Rate-Limit-Limit": "1m",
        "X-Rate-Limit-Remaining": "998",
        "X-Rate-Limit-Reset": "2025-06-01T10:01:00.0000000Z",
      },
      body: "{}",
    });
    const passed = await devcenter(request(), context());
    expect(passed.headers.get("x-rate-limit-limit")).toBe("1m");
    expect(passed.headers.get("x-rate-limit-remaining")).toBe("998");
    expect(passed.headers.get("x-rate-limit-reset")).toBe("2025-06-01T10:01:00.0000000Z");

    upstream.respondWith({
      status: 429,
      headers: { "Retry-After": "30", "X-Rate-Limit-Limit": "a minute", "X-Rate-Limit-Remaining": ["0", "1"], "X-Rate-Limit-Reset": "later" },
      body: "{}",
    });
    const throttled = await devcenter(request(), context());
    expect(throttled.status).toBe(429);
    expect([...throttled.headers.keys()].filter((name) => name.startsWith("x-rate-limit"))).toEqual([]);
  });

  it("drops Content-Encoding and refuses a body compressed although identity was asked", async () => {
    upstream.respondWith({ status: 200, headers: { "Content-Type": "application/json", "Content-Encoding": "identity" }, body: "{}" });
    const plain = await handlers().devops(request(), devopsContext());
    expect(plain.status).toBe(200);
    expect(plain.headers.has("content-encoding")).toBe(false);
    expect(upstream.requests[0]?.headers["accept-encoding"]).toBe("identity");

    upstream.respondWith({ status: 200, headers: { "Content-Type": "application/json", "Content-Encoding": "gzip" }, body: "\x1f\x8b" });
    const compressed = await handlers().devops(request(), devopsContext());
    expect(compressed.headers.has("content-encoding")).toBe(false);
    expect(await expectAzureError(compressed, 502, "UpstreamUnavailable")).toContain("compressed");
  });

  it("answers 204 without a body", async () => {
    upstream.respondWith({ status: 204 });
    const response = await handlers().devops(request(), devopsContext());
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
  });
});

describe("proxy errors", () => {
  it("InvalidParameter names the parameter and its rule, without calling upstream", async () => {
    const { devops, calls } = handlers();
    const response = await devops(request(), devopsContext({ resourceGroupName: "bad name!" }));
    const message = await expectAzureError(response, 400, "InvalidParameter");
    expect(message).toContain("resourceGroupName");
    expect(message).toContain("1-90 characters");
    expect(calls).toHaveLength(0);
    expect(upstream.requests).toHaveLength(0);
  });

  it("InvalidParameter for a parameter Next did not provide", async () => {
    const response = await handlers().devops(request(), { params: Promise.resolve({}) });
    expect(await expectAzureError(response, 400, "InvalidParameter")).toContain("subscriptionId");
  });

  it("EndpointNotAllowed for a DevCenter host off the list, without calling upstream", async () => {
    const { devcenter, calls } = handlers();
    const response = await devcenter(request(), {
      params: Promise.resolve({ endpointHost: "contoso.westus.example.com", ...VALID_DEVCENTER_IDS }),
    });
    expect(await expectAzureError(response, 400, "EndpointNotAllowed")).toContain("contoso.westus.example.com");
    expect(calls).toHaveLength(0);
  });

  it.each([
    ["no Authorization header", {}],
    ["a Basic credential", { Authorization: "Basic dXNlcjpwYXNz" }],
    ["an empty bearer", { Authorization: "Bearer " }],
    ["a bearer with spaces inside", { Authorization: "Bearer abc def" }],
    ["only a cookie", { Cookie: "msal.token=eyJ" }],
    ["an over-long bearer", { Authorization: `Bearer ${"a".repeat(20_000)}` }],
    ["a bearer that is not a JWT", { Authorization: "Bearer dXNlcjpwYXNz" }],
    ["a JWT-like bearer whose header is not JSON", { Authorization: "Bearer dXNlcjpwYXNz.eyJzdWIiOiJ0ZXN0In0.c2ln" }],
  ])("AuthenticationRequired with %s, without calling upstream", async (_name, headers) => {
    const { devops, calls } = handlers();
    const response = await devops(request(headers), devopsContext());
    const message = await expectAzureError(response, 401, "AuthenticationRequired");
    expect(response.headers.get("www-authenticate")).toBe("Bearer");
    expect(message).not.toContain("dXNlcjpwYXNz");
    expect(calls).toHaveLength(0);
    expect(upstream.requests).toHaveLength(0);
  });

  it("UpstreamTimeout when the upstream never answers within PROXY_TIMEOUT_MS", async () => {
    upstream.respondWith({ hang: true });
    const started = Date.now();
    const response = await handlers(150).devops(request(), devopsContext());
    expect(await expectAzureError(response, 504, "UpstreamTimeout")).toContain("150 ms");
    expect(Date.now() - started).toBeLessThan(4000);
    expect(upstream.requests).toHaveLength(1);
  });

  it("drops the upstream call when the client goes away instead of waiting for the timeout", async () => {
    upstream.respondWith({ hang: true });
    const controller = new AbortController();
    const started = Date.now();
    const pending = handlers(60_000).devops(
      new Request("http://localhost:3000/api/x", { headers: { Authorization: `Bearer ${TOKEN}` }, signal: controller.signal }),
      devopsContext(),
    );
    while (upstream.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await expectAzureError(await pending, 502, "UpstreamUnavailable");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("UpstreamUnavailable when nothing listens", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const env = loopbackProxyEnv(`http://127.0.0.1:${port}`);
    const devops = createProxyHandler("devops", { getEnv: () => ok(env), get: loopbackOnlyGet().get });
    const message = await expectAzureError(await devops(request(), devopsContext()), 502, "UpstreamUnavailable");
    expect(message).toContain("refused");
  });

  it("UpstreamUnavailable when the connection drops mid-body", async () => {
    upstream.respondWith({ truncate: true, status: 200 });
    const response = await handlers().devops(request(), devopsContext());
    await expectAzureError(response, 502, "UpstreamUnavailable");
  });

  it.each([301, 302, 307, 308])("UpstreamUnavailable for a %i redirect, which is never followed", async (status) => {
    upstream.respondWith({ status, headers: { Location: `${upstream.url}/elsewhere` }, body: "" });
    const response = await handlers().devops(request(), devopsContext());
    expect(response.headers.get("location")).toBeNull();
    expect(await expectAzureError(response, 502, "UpstreamUnavailable")).toContain("redirect");
    expect(upstream.requests).toHaveLength(1);
  });

  it("holds at most 1 MiB per upstream body", () => {
    expect(MAX_UPSTREAM_BODY_BYTES).toBe(1024 * 1024);
  });

  it("UpstreamResponseTooLarge when Content-Length is over the limit", async () => {
    upstream.respondWith({ status: 200, body: Buffer.alloc(MAX_UPSTREAM_BODY_BYTES + 1, 32) });
    await expectAzureError(await handlers().devops(request(), devopsContext()), 502, "UpstreamResponseTooLarge");
  });

  it("UpstreamResponseTooLarge when a chunked body grows over the limit", async () => {
    const piece = Buffer.alloc(MAX_UPSTREAM_BODY_BYTES / 4, 32);
    upstream.respondWith({ status: 200, chunks: [piece, piece, piece, piece, Buffer.from("x")] });
    await expectAzureError(await handlers().devops(request(), devopsContext()), 502, "UpstreamResponseTooLarge");
  });

  it("passes a body of exactly the limit", async () => {
    const piece = Buffer.alloc(MAX_UPSTREAM_BODY_BYTES / 4, 32);
    upstream.respondWith({ status: 200, chunks: [piece, piece, piece, piece] });
    const response = await handlers().devops(request(), devopsContext());
    expect(response.status).toBe(200);
    expect((await response.arrayBuffer()).byteLength).toBe(MAX_UPSTREAM_BODY_BYTES);
  });

  it.each([
    [{ AZURE_ARM_ENDPOINT: "ftp://management.azure.com" }, "AZURE_ARM_ENDPOINT"],
    [{ PROXY_TIMEOUT_MS: "soon" }, "PROXY_TIMEOUT_MS"],
    [{ DEVCENTER_ALLOWED_HOSTS: "http://0x7f.1:4010" }, "DEVCENTER_ALLOWED_HOSTS"],
    [{ AZURE_ARM_ENDPOINT: "http://management.azure.com" }, "AZURE_ARM_ENDPOINT"],
    [{ OPWATCH_PROXY_MAX_IN_FLIGHT: "0" }, "OPWATCH_PROXY_MAX_IN_FLIGHT"],
  ])("ProxyMisconfigured names the bad variable, not its value (%o)", async (vars, variable) => {
    const { calls, get } = loopbackOnlyGet();
    const devops = createProxyHandler("devops", { getEnv: () => readConfig(processEnv(vars)).proxy, get });
    const message = await expectAzureError(await devops(request(), devopsContext()), 500, "ProxyMisconfigured");
    expect(message).toContain(variable);
    expect(message).not.toContain(Object.values(vars)[0]);
    expect(calls).toHaveLength(0);
  });
});
