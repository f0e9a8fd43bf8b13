import { describe, expect, it } from "vitest";
import { ok } from "@/lib/azure/params";
import { expectAzureError } from "@/lib/dev/test-support/expect-azure-error";
import { loopbackOnlyGet, loopbackProxyEnv, JWT_SHAPED_TOKEN } from "@/lib/dev/test-support/proxy-test-env";
import { recordingUpstreamForFile } from "@/lib/dev/test-support/recording-upstream";
import { SOCKET_ADDRESS_HEADER } from "./client-address";
import { createDiscoveryHandler, createProxyHandler } from "./proxy-handler";
import { createProxyLimiter } from "./proxy-limits";
import {
  VALID_DEVCENTER_IDS,
  VALID_DEVOPS_PARAMS,
  discoveryHostileInputs,
  hostileInputs,
} from "@/lib/dev/test-support/proxy-hostile-inputs";
import type { DiscoveryList } from "@/lib/azure/discovery-lists";

// Started at load time: the allowed loopback origin must be known to build the table of cases.
const upstream = await recordingUpstreamForFile();
const inputs = hostileInputs(upstream.host);

// JWT-shaped ({"alg":"RS256"}), as the proxy requires; the recording upstream does not verify it.
const TOKEN = JWT_SHAPED_TOKEN;

function handlerFor(kind: "devops" | "devcenter", limiter = createProxyLimiter(loopbackProxyEnv(upstream.url).limits)) {
  const transport = loopbackOnlyGet();
  const env = loopbackProxyEnv(upstream.url);
  return { handler: createProxyHandler(kind, { getEnv: () => ok(env), get: transport.get, limiter }), calls: transport.calls };
}

const withToken = (headers: Record<string, string> = {}) =>
  new Request("http://localhost:3000/api/x", { headers: { Authorization: `Bearer ${TOKEN}`, Cookie: "a=b", ...headers } });
const devopsContext = () => ({ params: Promise.resolve({ ...VALID_DEVOPS_PARAMS }) });

describe("hostile path parameters", () => {
  it("the list has at least 30 cases", () => {
    expect(inputs.length).toBeGreaterThanOrEqual(30);
  });

  it("a valid request on the same setup does reach the upstream, so the zero-request checks can fail", async () => {
    const { handler, calls } = handlerFor("devcenter");
    const response = await handler(withToken(), {
      params: Promise.resolve({ endpointHost: upstream.host, ...VALID_DEVCENTER_IDS }),
    });
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(1);
    expect(upstream.requests).toHaveLength(1);
  });

  it.each(inputs.map((input) => [input.name, input] as const))(
    "%s: 400 in Azure's shape, nothing sent upstream",
    async (_name, input) => {
      const { handler, calls } = handlerFor(input.kind);
      const response = await handler(withToken(), { params: Promise.resolve(input.params) });
      await expectAzureError(response, 400, input.code);
      expect(calls).toHaveLength(0);
      expect(upstream.requests).toHaveLength(0);
    },
  );
});

const discoveryInputs = discoveryHostileInputs(upstream.host);

function discoveryHandlerFor(list: DiscoveryList) {
  const transport = loopbackOnlyGet();
  const env = loopbackProxyEnv(upstream.url);
  const limiter = createProxyLimiter(env.limits);
  return { handler: createDiscoveryHandler(list, { getEnv: () => ok(env), get: transport.get, limiter }), calls: transport.calls };
}

describe("hostile discovery requests", () => {
  it("the list has hosts, names and nextLinks", () => {
    expect(discoveryInputs.length).toBeGreaterThanOrEqual(60);
    expect(new Set(discoveryInputs.map((input) => input.list))).toEqual(new Set(["projects", "devboxes", "operations"]));
  });

  it("a next page on the same setup does reach the upstream, so the zero-request checks can fail", async () => {
    const { handler, calls } = discoveryHandlerFor("operations");
    const nextLink = `${upstream.url}/projects/project-1/users/me/devboxes/box-1/operations?$skipToken=1`;
    const response = await handler(
      new Request(`http://localhost:3000/api/discovery/x?nextLink=${encodeURIComponent(nextLink)}`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      }),
      { params: Promise.resolve({ endpointHost: upstream.host, projectName: "project-1", devBoxName: "box-1" }) },
    );
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(1);
    expect(upstream.requests).toHaveLength(1);
  });

  it.each(discoveryInputs.map((input) => [input.name, input] as const))(
    "%s: 400 in Azure's shape, nothing sent upstream",
    async (_name, input) => {
      const { handler, calls } = discoveryHandlerFor(input.list);
      const response = await handler(
        new Request(`http://localhost:3000/api/discovery/x${input.query}`, { headers: { Authorization: `Bearer ${TOKEN}`, Cookie: "a=b" } }),
        { params: Promise.resolve(input.params) },
      );
      await expectAzureError(response, 400, input.code);
      expect(calls).toHaveLength(0);
      expect(upstream.requests).toHaveLength(0);
    },
  );
});

const b64 = (text: string) => Buffer.from(text).toString("base64url");

describe("hostile bearers", () => {
  it.each([
    ["a bare word", "x"],
    ["two segments", `${b64('{"alg":"RS256"}')}.${b64("{}")}`],
    ["four segments", `${b64('{"alg":"RS256"}')}.e30.c2ln.c2ln`],
    ["an empty segment", `${b64('{"alg":"RS256"}')}..c2ln`],
    ["padding", `${b64('{"alg":"RS256"}')}=.e30.c2ln`],
    ["standard base64 characters", `${b64('{"alg":"RS256"}')}.e30+.c2ln/`],
    ["a header that is not JSON", `${b64("not json")}.e30.c2ln`],
    ["a header that is a JSON array", `${b64('["alg"]')}.e30.c2ln`],
    ["a header without alg", `${b64('{"typ":"JWT"}')}.e30.c2ln`],
    ["a numeric alg", `${b64('{"alg":256}')}.e30.c2ln`],
    ["the old test token eyJ.eyJ.sig", "eyJ.eyJ.sig"],
  ])("%s: 401 before any upstream call", async (_name, token) => {
    const { handler, calls } = handlerFor("devops");
    const response = await handler(withToken({ Authorization: `Bearer ${token}` }), devopsContext());
    const message = await expectAzureError(response, 401, "AuthenticationRequired");
    if (token.length > 3) expect(message).not.toContain(token);
    expect(calls).toHaveLength(0);
    expect(upstream.requests).toHaveLength(0);
  });
});

describe("hostile volume", () => {
  it("a flood from one address gets 429 ProxyRateLimited past its burst, and the upstream sees only the burst", async () => {
    const env = loopbackProxyEnv(upstream.url);
    const limiter = createProxyLimiter({ perClient: { capacity: 5, refillPerSecond: 0.001 }, maxInFlight: 256 });
    const { handler, calls } = handlerFor("devops", limiter);
    expect(env.trustedProxyHops).toBe(0);
    const from = { [SOCKET_ADDRESS_HEADER]: "198.51.100.9", "X-Forwarded-For": "203.0.113.1" };
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      // A fresh X-Forwarded-For each time: without OPWATCH_TRUSTED_PROXY_HOPS it must not buy a fresh bucket.
      const response = await handler(withToken({ ...from, "X-Forwarded-For": `203.0.113.${i}` }), devopsContext());
      statuses.push(response.status);
      if (response.status === 429) {
        await expectAzureError(response, 429, "ProxyRateLimited");
        expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      }
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    expect(calls).toHaveLength(5);
    expect(upstream.requests).toHaveLength(5);
  });

  it("with every upstream slot taken, 503 ProxyOverloaded before any upstream call", async () => {
    const limiter = createProxyLimiter({ perClient: { capacity: 100, refillPerSecond: 100 }, maxInFlight: 2 });
    const { handler, calls } = handlerFor("devops", limiter);
    const held = [limiter.inFlight.tryEnter(), limiter.inFlight.tryEnter()];
    const response = await handler(withToken(), devopsContext());
    await expectAzureError(response, 503, "ProxyOverloaded");
    expect(response.headers.get("retry-after")).toBe("1");
    expect(calls).toHaveLength(0);
    for (const release of held) release?.();
    expect((await handler(withToken(), devopsContext())).status).toBe(200);
  });
});
