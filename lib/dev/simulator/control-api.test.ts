import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestLogEntry } from "./request-log";
import type { CreatedScenario } from "./scenario-store";
import { createScenario, getOperation, startTestSimulator, type ErrorBody, type TestSimulator } from "@/lib/dev/test-support/test-simulator";

let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator();
});
afterAll(async () => {
  await t.sim.close();
});

const post = (body: string) => fetch(`${t.sim.url}/_sim/operations`, { method: "POST", body, headers: { "content-type": "application/json" } });
const step = { afterMs: 0, body: { status: "Running" } };
const JSON_TYPE = { "content-type": "application/json" };

describe("POST /_sim/operations", () => {
  it("creates a devops scenario with default ids and answers 201 CreatedScenario", async () => {
    const res = await post(JSON.stringify({ kind: "devops", label: "mine", steps: [step] }));
    expect(res.status).toBe(201);
    const created = (await res.json()) as CreatedScenario;
    if (created.ref.kind !== "devops") throw new Error("wrong kind");
    expect(created.ref.resourceGroupName).toBe("opwatch-demo");
    expect(created.ref.securityConnectorName).toBe("demo-connector");
    expect(created.ref.subscriptionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.permalink).toBe(
      `/op/devops/${created.ref.subscriptionId}/opwatch-demo/demo-connector/${created.ref.operationResultId}`,
    );
    expect(created.proxyPath).toBe(created.permalink.replace(/^\/op/, "/api"));
    expect(created).toMatchObject({ kind: "devops", label: "mine", clock: "created" });
    expect(created.url).toBe(
      `${t.sim.url}/subscriptions/${created.ref.subscriptionId}/resourceGroups/opwatch-demo/providers/Microsoft.Security/securityConnectors/demo-connector/devops/default/operationResults/${created.ref.operationResultId}?api-version=2024-04-01`,
    );
  });

  it("creates a DevCenter scenario on the simulator's own host, with given ids", async () => {
    const created = await createScenario(t.sim, {
      kind: "devcenter",
      ids: { projectName: "Proj-1", operationId: "11111111-2222-3333-4444-555555555555" },
      steps: [step],
    });
    expect(created.ref).toEqual({
      kind: "devcenter",
      endpointHost: t.sim.endpointHost,
      projectName: "Proj-1",
      operationId: "11111111-2222-3333-4444-555555555555",
    });
    expect((await getOperation(created.url)).status).toBe(200);
  });

  it("replaces a scenario with the same ids (case-insensitively)", async () => {
    const ids = { subscriptionId: "aaaaaaaa-0000-0000-0000-000000000001", operationResultId: "op-1" };
    const first = await createScenario(t.sim, { kind: "devops", ids, steps: [{ afterMs: 0, body: { status: "First" } }] });
    const second = await createScenario(t.sim, {
      kind: "devops",
      ids: { ...ids, operationResultId: "OP-1" },
      steps: [{ afterMs: 0, body: { status: "Second" } }],
    });
    expect(await (await getOperation(first.url)).json()).toEqual({ status: "Second" });
    expect((await fetch(`${t.sim.url}/_sim/operations/${first.id}`)).status).toBe(404);
    expect((await fetch(`${t.sim.url}/_sim/operations/${second.id}`)).status).toBe(200);
  });

  const bad: [string, unknown, RegExp][] = [
    ["no kind", { steps: [step] }, /kind must be "devops" or "devcenter"/],
    ["unknown kind", { kind: "arm", steps: [step] }, /kind must be "devops" or "devcenter"/],
    ["no steps", { kind: "devops" }, /steps/],
    ["empty steps", { kind: "devops", steps: [] }, /steps must hold at least one step/],
    ["negative afterMs", { kind: "devops", steps: [{ afterMs: -1 }] }, /steps\[0\]\.afterMs: afterMs must be 0 or more/],
    ["fractional afterMs", { kind: "devops", steps: [step, { afterMs: 1.5 }] }, /steps\[1\]\.afterMs: afterMs must be a whole number/],
    ["missing afterMs", { kind: "devops", steps: [{ status: 200 }] }, /steps\[0\]\.afterMs/],
    ["status too low", { kind: "devops", steps: [{ afterMs: 0, status: 99 }] }, /steps\[0\]\.status: status must be between/],
    ["status too high", { kind: "devops", steps: [{ afterMs: 0, status: 600 }] }, /steps\[0\]\.status: status must be between/],
    ["bad header value", { kind: "devops", steps: [{ afterMs: 0, headers: { "X-A": "a\r\nb" } }] }, /steps\[0\]\.headers\.X-A: .*CR, LF/],
    ["framing header", { kind: "devops", steps: [{ afterMs: 0, headers: { "Content-Length": "3" } }] }, /cannot be overridden/],
    ["numeric header value", { kind: "devops", steps: [{ afterMs: 0, headers: { "Retry-After": 5 } }] }, /steps\[0\]\.headers\.Retry-After/],
    ["bad resource group", { kind: "devops", ids: { resourceGroupName: "a/b" }, steps: [step] }, /ids\.resourceGroupName: must be 1-90/],
    ["bad operation id", { kind: "devcenter", ids: { operationId: "nope" }, steps: [step] }, /ids\.operationId: must be 36 characters/],
    ["bad project", { kind: "devcenter", ids: { projectName: "-x" }, steps: [step] }, /ids\.projectName/],
    ["endpointHost not settable", { kind: "devcenter", ids: { endpointHost: "evil.example" }, steps: [step] }, /ids.*endpointHost/],
    ["devops id on devcenter", { kind: "devcenter", ids: { subscriptionId: "x" }, steps: [step] }, /subscriptionId/],
    ["bad clock", { kind: "devops", clock: "later", steps: [step] }, /clock must be "created" or "firstRequest"/],
    ["unknown field", { kind: "devops", steps: [step], extra: 1 }, /extra/],
    ["unknown step field", { kind: "devops", steps: [{ afterMs: 0, delay: 1 }] }, /steps\[0\].*delay/],
    ["not an object", [1, 2], /kind/],
  ];
  it.each(bad)("answers 400 InvalidScenario naming the field: %s", async (_name, scenario, message) => {
    const res = await post(JSON.stringify(scenario));
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe("InvalidScenario");
    expect(body.error.message).toMatch(message);
  });

  it("answers 400 InvalidJson for a body that is not JSON", async () => {
    const res = await post("{kind: devops");
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.code).toBe("InvalidJson");
  });

  it("answers 413 for a body over 1 MiB and keeps serving", async () => {
    const big = JSON.stringify({ kind: "devops", steps: [{ afterMs: 0, body: "x".repeat(1024 * 1024) }] });
    const res = await post(big);
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorBody).error.code).toBe("RequestTooLarge");
    expect((await post(JSON.stringify({ kind: "devops", steps: [step] }))).status).toBe(201);
  });
});

describe("listing, reading and deleting", () => {
  it("lists scenarios with labels, reads one, deletes it", async () => {
    const created = await createScenario(t.sim, { kind: "devops", label: "to delete", steps: [step] });
    const list = (await (await fetch(`${t.sim.url}/_sim/operations`)).json()) as { operations: CreatedScenario[] };
    expect(list.operations).toContainEqual(created);
    expect(await (await fetch(`${t.sim.url}/_sim/operations/${created.id}`)).json()).toEqual(created);
    const del = await fetch(`${t.sim.url}/_sim/operations/${created.id}`, { method: "DELETE", headers: JSON_TYPE });
    expect(del.status).toBe(204);
    expect((await getOperation(created.url)).status).toBe(404);
    expect((await fetch(`${t.sim.url}/_sim/operations/${created.id}/requests`)).status).toBe(404);
    const again = await fetch(`${t.sim.url}/_sim/operations/${created.id}`, { method: "DELETE", headers: JSON_TYPE });
    expect(again.status).toBe(404);
    expect(((await again.json()) as ErrorBody).error.code).toBe("ScenarioNotFound");
  });

  it("answers 405 with Allow for other methods", async () => {
    const res = await fetch(`${t.sim.url}/_sim/operations`, { method: "PUT", body: "{}", headers: JSON_TYPE });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, POST");
  });
});

describe("GET /_sim/operations/{id}/requests", () => {
  it("logs every request to the operation with time, path, query, headers and token, never the token's value", async () => {
    const created = await createScenario(t.sim, { kind: "devops", steps: [step] });
    const url = new URL(created.url);
    const secret = "eyJhbGciOiJub25lIn0.eyJhdWQiOiJodHRwczovL21hbmFnZW1lbnQuYXp1cmUuY29tIiwic3ViIjoidSJ9.sig";
    await getOperation(created.url, secret, { headers: { "x-ms-client-request-id": "c-1" } });
    await getOperation(`${url.origin}${url.pathname}`, secret);
    await getOperation(created.url, null);
    const res = await fetch(`${t.sim.url}/_sim/operations/${created.id}/requests`);
    const text = await res.text();
    expect(text).not.toContain(secret);
    expect(text).not.toContain("eyJ");
    const { requests } = JSON.parse(text) as { requests: RequestLogEntry[] };
    expect(requests.map((r) => r.status)).toEqual([200, 400, 401]);
    const [first] = requests;
    if (!first) throw new Error("no entry");
    expect(first.method).toBe("GET");
    expect(first.path).toBe(url.pathname);
    expect(first.query).toEqual({ "api-version": "2024-04-01" });
    expect(first.headers.authorization).toBe("Bearer <redacted>");
    expect(first.headers["x-ms-client-request-id"]).toBe("c-1");
    expect(first.token).toEqual({ present: true, valid: null, audience: "https://management.azure.com", subject: "u" });
    expect(new Date(first.at).getTime()).toBe(t.clock.now);
    expect(requests[2]?.headers.authorization).toBeUndefined();
  });

  it("keeps cookie names and never their values", async () => {
    const created = await createScenario(t.sim, { kind: "devops", steps: [step] });
    await getOperation(created.url, "secret-token", { headers: { cookie: "session=secret-session; msal.idtoken=secret-id" } });
    const text = await (await fetch(`${t.sim.url}/_sim/operations/${created.id}/requests`)).text();
    expect(text).not.toContain("secret");
    const [entry] = (JSON.parse(text) as { requests: RequestLogEntry[] }).requests;
    expect(entry?.headers.cookie).toBe("session=<redacted>; msal.idtoken=<redacted>");
    expect(entry?.headers.authorization).toBe("Bearer <redacted>");
  });
});

/** A request with any Host header (fetch sets its own); resolves with the status and the parsed JSON body. */
function raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: ErrorBody }> {
  const { port } = new URL(t.sim.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as ErrorBody });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("who may use the control API", () => {
  const scenarioText = JSON.stringify({ kind: "devops", label: "cross-site", steps: [step] });
  const labels = async () => ((await (await fetch(`${t.sim.url}/_sim/operations`)).json()) as { operations: CreatedScenario[] }).operations.map((o) => o.label);

  it("refuses a cross-site simple POST (text/plain, foreign Origin) and creates nothing", async () => {
    const crossSite = await raw("POST", "/_sim/operations", { host: new URL(t.sim.url).host, origin: "https://evil.example", "content-type": "text/plain" }, scenarioText);
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.error.code).toBe("OriginNotAllowed");
    const textPlain = await fetch(`${t.sim.url}/_sim/operations`, { method: "POST", body: scenarioText, headers: { "content-type": "text/plain;charset=UTF-8" } });
    expect(textPlain.status).toBe(415);
    expect(((await textPlain.json()) as ErrorBody).error.code).toBe("UnsupportedMediaType");
    const formPost = await fetch(`${t.sim.url}/_sim/operations`, { method: "POST", body: new URLSearchParams({ [scenarioText]: "" }) });
    expect(formPost.status).toBe(415);
    expect(await labels()).not.toContain("cross-site");
  });

  it("refuses a foreign Origin even with a JSON body, and a DELETE without one", async () => {
    const created = await createScenario(t.sim, { kind: "devops", steps: [step] });
    const foreign = await fetch(`${t.sim.url}/_sim/operations/${created.id}`, { method: "DELETE", headers: { ...JSON_TYPE, origin: "null" } });
    expect(foreign.status).toBe(403);
    const bare = await fetch(`${t.sim.url}/_sim/operations/${created.id}`, { method: "DELETE" });
    expect(bare.status).toBe(415);
    expect((await fetch(`${t.sim.url}/_sim/operations/${created.id}`)).status).toBe(200);
    const local = await fetch(`${t.sim.url}/_sim/operations/${created.id}`, { method: "DELETE", headers: { ...JSON_TYPE, origin: "http://localhost:3000" } });
    expect(local.status).toBe(204);
  });

  it("refuses any Host but a loopback one on every control path (DNS rebinding), and not on Azure's paths", async () => {
    const created = await createScenario(t.sim, { kind: "devops", steps: [step] });
    for (const path of ["/_sim/operations", `/_sim/operations/${created.id}`, `/_sim/operations/${created.id}/requests`, "/_sim/other"]) {
      const res = await raw("GET", path, { host: "rebound.evil.example:4010" });
      expect(res.status, path).toBe(403);
      expect(res.body.error.code, path).toBe("HostNotAllowed");
    }
    const post = await raw("POST", "/_sim/operations", { host: "rebound.evil.example", ...JSON_TYPE }, scenarioText);
    expect(post.status).toBe(403);
    for (const host of ["localhost:1", "127.0.0.1", "[::1]:4010"]) expect((await raw("GET", "/_sim/operations", { host })).status, host).toBe(200);
    const url = new URL(created.url);
    const azure = await raw("GET", `${url.pathname}${url.search}`, { host: "management.example", authorization: "Bearer x" });
    expect(azure.status).toBe(200);
  });
});
