import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "@/lib/dev/signin/users";
import { getOperation, startTestSimulator, type ErrorBody, type TestSimulator } from "@/lib/dev/test-support/test-simulator";

const ISSUER = "https://localhost:4543";
const KID = "test-key";
const API = "api-version=2025-02-01";
const [ADA = "", GRACE = ""] = DEMO_USERS.map((u) => u.oid);

let key: CryptoKey;
let jwk: Record<string, unknown>;
let t: TestSimulator;

beforeAll(async () => {
  const pair = await generateKeyPair("RS256");
  key = pair.privateKey;
  jwk = { ...(await exportJWK(pair.publicKey)), kid: KID, alg: "RS256", use: "sig" };
  t = await startTestSimulator({ auth: { issuer: ISSUER, jwks: { keys: [jwk] } } });
});
afterAll(async () => {
  await t.sim.close();
});

function mint(sim: TestSimulator, claims: { oid?: string; sub?: string }, audience = "https://devcenter.azure.com"): Promise<string> {
  const nowS = Math.floor(sim.clock.now / 1000);
  const jwt = new SignJWT(claims.oid === undefined ? {} : { oid: claims.oid })
    .setProtectedHeader({ alg: "RS256", kid: KID })
    .setIssuer(ISSUER)
    .setAudience(audience)
    .setIssuedAt(nowS)
    .setExpirationTime(nowS + 3600);
  return (claims.sub === undefined ? jwt : jwt.setSubject(claims.sub)).sign(key);
}

const control = (sim: TestSimulator, path: string, body: unknown) =>
  fetch(`${sim.sim.url}/_sim/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

async function list(sim: TestSimulator, path: string, oid: string | null = ADA) {
  const url = path.startsWith("http") ? path : `${sim.sim.url}${path}${path.includes("?") ? "&" : "?"}${API}`;
  return getOperation(url, oid === null ? null : await mint(sim, { oid }));
}

const values = async (res: Response) => ((await res.json()) as { value: { name?: string; operationId?: string }[]; nextLink?: string });

describe("the dev center's lists", () => {
  beforeAll(async () => {
    for (const [name, owner] of [["ada-box-1", ADA], ["ada-box-2", ADA], ["ada-box-3", ADA], ["grace-box", GRACE]] as const) {
      expect((await control(t, "devboxes", { projectName: "lists-proj", name, owner })).status).toBe(201);
    }
  });

  it("answers only a DevCenter token, 401 as Azure does, and counts nothing for it", async () => {
    const none = await list(t, "/projects", null);
    expect(none.status).toBe(401);
    expect(none.headers.get("x-rate-limit-remaining")).toBeNull();
    const arm = await getOperation(`${t.sim.url}/users/me/devboxes?${API}`, await mint(t, { oid: ADA }, "https://management.azure.com"));
    expect(arm.status).toBe(401);
    expect(((await arm.json()) as ErrorBody).error.code).toBe("InvalidAuthenticationToken");
    expect(arm.headers.get("x-ms-error-code")).toBe("InvalidAuthenticationToken");
  });

  it("lists projects, and each owner's dev boxes by the token's oid, else its sub", async () => {
    const projects = await list(t, "/projects");
    expect(projects.status).toBe(200);
    expect((await values(projects)).value).toContainEqual({ name: "lists-proj", uri: `${t.sim.url}/projects/lists-proj` });
    expect((await values(await list(t, "/users/me/devboxes"))).value.map((b) => b.name)).toEqual(["ada-box-1", "ada-box-2", "ada-box-3"]);
    const bySub = await getOperation(`${t.sim.url}/projects/lists-proj/users/me/devboxes?${API}`, await mint(t, { sub: GRACE }));
    expect((await values(bySub)).value).toEqual([expect.objectContaining({ name: "grace-box", user: GRACE, projectName: "lists-proj" })]);
  });

  it("answers 404 in Azure Core's shape for a project or dev box the caller does not have", async () => {
    const project = await list(t, "/projects/no-such-proj/users/me/devboxes");
    expect(project.headers.get("x-ms-error-code")).toBe("NotFound");
    expect(project.status).toBe(404);
    const othersBox = await list(t, "/projects/lists-proj/users/me/devboxes/grace-box/operations");
    expect(othersBox.status).toBe(404);
    expect(((await othersBox.json()) as ErrorBody).error).toEqual({ code: "NotFound", message: "The dev box 'grace-box' was not found in project 'lists-proj'." });
    expect((await list(t, "/users/me/devboxes?api-version=2024-01-01")).status).toBe(400);
  });

  it("pages by the size set for the caller, with nextLinks on its own origin and the same path", async () => {
    expect((await control(t, "discovery/faults", { pageSize: 2, owner: ADA })).status).toBe(204);
    const first = await values(await list(t, "/users/me/devboxes"));
    expect(first.value.map((b) => b.name)).toEqual(["ada-box-1", "ada-box-2"]);
    expect(first.nextLink).toBe(`${t.sim.url}/users/me/devboxes?${API}&$skipToken=2`);
    const second = await values(await list(t, first.nextLink ?? ""));
    expect(second).toEqual({ value: [expect.objectContaining({ name: "ada-box-3" })] });
    expect((await values(await list(t, "/users/me/devboxes", GRACE))).nextLink).toBeUndefined();
    expect((await list(t, "/users/me/devboxes?$skipToken=x")).status).toBe(400);
    await control(t, "discovery/faults", { pageSize: 100, owner: ADA });
  });

  it("lists an operation started on a dev box, following its status URL's steps", async () => {
    const res = await control(t, "devboxes/lists-proj/ada-box-1/operations", {
      operationKind: "Restart",
      steps: [
        { afterMs: 0, body: { status: "Running", startTime: "{{start}}" } },
        { afterMs: 10_000, body: { status: "Succeeded", startTime: "{{start}}", endTime: "{{end}}" } },
      ],
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; operationId: string; permalink: string; url: string };
    expect(created.url).toBe(`${t.sim.url}/projects/lists-proj/operationstatuses/${created.operationId}?${API}`);
    expect(created.permalink).toBe(`/op/devcenter/${encodeURIComponent(t.sim.endpointHost)}/lists-proj/${created.operationId}`);
    const listed = async () => (await values(await list(t, "/projects/lists-proj/users/me/devboxes/ada-box-1/operations"))).value;
    expect(await listed()).toEqual([expect.objectContaining({ operationId: created.operationId, kind: "Restart", status: "Running", createdByObjectId: ADA })]);
    const status = await getOperation(created.url, await mint(t, { oid: ADA }));
    expect(((await status.json()) as { status: string }).status).toBe("Running");
    t.advance(10_000);
    expect(await listed()).toEqual([expect.objectContaining({ status: "Succeeded", endTime: new Date(t.clock.now).toISOString() })]);
    const log = (await (await fetch(`${t.sim.url}/_sim/operations/${created.id}/requests`)).json()) as { requests: unknown[] };
    expect(log.requests).toHaveLength(1);
  });

  it("fails the next answers of a list as planted, for its owner only, with Retry-After unless told otherwise", async () => {
    expect((await control(t, "discovery/faults", { list: "devboxes", status: 429, count: 2, owner: GRACE })).status).toBe(204);
    expect((await list(t, "/users/me/devboxes")).status).toBe(200);
    const throttled = await list(t, "/users/me/devboxes", GRACE);
    expect(throttled.headers.get("retry-after")).toBe("30");
    await expectAzureErrorShape(throttled, 429, "TooManyRequests");
    expect((await list(t, "/projects/lists-proj/users/me/devboxes", GRACE)).status).toBe(429);
    expect((await list(t, "/users/me/devboxes", GRACE)).status).toBe(200);

    await control(t, "discovery/faults", { list: "operations", status: 503, projectName: "lists-proj", headers: { "Retry-After": "7" } });
    const unavailable = await list(t, "/projects/lists-proj/users/me/devboxes/ada-box-2/operations");
    expect(unavailable.headers.get("retry-after")).toBe("7");
    await expectAzureErrorShape(unavailable, 503, "ServiceUnavailable");

    await control(t, "discovery/faults", { list: "projects", status: 403 });
    const forbidden = await list(t, "/projects", GRACE);
    expect(forbidden.headers.get("retry-after")).toBeNull();
    await expectAzureErrorShape(forbidden, 403, "Forbidden");
    expect((await list(t, "/projects")).status).toBe(200);
  });
});

async function expectAzureErrorShape(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("x-ms-error-code")).toBe(code);
  expect(((await res.json()) as ErrorBody).error).toEqual({ code, message: expect.any(String) as unknown });
}

describe("the control API's dev center calls", () => {
  it("refuses a bad name, kind or fault with 400 in Azure's error shape, saying what is wrong", async () => {
    const res = await control(t, "devboxes", { projectName: "p", name: "box/1", extra: 1 });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as ErrorBody;
    expect(error.code).toBe("InvalidDevBox");
    expect(error.message).toContain("projectName: must be 3-63 characters");
    expect(error.message).toContain("name: must be 3-63 characters");
    expect(error.message).toContain('Unrecognized key: "extra"');

    await control(t, "devboxes", { projectName: "ctl-proj", name: "ctl-box" });
    const noSteps = await control(t, "devboxes/ctl-proj/ctl-box/operations", { operationKind: "Start", steps: [], operationId: "nope" });
    const noStepsError = ((await noSteps.json()) as ErrorBody).error;
    expect([noSteps.status, noStepsError.code]).toEqual([400, "InvalidDevBoxOperation"]);
    expect(noStepsError.message).toMatch(/steps: steps must hold at least one step; operationId: must be 36 characters/);

    const fault = await control(t, "discovery/faults", { list: "devboxes", status: 500 });
    expect(((await fault.json()) as ErrorBody).error).toEqual({ code: "InvalidFault", message: "Invalid fault: status: status must be 403, 429 or 503" });
    expect((await control(t, "discovery/faults", {})).status).toBe(400);
  });

  it("answers 404 for an operation on a dev box that is not there, and owns a box by the first demo user by default", async () => {
    const res = await control(t, "devboxes/ctl-proj/no-box/operations", { operationKind: "Start", steps: [{ afterMs: 0, body: {} }] });
    expect([res.status, ((await res.json()) as ErrorBody).error.code]).toEqual([404, "DevBoxNotFound"]);
    const created = await control(t, "devboxes", { projectName: "ctl-proj", name: "default-owner" });
    expect(await created.json()).toEqual({ projectName: "ctl-proj", name: "default-owner", owner: ADA });
  });

  it("shows any operation kind verbatim and records who started it", async () => {
    await control(t, "devboxes", { projectName: "ctl-proj", name: "kinds-box", owner: GRACE });
    const operationId = "abcdef01-2345-4678-89ab-cdef01234567";
    const res = await control(t, "devboxes/ctl-proj/kinds-box/operations", { operationKind: "Hibernate", createdBy: ADA, operationId, steps: [{ afterMs: 0, body: { status: "Running" } }] });
    expect(((await res.json()) as { operationId: string }).operationId).toBe(operationId);
    const listed = await values(await list(t, "/projects/ctl-proj/users/me/devboxes/kinds-box/operations", GRACE));
    expect(listed.value).toEqual([expect.objectContaining({ operationId, kind: "Hibernate", createdByObjectId: ADA })]);
  });
});

describe("DevCenter's per-minute limit", () => {
  let limited: TestSimulator;
  beforeAll(async () => {
    limited = await startTestSimulator({ auth: { issuer: ISSUER, jwks: { keys: [jwk] } }, devCenterReadsPerMinute: 2 });
  });
  afterAll(async () => {
    await limited.sim.close();
  });

  it("counts every DevCenter answer per caller, the status route's too, then answers 429 until the minute ends", async () => {
    const statusUrl = `${limited.sim.url}/projects/any-proj/operationstatuses/11111111-2222-4333-8444-555555555555?${API}`;
    const first = await getOperation(statusUrl, await mint(limited, { oid: ADA }));
    expect(first.status).toBe(404);
    expect(first.headers.get("x-rate-limit-limit")).toBe("1m");
    expect(first.headers.get("x-rate-limit-remaining")).toBe("1");
    expect(first.headers.get("x-rate-limit-reset")).toBe("2026-01-15T12:01:00.000Z");
    expect((await list(limited, "/projects")).headers.get("x-rate-limit-remaining")).toBe("0");
    limited.advance(15_000);
    const refused = await list(limited, "/users/me/devboxes");
    expect(refused.headers.get("retry-after")).toBe("45");
    expect(refused.headers.get("x-rate-limit-remaining")).toBe("0");
    await expectAzureErrorShape(refused, 429, "TooManyRequests");
    expect((await list(limited, "/projects", GRACE)).status).toBe(200);
    limited.advance(45_000);
    expect((await list(limited, "/projects")).headers.get("x-rate-limit-remaining")).toBe("1");
  });

  it("is off when told", async () => {
    const off = await startTestSimulator({ devCenterReadsPerMinute: false });
    try {
      const res = await getOperation(`${off.sim.url}/projects?${API}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("x-rate-limit-limit")).toBeNull();
    } finally {
      await off.sim.close();
    }
    await expect(startTestSimulator({ devCenterReadsPerMinute: 0 })).rejects.toThrow(/devCenterReadsPerMinute: must be false or a whole number/);
  });
});
