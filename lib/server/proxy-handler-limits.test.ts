import { describe, expect, it } from "vitest";
import { ok } from "@/lib/azure/params";
import type { ProxyLimits } from "@/lib/config/proxy-config";
import { expectAzureError } from "@/lib/dev/test-support/expect-azure-error";
import { loopbackOnlyGet, loopbackProxyEnv, JWT_SHAPED_TOKEN } from "@/lib/dev/test-support/proxy-test-env";
import { recordingUpstreamForFile } from "@/lib/dev/test-support/recording-upstream";
import { VALID_DEVOPS_PARAMS } from "@/lib/dev/test-support/proxy-hostile-inputs";
import { SOCKET_ADDRESS_HEADER } from "./client-address";
import { createProxyHandler } from "./proxy-handler";
import { createProxyLimiter, type ProxyLimiter } from "./proxy-limits";
import type { UpstreamGet, UpstreamResult } from "./upstream-fetch";

/** The proxy's limits as the handler applies them: per client address (429) and upstream calls in flight (503). */

const TOKEN = JWT_SHAPED_TOKEN;

const upstream = await recordingUpstreamForFile();

interface Setup {
  limits?: Partial<ProxyLimits>;
  trustedProxyHops?: number;
  timeoutMs?: number;
  get?: UpstreamGet;
  now?: () => number;
}

function setup({ limits = {}, trustedProxyHops = 0, timeoutMs = 5000, get, now = Date.now }: Setup = {}) {
  const transport = loopbackOnlyGet();
  const env = { ...loopbackProxyEnv(upstream.url, timeoutMs), trustedProxyHops };
  const limiter: ProxyLimiter = createProxyLimiter(
    { perClient: { capacity: 1000, refillPerSecond: 1000 }, maxInFlight: 256, ...limits },
    now,
  );
  const devops = createProxyHandler("devops", { getEnv: () => ok(env), get: get ?? transport.get, limiter });
  return { devops, limiter, calls: transport.calls };
}

const request = (headers: Record<string, string> = {}, signal?: AbortSignal) =>
  new Request("http://localhost:3000/api/devops/x", { headers: { Authorization: `Bearer ${TOKEN}`, ...headers }, signal });
const from = (address: string, extra: Record<string, string> = {}) => request({ [SOCKET_ADDRESS_HEADER]: address, ...extra });
const context = (overrides: Record<string, string> = {}) => ({ params: Promise.resolve({ ...VALID_DEVOPS_PARAMS, ...overrides }) });

describe("per-client bucket", () => {
  it("refuses an address past its burst with 429 ProxyRateLimited and Retry-After until its next token", async () => {
    let clock = 1_000_000;
    const { devops, calls } = setup({ limits: { perClient: { capacity: 2, refillPerSecond: 0.5 } }, now: () => clock });
    expect((await devops(from("198.51.100.1"), context())).status).toBe(200);
    expect((await devops(from("198.51.100.1"), context())).status).toBe(200);
    const refused = await devops(from("198.51.100.1"), context());
    expect(await expectAzureError(refused, 429, "ProxyRateLimited")).toContain("OPWATCH_PROXY_RATE_PER_CLIENT");
    expect(refused.headers.get("retry-after")).toBe("2");
    clock += 1500;
    expect((await devops(from("198.51.100.1"), context())).headers.get("retry-after")).toBe("1");
    clock += 500;
    expect((await devops(from("198.51.100.1"), context())).status).toBe(200);
    expect(calls).toHaveLength(3);
  });

  it("keeps one bucket per address", async () => {
    const { devops } = setup({ limits: { perClient: { capacity: 1, refillPerSecond: 0.001 } } });
    expect((await devops(from("198.51.100.1"), context())).status).toBe(200);
    expect((await devops(from("198.51.100.2"), context())).status).toBe(200);
    expect((await devops(from("198.51.100.1"), context())).status).toBe(429);
    expect((await devops(from("198.51.100.2"), context())).status).toBe(429);
  });

  it("counts refused requests too: a flood of bad requests is limited before it is parsed", async () => {
    const { devops, calls } = setup({ limits: { perClient: { capacity: 2, refillPerSecond: 0.001 } } });
    await expectAzureError(await devops(from("198.51.100.1"), context({ resourceGroupName: "bad name!" })), 400, "InvalidParameter");
    await expectAzureError(await devops(from("198.51.100.1", { Authorization: "Bearer x" }), context()), 401, "AuthenticationRequired");
    await expectAzureError(await devops(from("198.51.100.1"), context()), 429, "ProxyRateLimited");
    expect(calls).toHaveLength(0);
  });

  it("without a trusted proxy, X-Forwarded-For does not split one socket into many clients", async () => {
    const { devops } = setup({ limits: { perClient: { capacity: 1, refillPerSecond: 0.001 } } });
    expect((await devops(from("10.0.0.2", { "X-Forwarded-For": "203.0.113.1" }), context())).status).toBe(200);
    expect((await devops(from("10.0.0.2", { "X-Forwarded-For": "203.0.113.2" }), context())).status).toBe(429);
  });

  it("behind a trusted proxy, each address the proxy appended is a client of its own; what a client wrote first is not", async () => {
    const { devops } = setup({ trustedProxyHops: 1, limits: { perClient: { capacity: 1, refillPerSecond: 0.001 } } });
    expect((await devops(from("10.0.0.2", { "X-Forwarded-For": "203.0.113.1" }), context())).status).toBe(200);
    expect((await devops(from("10.0.0.2", { "X-Forwarded-For": "203.0.113.2" }), context())).status).toBe(200);
    expect((await devops(from("10.0.0.2", { "X-Forwarded-For": "6.6.6.6, 203.0.113.1" }), context())).status).toBe(429);
  });
});

/** A transport whose calls stay open until the test settles them. */
function heldTransport() {
  const pending: ((result: UpstreamResult) => void)[] = [];
  const get: UpstreamGet = () =>
    new Promise((resolve) => {
      pending.push(resolve);
    });
  return { get, pending };
}

const ANSWER: UpstreamResult = { kind: "response", status: 200, headers: { "content-type": "application/json" }, body: Buffer.from("{}") };

describe("upstream calls in flight", () => {
  it("answers 503 ProxyOverloaded with Retry-After while every slot is taken, and serves again once one frees", async () => {
    const held = heldTransport();
    const { devops, limiter } = setup({ limits: { maxInFlight: 2 }, get: held.get });
    const first = devops(from("198.51.100.1"), context());
    const second = devops(from("198.51.100.2"), context());
    while (held.pending.length < 2) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(limiter.inFlight.inFlight).toBe(2);

    const refused = await devops(from("198.51.100.3"), context());
    expect(await expectAzureError(refused, 503, "ProxyOverloaded")).toContain("OPWATCH_PROXY_MAX_IN_FLIGHT");
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(held.pending).toHaveLength(2);

    held.pending[0]?.(ANSWER);
    expect((await first).status).toBe(200);
    const third = devops(from("198.51.100.3"), context());
    while (held.pending.length < 3) await new Promise((resolve) => setTimeout(resolve, 1));
    held.pending[1]?.(ANSWER);
    held.pending[2]?.(ANSWER);
    expect((await second).status).toBe(200);
    expect((await third).status).toBe(200);
    expect(limiter.inFlight.inFlight).toBe(0);
  });

  it("frees the slot after a success", async () => {
    const { devops, limiter } = setup({ limits: { maxInFlight: 1 } });
    expect((await devops(request(), context())).status).toBe(200);
    expect((await devops(request(), context())).status).toBe(200);
    expect(limiter.inFlight.inFlight).toBe(0);
  });

  it("frees the slot after an upstream failure", async () => {
    const failing: UpstreamGet = () => Promise.resolve({ kind: "unavailable", reason: "the connection was refused" });
    const { devops, limiter } = setup({ limits: { maxInFlight: 1 }, get: failing });
    await expectAzureError(await devops(request(), context()), 502, "UpstreamUnavailable");
    await expectAzureError(await devops(request(), context()), 502, "UpstreamUnavailable");
    expect(limiter.inFlight.inFlight).toBe(0);
  });

  it("frees the slot when the transport throws", async () => {
    const throwing: UpstreamGet = () => Promise.reject(new Error("boom"));
    const { devops, limiter } = setup({ limits: { maxInFlight: 1 }, get: throwing });
    await expect(devops(request(), context())).rejects.toThrow("boom");
    expect(limiter.inFlight.inFlight).toBe(0);
  });

  it("frees the slot after a timeout", async () => {
    upstream.respondWith({ hang: true });
    const { devops, limiter } = setup({ limits: { maxInFlight: 1 }, timeoutMs: 150 });
    await expectAzureError(await devops(request(), context()), 504, "UpstreamTimeout");
    expect(limiter.inFlight.inFlight).toBe(0);
    upstream.reset();
    expect((await devops(request(), context())).status).toBe(200);
  });

  it("frees the slot when the client goes away", async () => {
    upstream.respondWith({ hang: true });
    const { devops, limiter } = setup({ limits: { maxInFlight: 1 }, timeoutMs: 60_000 });
    const controller = new AbortController();
    const pending = devops(request({}, controller.signal), context());
    while (upstream.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(limiter.inFlight.inFlight).toBe(1);
    controller.abort();
    await expectAzureError(await pending, 502, "UpstreamUnavailable");
    expect(limiter.inFlight.inFlight).toBe(0);
  });

  it("takes no slot for a request refused before the upstream call", async () => {
    const { devops, limiter } = setup({ limits: { maxInFlight: 1 } });
    await devops(request({ Authorization: "Bearer x" }), context());
    await devops(request(), context({ subscriptionId: "" }));
    expect(limiter.inFlight.inFlight).toBe(0);
  });
});
