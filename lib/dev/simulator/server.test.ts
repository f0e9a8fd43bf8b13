import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_VERSIONS } from "@/lib/azure/operation-ref";
import { SEED_DEVCENTER_BODY, SEED_DEVOPS_FAILED_BODY, SEED_DEVOPS_SUCCEEDED_BODY } from "./demo-scenarios";
import { createScenario, getOperation, startTestSimulator, type ErrorBody, type TestSimulator } from "@/lib/dev/test-support/test-simulator";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SEED_BASE =
  "/subscriptions/0806e1cd-cfda-4ff8-b99c-2b0af42cffd3/resourceGroups/myRg/providers/Microsoft.Security/securityConnectors/mySecurityConnectorName/devops/default/operationResults";

let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator({ seedDemo: true });
});
afterAll(async () => {
  await t.sim.close();
});

const devopsUrl = (path: string, query = `?api-version=${API_VERSIONS.devops}`) => `${t.sim.url}${path}${query}`;

function expectAzureIds(res: Response) {
  expect(res.headers.get("x-ms-request-id")).toMatch(UUID);
  expect(res.headers.get("x-ms-correlation-request-id")).toMatch(UUID);
}

describe("seed examples", () => {
  it("answers the documented devops Succeeded and Failed bodies verbatim", async () => {
    for (const [id, body] of [
      ["4e826cf1-5c36-4808-a7d2-fb4f5170978b", SEED_DEVOPS_SUCCEEDED_BODY],
      ["8d4caace-e7b3-4b3e-af99-73f76829ebcf", SEED_DEVOPS_FAILED_BODY],
    ] as const) {
      const res = await getOperation(devopsUrl(`${SEED_BASE}/${id}`));
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expectAzureIds(res);
      expect(await res.json()).toEqual(body);
    }
    expect(SEED_DEVOPS_FAILED_BODY.error.code).toBe("TokenExchangeFailed");
  });

  it("answers the documented DevCenter body dated when first read, not years ago, then Succeeded after 20 s", async () => {
    const url = `${t.sim.url}/projects/myProject/operationstatuses/fa067167-e49d-41bd-8dd8-de719b9de3b3?api-version=${API_VERSIONS.devcenter}`;
    const firstRead = new Date(t.clock.now).toISOString();
    const first = await getOperation(url);
    expect(first.status).toBe(200);
    expect(first.headers.get("retry-after")).toBe("5");
    expect(await first.json()).toEqual({ ...SEED_DEVCENTER_BODY, startTime: firstRead });
    t.advance(20_000);
    const later = await getOperation(url);
    expect(later.headers.get("retry-after")).toBeNull();
    expect(await later.json()).toEqual({
      ...SEED_DEVCENTER_BODY,
      status: "Succeeded",
      startTime: firstRead,
      endTime: new Date(Date.parse(firstRead) + 20_000).toISOString(),
    });
  });

  it("reports every demo scenario with a permalink, proxy path and label", () => {
    expect(t.sim.demo.length).toBeGreaterThanOrEqual(11);
    for (const demo of t.sim.demo) {
      expect(demo.permalink.startsWith(`/op/${demo.kind}/`)).toBe(true);
      expect(demo.proxyPath.startsWith(`/api/${demo.kind}/`)).toBe(true);
      expect(demo.label).toBeTruthy();
      expect(demo.clock).toBe("firstRequest");
      if (demo.ref.kind === "devcenter") expect(demo.ref.endpointHost).toBe(t.sim.endpointHost);
    }
  });

  it("matches fixed segments case-insensitively and tolerates a trailing slash", async () => {
    const lower = SEED_BASE.toLowerCase().replace("myrg", "MYRG");
    const res = await getOperation(devopsUrl(`${lower}/4E826CF1-5C36-4808-A7D2-FB4F5170978B/`));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(SEED_DEVOPS_SUCCEEDED_BODY);
  });
});

describe("Azure errors", () => {
  const seed = () => `${SEED_BASE}/4e826cf1-5c36-4808-a7d2-fb4f5170978b`;

  it("400 MissingApiVersionParameter without api-version", async () => {
    const res = await getOperation(devopsUrl(seed(), ""));
    expect(res.status).toBe(400);
    expectAzureIds(res);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe("MissingApiVersionParameter");
    expect(body.error.message).toContain("api-version");
    expect(res.headers.get("x-ms-error-code")).toBeNull();
  });

  it("400 InvalidApiVersionParameter naming the supported version", async () => {
    const res = await getOperation(devopsUrl(seed(), "?api-version=2023-01-01"));
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe("InvalidApiVersionParameter");
    expect(body.error.message).toBe("The api-version '2023-01-01' is invalid. The supported versions are '2024-04-01'.");
  });

  it("DevCenter api-version errors carry x-ms-error-code", async () => {
    const base = `${t.sim.url}/projects/myProject/operationstatuses/fa067167-e49d-41bd-8dd8-de719b9de3b3`;
    const missing = await getOperation(base);
    expect(missing.status).toBe(400);
    expect(missing.headers.get("x-ms-error-code")).toBe("MissingApiVersionParameter");
    const wrong = await getOperation(`${base}?api-version=2024-04-01`);
    const body = (await wrong.json()) as ErrorBody;
    expect(wrong.headers.get("x-ms-error-code")).toBe("InvalidApiVersionParameter");
    expect(body.error.message).toContain("'2025-02-01'");
  });

  it("404 ResourceNotFound for an unknown devops operation", async () => {
    const res = await getOperation(devopsUrl(`${SEED_BASE}/00000000-0000-0000-0000-000000000000`));
    expect(res.status).toBe(404);
    expectAzureIds(res);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe("ResourceNotFound");
    expect(body.error.message).toContain("00000000-0000-0000-0000-000000000000");
  });

  it("404 NotFound with x-ms-error-code for an unknown DevCenter operation", async () => {
    const res = await getOperation(`${t.sim.url}/projects/myProject/operationstatuses/00000000-0000-0000-0000-000000000000?api-version=2025-02-01`);
    expect(res.status).toBe(404);
    expect(res.headers.get("x-ms-error-code")).toBe("NotFound");
    expect(((await res.json()) as ErrorBody).error.code).toBe("NotFound");
  });

  it("405 for other methods on an operation path, with Allow", async () => {
    const res = await getOperation(devopsUrl(seed()), "test-token", { method: "DELETE" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET");
    expect(((await res.json()) as ErrorBody).error.code).toBe("MethodNotAllowed");
  });

  it("404 for unknown paths", async () => {
    for (const path of ["/", "/subscriptions/x", "/projects/p/operationstatuses", "/_sim/other"]) {
      const res = await fetch(`${t.sim.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as ErrorBody).error.code).toBe("NotFound");
    }
  });

  it("401 AuthenticationFailed with WWW-Authenticate without a bearer", async () => {
    for (const authorization of [undefined, "Basic abc", "Bearer ", "Bearer"]) {
      const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
      const res = await fetch(devopsUrl(seed()), { headers });
      expect(res.status, String(authorization)).toBe(401);
      expectAzureIds(res);
      expect(((await res.json()) as ErrorBody).error.code).toBe("AuthenticationFailed");
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer authorization_uri="[^"]+", error="invalid_token", error_description="[^"]+"$/);
    }
  });

  it("echoes a caller's correlation id", async () => {
    const correlation = "1b4e28ba-2fa1-41d2-883f-0016d3cca427";
    const res = await getOperation(devopsUrl(seed()), "test-token", { headers: { "x-ms-correlation-request-id": correlation } });
    expect(res.headers.get("x-ms-correlation-request-id")).toBe(correlation);
  });
});

describe("scenario steps", () => {
  it("answers the last step whose afterMs has passed since creation", async () => {
    const created = await createScenario(t.sim, {
      kind: "devops",
      steps: [
        { afterMs: 10_000, body: { status: "Succeeded" } },
        { afterMs: 0, body: { status: "InProgress", percentComplete: 0 } },
        { afterMs: 5_000, body: { status: "InProgress", percentComplete: 50 } },
      ],
    });
    const read = async () => (await (await getOperation(created.url)).json()) as { status: string; percentComplete?: number };
    expect(await read()).toEqual({ status: "InProgress", percentComplete: 0 });
    t.advance(4_999);
    expect((await read()).percentComplete).toBe(0);
    t.advance(1);
    expect((await read()).percentComplete).toBe(50);
    t.advance(5_000);
    expect((await read()).status).toBe("Succeeded");
  });

  it("answers the first step while none has passed", async () => {
    const created = await createScenario(t.sim, { kind: "devops", steps: [{ afterMs: 3_000, body: { status: "Accepted" } }] });
    expect(await (await getOperation(created.url)).json()).toEqual({ status: "Accepted" });
  });

  it("starts a firstRequest clock at the first answered GET, not at creation or on a refused one", async () => {
    const created = await createScenario(t.sim, {
      kind: "devcenter",
      clock: "firstRequest",
      steps: [
        { afterMs: 0, body: { status: "NotStarted", startTime: "{{start}}" } },
        { afterMs: 10_000, body: { status: "Succeeded", startTime: "{{start}}", endTime: "{{end}}", at: "{{now}}" } },
      ],
    });
    t.advance(60_000);
    expect((await getOperation(created.url, null)).status).toBe(401);
    t.advance(1_000);
    const openedAt = t.clock.now;
    const first = (await (await getOperation(created.url)).json()) as Record<string, string>;
    expect(first).toEqual({ status: "NotStarted", startTime: new Date(openedAt).toISOString() });
    t.advance(12_000);
    const last = (await (await getOperation(created.url)).json()) as Record<string, string>;
    expect(last).toEqual({
      status: "Succeeded",
      startTime: new Date(openedAt).toISOString(),
      endTime: new Date(openedAt + 10_000).toISOString(),
      at: new Date(openedAt + 12_000).toISOString(),
    });
  });

  it("merges step headers over the defaults: a step value wins, null removes", async () => {
    const running = { status: "Running" };
    const a = await createScenario(t.sim, { kind: "devops", steps: [{ afterMs: 0, body: running }] });
    expect((await getOperation(a.url)).headers.get("retry-after")).toBe("5");
    const b = await createScenario(t.sim, { kind: "devops", steps: [{ afterMs: 0, headers: { "Retry-After": "42", "X-Custom": "yes" }, body: running }] });
    const resB = await getOperation(b.url);
    expect(resB.headers.get("retry-after")).toBe("42");
    expect(resB.headers.get("x-custom")).toBe("yes");
    const c = await createScenario(t.sim, {
      kind: "devops",
      steps: [{ afterMs: 0, headers: { "retry-after": null, "x-ms-request-id": "fixed-id" }, body: running }],
    });
    const resC = await getOperation(c.url);
    expect(resC.headers.get("retry-after")).toBeNull();
    expect(resC.headers.get("x-ms-request-id")).toBe("fixed-id");
    const d = await createScenario(t.sim, { kind: "devops", steps: [{ afterMs: 0, body: { status: "canceled" } }] });
    expect((await getOperation(d.url)).headers.get("retry-after")).toBeNull();
  });

  it("sends a string body raw, with the step's Content-Type or text/plain, and no body when none is given", async () => {
    const raw = await createScenario(t.sim, { kind: "devops", steps: [{ afterMs: 0, status: 502, body: "<html>Bad gateway</html>" }] });
    const rawRes = await getOperation(raw.url);
    expect(rawRes.status).toBe(502);
    expect(rawRes.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await rawRes.text()).toBe("<html>Bad gateway</html>");
    const typed = await createScenario(t.sim, {
      kind: "devops",
      steps: [{ afterMs: 0, headers: { "Content-Type": "application/json" }, body: '{"status": "Succeeded", ' }],
    });
    const typedRes = await getOperation(typed.url);
    expect(typedRes.headers.get("content-type")).toBe("application/json");
    expect(await typedRes.text()).toBe('{"status": "Succeeded", ');
    const empty = await createScenario(t.sim, { kind: "devops", steps: [{ afterMs: 0, status: 202 }] });
    const emptyRes = await getOperation(empty.url);
    expect(emptyRes.status).toBe(202);
    expect(await emptyRes.text()).toBe("");
  });

  it("gives DevCenter step errors x-ms-error-code from the body, and throttles devops with a 429", async () => {
    const dc = await createScenario(t.sim, {
      kind: "devcenter",
      steps: [{ afterMs: 0, status: 503, headers: { "Retry-After": "3" }, body: { error: { code: "ServiceUnavailable", message: "later" } } }],
    });
    const dcRes = await getOperation(dc.url);
    expect(dcRes.status).toBe(503);
    expect(dcRes.headers.get("x-ms-error-code")).toBe("ServiceUnavailable");
    expect(dcRes.headers.get("retry-after")).toBe("3");
    const throttled = t.sim.demo.find((d) => d.label?.startsWith("Throttled"));
    if (!throttled) throw new Error("no throttled demo");
    const first = await getOperation(throttled.url);
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("5");
    expect(((await first.json()) as ErrorBody).error.code).toBe("SubscriptionRequestsThrottled");
    t.advance(30_000);
    expect(await (await getOperation(throttled.url)).json()).toMatchObject({ status: "Succeeded", percentComplete: 100 });
  });
});
