import { afterAll, describe, expect, it } from "vitest";
import { ok } from "@/lib/azure/params";
import { startSimulator } from "@/lib/dev/simulator/server";
import { expectAzureError } from "@/lib/dev/test-support/expect-azure-error";
import { loopbackOnlyGet, loopbackProxyEnv, JWT_SHAPED_TOKEN } from "@/lib/dev/test-support/proxy-test-env";
import { createProxyHandler } from "./proxy-handler";
import { VALID_DEVCENTER_IDS } from "@/lib/dev/test-support/proxy-hostile-inputs";

/** The proxy against the running Azure simulator: what Azure sends is what the client gets. */

const simulator = await startSimulator({ port: 0 });
afterAll(async () => {
  await simulator.close();
});

const transport = loopbackOnlyGet();
const env = loopbackProxyEnv(simulator.url);
const handlers = {
  devops: createProxyHandler("devops", { getEnv: () => ok(env), get: transport.get }),
  devcenter: createProxyHandler("devcenter", { getEnv: () => ok(env), get: transport.get }),
};

interface Created {
  id: string;
  kind: "devops" | "devcenter";
  ref: Record<string, string>;
  url: string;
}

async function createScenario(scenario: object): Promise<Created> {
  const response = await fetch(`${simulator.url}/_sim/operations`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(scenario),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Created;
}

async function requestLog(id: string): Promise<{ headers: Record<string, string>; token: { present: boolean } }[]> {
  const response = await fetch(`${simulator.url}/_sim/operations/${id}/requests`);
  return ((await response.json()) as { requests: { headers: Record<string, string>; token: { present: boolean } }[] }).requests;
}

// JWT-shaped ({"alg":"RS256"}), as the proxy requires; this simulator runs without keys, so it does not verify it.
const BEARER = `Bearer ${JWT_SHAPED_TOKEN}`;

const clientRequest = (headers: Record<string, string> = { Authorization: BEARER }) =>
  new Request("http://localhost:3000/api/x", { headers: { Cookie: "session=1", "X-Forwarded-For": "203.0.113.7", ...headers } });

const proxyGet = (created: Created, request = clientRequest()) =>
  handlers[created.kind](request, { params: Promise.resolve({ ...created.ref }) });

const directGet = (created: Created) => fetch(created.url, { headers: { Authorization: BEARER } });

describe("proxy against the simulator", () => {
  it("passes a running devops operation's body, status and Retry-After as the simulator sends them", async () => {
    const created = await createScenario({
      kind: "devops",
      steps: [{ afterMs: 0, status: 200, body: { status: "InProgress", percentComplete: 40 } }],
    });
    const [viaProxy, direct] = await Promise.all([proxyGet(created), directGet(created)]);
    expect(viaProxy.status).toBe(200);
    expect(await viaProxy.text()).toBe(await direct.text());
    expect(viaProxy.headers.get("retry-after")).toBe(direct.headers.get("retry-after"));
    expect(viaProxy.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(viaProxy.headers.get("x-ms-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(viaProxy.headers.get("cache-control")).toBe("no-store");
  });

  it("passes a throttled 429 with its Retry-After", async () => {
    const created = await createScenario({
      kind: "devops",
      steps: [{ afterMs: 0, status: 429, headers: { "Retry-After": "30" }, body: { error: { code: "TooManyRequests", message: "slow down" } } }],
    });
    const response = await proxyGet(created);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("30");
    expect(await response.json()).toEqual({ error: { code: "TooManyRequests", message: "slow down" } });
  });

  it("passes a DevCenter failure with x-ms-error-code", async () => {
    const created = await createScenario({
      kind: "devcenter",
      steps: [{ afterMs: 0, status: 500, body: { error: { code: "InternalError", message: "broken" } } }],
    });
    const response = await proxyGet(created);
    expect(response.status).toBe(500);
    expect(response.headers.get("x-ms-error-code")).toBe("InternalError");
    expect(await response.json()).toEqual({ error: { code: "InternalError", message: "broken" } });
  });

  it("passes the ratelimit-remaining headers a step sends, but not a cookie", async () => {
    const created = await createScenario({
      kind: "devcenter",
      steps: [
        {
          afterMs: 0,
          status: 200,
          headers: {
            "x-ms-ratelimit-remaining-subscription-reads": "11999",
            "x-ms-ratelimit-remaining-tenant-reads": "41",
            "x-ms-ratelimit-remaining-odd-reads": "lots",
            "Set-Cookie": "session=1",
          },
          body: { status: "Running" },
        },
      ],
    });
    const response = await proxyGet(created);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-ms-ratelimit-remaining-subscription-reads")).toBe("11999");
    expect(response.headers.get("x-ms-ratelimit-remaining-tenant-reads")).toBe("41");
    expect(response.headers.has("x-ms-ratelimit-remaining-odd-reads")).toBe(false);
    expect(response.headers.has("set-cookie")).toBe(false);
  });

  it("passes the simulator's own 404 for an unknown DevCenter operation", async () => {
    const response = await handlers.devcenter(clientRequest(), {
      params: Promise.resolve({ endpointHost: simulator.endpointHost, ...VALID_DEVCENTER_IDS }),
    });
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error?: { code?: unknown } };
    expect(typeof body.error?.code).toBe("string");
    expect(response.headers.get("x-ms-error-code")).toBe(body.error?.code);
  });

  it("the simulator sees the bearer token and a client request id, and no client cookie or forwarding header", async () => {
    const created = await createScenario({ kind: "devops", steps: [{ afterMs: 0, status: 200, body: { status: "Succeeded" } }] });
    await proxyGet(created);
    const [entry] = await requestLog(created.id);
    expect(entry?.token.present).toBe(true);
    expect(entry?.headers.authorization).toBe("Bearer <redacted>");
    expect(entry?.headers["x-ms-client-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(entry?.headers).not.toHaveProperty("cookie");
    expect(entry?.headers).not.toHaveProperty("x-forwarded-for");
  });

  it("without a bearer token the proxy answers 401 and the simulator gets nothing", async () => {
    const created = await createScenario({ kind: "devops", steps: [{ afterMs: 0, status: 200, body: { status: "Succeeded" } }] });
    const response = await proxyGet(created, clientRequest({}));
    await expectAzureError(response, 401, "AuthenticationRequired");
    expect(await requestLog(created.id)).toEqual([]);
  });
});
