import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestLogEntry } from "./request-log";
import type { CreatedScenario } from "./scenario-store";
import { createScenario, getOperation, startTestSimulator, type ErrorBody, type TestSimulator } from "@/lib/dev/test-support/test-simulator";

const ISSUER = "https://localhost:4543";
const KID = "test-key";

let t: TestSimulator;
let privateKey: CryptoKey;
let strangerKey: CryptoKey;
let devops: CreatedScenario;
let devcenter: CreatedScenario;

beforeAll(async () => {
  const pair = await generateKeyPair("RS256");
  privateKey = pair.privateKey;
  strangerKey = (await generateKeyPair("RS256")).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: KID, alg: "RS256", use: "sig" };
  t = await startTestSimulator({ auth: { issuer: ISSUER, jwks: { keys: [jwk] } } });
  const steps = [{ afterMs: 0, body: { status: "Running" } }];
  devops = await createScenario(t.sim, { kind: "devops", steps });
  devcenter = await createScenario(t.sim, { kind: "devcenter", steps });
});
afterAll(async () => {
  await t.sim.close();
});

interface MintOptions {
  audience?: string;
  issuer?: string;
  expiresInS?: number;
  key?: CryptoKey;
  kid?: string;
}

function mint(options: MintOptions = {}): Promise<string> {
  const nowS = Math.floor(t.clock.now / 1000);
  return new SignJWT({ name: "Test User" })
    .setProtectedHeader({ alg: "RS256", kid: options.kid ?? KID })
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? "https://management.azure.com")
    .setSubject("user-1")
    .setIssuedAt(nowS)
    .setExpirationTime(nowS + (options.expiresInS ?? 3600))
    .sign(options.key ?? privateKey);
}

async function lastLog(scenario: CreatedScenario): Promise<RequestLogEntry> {
  const log = (await (await fetch(`${t.sim.url}/_sim/operations/${scenario.id}/requests`)).json()) as { requests: RequestLogEntry[] };
  const last = log.requests.at(-1);
  if (!last) throw new Error("no request logged");
  return last;
}

async function expectRefused(res: Response, reason: RegExp) {
  expect(res.status).toBe(401);
  const body = (await res.json()) as ErrorBody;
  expect(body.error.code).toBe("InvalidAuthenticationToken");
  expect(body.error.message).toMatch(reason);
  expect(res.headers.get("www-authenticate")).toMatch(
    new RegExp(`^Bearer authorization_uri="${ISSUER}", error="invalid_token", error_description="[^"]*"$`),
  );
}

describe("token check with an issuer configured", () => {
  it("accepts a valid devops token and logs it as valid, with audience, subject and its times", async () => {
    const token = await mint();
    const res = await getOperation(devops.url, token);
    expect(res.status).toBe(200);
    const entry = await lastLog(devops);
    const issuedAtS = Math.floor(t.clock.now / 1000);
    expect(entry.token).toEqual({
      present: true,
      valid: true,
      audience: "https://management.azure.com",
      subject: "user-1",
      issuedAt: new Date(issuedAtS * 1000).toISOString(),
      expiresAt: new Date((issuedAtS + 3600) * 1000).toISOString(),
    });
    expect(JSON.stringify(entry)).not.toContain(token);
  });

  it("accepts the audience with a trailing slash, and DevCenter tokens on DevCenter", async () => {
    expect((await getOperation(devops.url, await mint({ audience: "https://management.azure.com/" }))).status).toBe(200);
    expect((await getOperation(devcenter.url, await mint({ audience: "https://devcenter.azure.com" }))).status).toBe(200);
    expect((await getOperation(devcenter.url, await mint({ audience: "https://devcenter.azure.com/" }))).status).toBe(200);
  });

  it("refuses an expired token", async () => {
    const token = await mint({ expiresInS: 60 });
    t.advance(61_000);
    await expectRefused(await getOperation(devops.url, token), /expired/);
    const entry = await lastLog(devops);
    expect(entry.token.valid).toBe(false);
    expect(entry.token.error).toMatch(/expired/);
    expect(entry.status).toBe(401);
  });

  it("refuses a token without an expiry", async () => {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: "RS256", kid: KID })
      .setIssuer(ISSUER)
      .setAudience("https://management.azure.com")
      .sign(privateKey);
    await expectRefused(await getOperation(devops.url, token), /lacks the 'exp' claim/);
  });

  it("refuses a token for the wrong audience", async () => {
    await expectRefused(await getOperation(devops.url, await mint({ audience: "https://graph.microsoft.com" })), /wrong audience/);
  });

  it("refuses a devops token used for DevCenter, and the reverse", async () => {
    await expectRefused(await getOperation(devcenter.url, await mint()), /wrong audience.*devcenter/);
    await expectRefused(await getOperation(devops.url, await mint({ audience: "https://devcenter.azure.com" })), /wrong audience/);
  });

  it("refuses a token from another issuer", async () => {
    await expectRefused(await getOperation(devops.url, await mint({ issuer: "https://login.example.com" })), /issuer/);
  });

  it("refuses a token signed with another key, with or without a known key id", async () => {
    await expectRefused(await getOperation(devops.url, await mint({ key: strangerKey })), /signature/);
    await expectRefused(await getOperation(devops.url, await mint({ key: strangerKey, kid: "other" })), /key/);
  });

  it("refuses a bearer that is not a JWT", async () => {
    await expectRefused(await getOperation(devops.url, "not-a-jwt"), /well-formed|validated/);
  });

  it("answers 401 AuthenticationFailed without a bearer, pointing at the issuer", async () => {
    const res = await getOperation(devcenter.url, null);
    expect(res.status).toBe(401);
    expect(res.headers.get("x-ms-error-code")).toBe("AuthenticationFailed");
    expect(((await res.json()) as ErrorBody).error.code).toBe("AuthenticationFailed");
    expect(res.headers.get("www-authenticate")).toContain(`authorization_uri="${ISSUER}"`);
    expect((await lastLog(devcenter)).token).toEqual({ present: false, valid: false });
  });
});

describe("token check without an issuer", () => {
  it("accepts any bearer unverified, logs valid null, and still refuses none", async () => {
    const open = await startTestSimulator();
    try {
      const scenario = await createScenario(open.sim, { kind: "devops", steps: [{ afterMs: 0, body: { status: "Running" } }] });
      expect((await getOperation(scenario.url, "anything")).status).toBe(200);
      expect((await getOperation(scenario.url, null)).status).toBe(401);
      const log = (await (await fetch(`${open.sim.url}/_sim/operations/${scenario.id}/requests`)).json()) as { requests: RequestLogEntry[] };
      expect(log.requests.map((r) => [r.token.present, r.token.valid, r.status])).toEqual([
        [true, null, 200],
        [false, false, 401],
      ]);
    } finally {
      await open.sim.close();
    }
  });
});
