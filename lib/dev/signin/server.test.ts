import { createHash, randomBytes } from "node:crypto";
import { request } from "node:https";
import { createLocalJWKSet, decodeJwt, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { LOCAL_CLIENT_ID, localSigninMetadata } from "@/lib/dev/local-app-env";
import { rewriteAuthorizationQuery, startSigninServer, type RunningSigninServer } from "./server";

const APP = "http://localhost:3999";
const ARM_SCOPE = "https://management.azure.com/user_impersonation";
const DEVCENTER_SCOPE = "https://devcenter.azure.com/.default";

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A minimal browser stand-in: trusts the server's certificate and keeps its cookies. */
class Client {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly ca: string) {}

  send(url: string, init: { method?: string; headers?: Record<string, string>; form?: Record<string, string> } = {}) {
    const body = init.form ? new URLSearchParams(init.form).toString() : undefined;
    const headers: Record<string, string> = { ...init.headers };
    if (body !== undefined) headers["content-type"] = "application/x-www-form-urlencoded";
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    return new Promise<Reply>((resolve, reject) => {
      const req = request(url, { method: init.method ?? "GET", headers, ca: this.ca }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          for (const cookie of res.headers["set-cookie"] ?? []) {
            const [pair = ""] = cookie.split(";");
            const eq = pair.indexOf("=");
            this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") });
        });
      });
      req.on("error", reject);
      req.end(body);
    });
  }
}

const location = (reply: Reply) => String(reply.headers.location ?? "");

let server: RunningSigninServer;
let client: Client;
/** What the server wrote to the console's warnings as it started. */
let startWarnings: unknown[][] = [];

beforeAll(async () => {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
  try {
    server = await startSigninServer({ port: 0, appOrigins: [APP], accessTokenTtlSeconds: 120 });
  } finally {
    startWarnings = warn.mock.calls;
    warn.mockRestore();
  }
  client = new Client(server.certPem);
});
afterAll(async () => {
  await server.close();
});

/** Runs the authorization code flow with PKCE as MSAL does, through the login form. */
async function signIn(username: string, password: string, scope: string) {
  client = new Client(server.certPem); // a fresh browser: no session at the sign-in server yet
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const authorize = new URL("/auth", server.issuer);
  const params = {
    client_id: LOCAL_CLIENT_ID,
    redirect_uri: `${APP}/`,
    response_type: "code",
    response_mode: "fragment",
    scope: `${scope} openid profile offline_access`,
    state: "s1",
    nonce: "n1",
    code_challenge: challenge,
    code_challenge_method: "S256",
  };
  for (const [k, v] of Object.entries(params)) authorize.searchParams.set(k, v);
  const start = await client.send(authorize.href);
  expect(start.status).toBe(303);
  const interaction = new URL(location(start), server.issuer);
  const form = await client.send(interaction.href);
  expect(form.status).toBe(200);
  expect(form.body).toContain('<label for="username">Username</label>');
  expect(form.body).toContain('<label for="password">Password</label>');
  const wrong = await client.send(`${interaction.href}/login`, { method: "POST", form: { username, password: "not-it" } });
  expect(wrong.status).toBe(401);
  expect(wrong.body).toContain("Unknown username or wrong password.");
  let reply = await client.send(`${interaction.href}/login`, { method: "POST", form: { username, password } });
  for (let hops = 0; hops < 5 && !location(reply).startsWith(APP); hops++) {
    expect([302, 303]).toContain(reply.status);
    reply = await client.send(new URL(location(reply), server.issuer).href);
  }
  const back = new URL(location(reply));
  const fragment = new URLSearchParams(back.hash.slice(1));
  expect(back.origin + back.pathname).toBe(`${APP}/`);
  expect(fragment.get("state")).toBe("s1");
  const code = fragment.get("code");
  expect(code).toBeTruthy();
  return { code: code ?? "", verifier, scope: params.scope };
}

async function token(form: Record<string, string>) {
  const reply = await client.send(new URL("/token", server.issuer).href, {
    method: "POST",
    headers: { origin: APP },
    form: { client_id: LOCAL_CLIENT_ID, ...form },
  });
  return { reply, json: JSON.parse(reply.body) as Record<string, unknown> };
}

async function verifyAccessToken(value: unknown, audience: string) {
  const { payload } = await jwtVerify(String(value), createLocalJWKSet(server.jwks), { issuer: server.issuer, audience });
  return payload;
}

describe("local sign-in server", () => {
  it("starts without warnings: a demo's sign-ins are meant to live in its memory", () => {
    expect(startWarnings).toEqual([]);
  });

  it("publishes a discovery document MSAL's OIDC mode can use", async () => {
    const reply = await client.send(new URL("/.well-known/openid-configuration", server.issuer).href, { headers: { origin: APP } });
    const doc = JSON.parse(reply.body) as Record<string, unknown>;
    expect(reply.headers["access-control-allow-origin"]).toBe(APP);
    expect(doc.issuer).toBe(server.issuer);
    expect(doc.authorization_endpoint).toBe(`${server.issuer}/auth`);
    expect(doc.token_endpoint).toBe(`${server.issuer}/token`);
    expect(doc.end_session_endpoint).toBe(`${server.issuer}/session/end`);
    expect(doc.jwks_uri).toBe(`${server.issuer}/jwks`);
    expect(doc.code_challenge_methods_supported).toEqual(["S256"]);
    expect(server.issuer).toMatch(/^https:\/\/localhost:\d+$/);
  });

  it("publishes exactly the endpoints the app is handed without asking (AZURE_AUTHORITY_METADATA)", async () => {
    const reply = await client.send(new URL("/.well-known/openid-configuration", server.issuer).href);
    const doc = JSON.parse(reply.body) as Record<string, unknown>;
    const handed = localSigninMetadata(server.issuer);
    expect(Object.fromEntries(Object.keys(handed).map((field) => [field, doc[field]]))).toEqual(handed);
  });

  it("says at its root what it is, and links back to the app", async () => {
    const reply = await client.send(`${server.issuer}/`);
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(reply.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(reply.body).toContain("<h1>opwatch local sign-in server</h1>");
    expect(reply.body).toContain("certificate was made on this machine");
    expect(reply.body).toContain(`<a href="${APP}/">Back to opwatch</a>`);
    expect((await client.send(`${server.issuer}/`, { method: "HEAD" })).body).toBe("");
    expect((await client.send(`${server.issuer}/nothing-here`)).status).toBe(404);
  });

  it("publishes the same public keys it returns, without private parts", async () => {
    const reply = await client.send(new URL("/jwks", server.issuer).href);
    const jwks = JSON.parse(reply.body) as { keys: Record<string, unknown>[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual(server.jwks.keys.map((k) => k.kid));
    for (const key of [...jwks.keys, ...server.jwks.keys]) expect(key).not.toHaveProperty("d");
  });

  it("answers CORS preflights for the token endpoint from the app, including MSAL's x-client headers", async () => {
    const reply = await client.send(new URL("/token", server.issuer).href, {
      method: "OPTIONS",
      headers: {
        origin: APP,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type,x-client-sku,x-client-ver",
      },
    });
    expect(reply.status).toBe(204);
    expect(reply.headers["access-control-allow-origin"]).toBe(APP);
    expect(String(reply.headers["access-control-allow-headers"])).toContain("x-client-sku");
  });

  it("signs in with PKCE, then mints tokens whose audience follows the requested scope", async () => {
    const { code, verifier, scope } = await signIn("ada@opwatch.test", "demo-password", ARM_SCOPE);
    const first = await token({ grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: `${APP}/`, scope });
    expect(first.reply.status).toBe(200);
    expect(first.reply.headers["access-control-allow-origin"]).toBe(APP);
    const arm = await verifyAccessToken(first.json.access_token, "https://management.azure.com");
    expect(arm).toMatchObject({ oid: "a0a0a0a0-0000-4000-8000-00000000ada1", upn: "ada@opwatch.test", scp: "user_impersonation" });
    expect(first.json.expires_in).toBe(120);
    const idToken = decodeJwt(String(first.json.id_token));
    expect(idToken).toMatchObject({
      aud: LOCAL_CLIENT_ID,
      nonce: "n1",
      name: "Ada Lovelace",
      preferred_username: "ada@opwatch.test",
      upn: "ada@opwatch.test",
      oid: "a0a0a0a0-0000-4000-8000-00000000ada1",
    });
    expect(typeof idToken.tid).toBe("string");
    expect(typeof first.json.refresh_token).toBe("string");

    // The refresh token serves the other API too, as Entra ID's do, and can be used twice (no rotation).
    const refresh = String(first.json.refresh_token);
    for (let i = 0; i < 2; i++) {
      const other = await token({ grant_type: "refresh_token", refresh_token: refresh, scope: `${DEVCENTER_SCOPE} openid profile offline_access` });
      expect(other.reply.status).toBe(200);
      const devcenter = await verifyAccessToken(other.json.access_token, "https://devcenter.azure.com");
      expect(devcenter.aud).toBe("https://devcenter.azure.com");
    }
    const again = await token({ grant_type: "refresh_token", refresh_token: refresh, scope: `${ARM_SCOPE} openid profile offline_access` });
    expect((await verifyAccessToken(again.json.access_token, "https://management.azure.com")).sub).toBe(arm.sub);
  });

  it("refuses a code redeemed with the wrong PKCE verifier", async () => {
    const { code, scope } = await signIn("grace@opwatch.test", "demo-password", DEVCENTER_SCOPE);
    const result = await token({ grant_type: "authorization_code", code, code_verifier: randomBytes(32).toString("base64url"), redirect_uri: `${APP}/`, scope });
    expect(result.reply.status).toBe(400);
    expect(result.json.error).toBe("invalid_grant");
  });

  it("refuses an unknown refresh token", async () => {
    const result = await token({ grant_type: "refresh_token", refresh_token: "nope", scope: ARM_SCOPE });
    expect(result.json.error).toBe("invalid_grant");
  });
});

describe("rewriteAuthorizationQuery", () => {
  it("asks for consent when offline_access is requested and widens to every API", () => {
    const out = new URLSearchParams(rewriteAuthorizationQuery(`?scope=${encodeURIComponent(`${ARM_SCOPE} openid offline_access`)}&state=x`));
    expect(out.get("prompt")).toBe("consent");
    expect(out.get("scope")?.split(" ").sort()).toEqual([ARM_SCOPE, DEVCENTER_SCOPE, "offline_access", "openid"].sort());
    expect(out.get("state")).toBe("x");
  });

  it("leaves prompt=none alone and keeps other prompts", () => {
    expect(new URLSearchParams(rewriteAuthorizationQuery("?scope=openid+offline_access&prompt=none")).get("prompt")).toBe("none");
    expect(new URLSearchParams(rewriteAuthorizationQuery("?scope=openid+offline_access&prompt=login")).get("prompt")).toBe("login consent");
    expect(new URLSearchParams(rewriteAuthorizationQuery("?scope=openid")).get("prompt")).toBeNull();
  });
});
