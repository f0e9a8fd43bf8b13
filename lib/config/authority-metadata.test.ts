import { describe, expect, it } from "vitest";
import { signInOrigins } from "@/lib/server/content-security-policy";
import { localAppEnv, localSigninMetadata } from "@/lib/dev/local-app-env";
import { METADATA_URL_FIELDS, offOriginProblem, parseAuthorityMetadata } from "./authority-metadata";
import type { ConfigProblem } from "./config-problem";
import { readConfig } from "./read-config";

const CLIENT = "11111111-2222-4333-8444-555555555555";
const read = (values: Record<string, string>) => readConfig({ NODE_ENV: "test", ...values }).public;

function problems(values: Record<string, string>): ConfigProblem[] {
  const result = read(values);
  if (result.ok) throw new Error("expected problems");
  return result.error;
}

describe("readConfig: the OIDC authority's metadata (AZURE_AUTHORITY_METADATA)", () => {
  const LOCAL = { AZURE_CLIENT_ID: CLIENT, AZURE_AUTH_PROTOCOL: "OIDC", AZURE_AUTHORITY: "https://localhost:4443" };
  const metadata = localSigninMetadata("https://localhost:4443");
  const withMetadata = (doc: unknown) => ({ ...LOCAL, AZURE_AUTHORITY_METADATA: JSON.stringify(doc) });

  it("reads the local stack's settings, the local server's endpoints among them", () => {
    const env = localAppEnv({ appOrigin: "http://localhost:3000", simulatorOrigin: "http://127.0.0.1:4010", issuer: "https://localhost:4443" });
    const result = read(env);
    expect(result.ok && result.value).toMatchObject({ authorityMetadata: metadata, signInServerOnThisMachine: true });
  });

  it("keeps only the fields MSAL reads from a whole discovery document", () => {
    const doc = { ...metadata, scopes_supported: ["openid"], code_challenge_methods_supported: ["S256"] };
    const result = read(withMetadata(doc));
    expect(result.ok && result.value.authorityMetadata).toEqual(metadata);
  });

  it("takes a document without end_session_endpoint, or with it null", () => {
    const { end_session_endpoint: _, ...rest } = metadata;
    expect(read(withMetadata(rest)).ok).toBe(true);
    const result = read(withMetadata({ ...rest, end_session_endpoint: null }));
    expect(result.ok && result.value.authorityMetadata).toEqual(rest);
  });

  it("is null when unset, and then MSAL discovers the endpoints itself", () => {
    expect(read(LOCAL)).toMatchObject({ ok: true, value: { authorityMetadata: null, signInServerOnThisMachine: true } });
  });

  it.each([
    ["not json", "is not a JSON object"],
    ["[1,2]", "is not a JSON object"],
    ["null", "is not a JSON object"],
    [JSON.stringify({ issuer: "https://localhost:4443" }), "lacks authorization_endpoint, token_endpoint and jwks_uri."],
    [JSON.stringify({ ...metadata, jwks_uri: undefined }), "lacks jwks_uri."],
    [JSON.stringify({ ...metadata, token_endpoint: "http://localhost:4443/token" }), "token_endpoint does not start with https://."],
    [JSON.stringify({ ...metadata, token_endpoint: 42 }), "token_endpoint is not a URL."],
    [JSON.stringify({ ...metadata, authorization_endpoint: "/auth" }), "authorization_endpoint is not a URL."],
    [JSON.stringify({ ...metadata, end_session_endpoint: "https://u:p@localhost:4443/x" }), "end_session_endpoint must not contain credentials or a fragment."],
  ])("refuses the metadata %s", (value, message) => {
    const found = problems({ ...LOCAL, AZURE_AUTHORITY_METADATA: value });
    expect(found.map((p) => p.variable)).toEqual(["AZURE_AUTHORITY_METADATA"]);
    expect(found[0]?.problem).toContain(message);
  });

  it("names every field that is not on the authority's origin, in one problem", () => {
    const found = problems(
      withMetadata({ ...metadata, token_endpoint: "https://localhost:4444/token", jwks_uri: "https://other.example/jwks" }),
    );
    expect(found).toEqual([
      expect.objectContaining({
        variable: "AZURE_AUTHORITY_METADATA",
        problem: "token_endpoint and jwks_uri are not on the origin of AZURE_AUTHORITY (MSAL may call only there).",
      }),
    ]);
    expect(problems(withMetadata({ ...metadata, issuer: "https://127.0.0.1:4443" }))[0]?.problem).toMatch(/^issuer is not on the origin/);
  });

  it("is only for an OIDC authority: Entra ID's endpoints come with MSAL", () => {
    const found = problems({ AZURE_CLIENT_ID: CLIENT, AZURE_AUTHORITY_METADATA: JSON.stringify(metadata) });
    expect(found.map((p) => p.variable)).toEqual(["AZURE_AUTHORITY_METADATA"]);
    expect(found[0]?.problem).toContain("AZURE_AUTH_PROTOCOL=OIDC");
  });

  it("says an authority is on this machine only for OIDC on a loopback host", () => {
    const onThisMachine = (values: Record<string, string>) => {
      const result = read(values);
      return result.ok && result.value.signInServerOnThisMachine;
    };
    expect(onThisMachine({ ...LOCAL, AZURE_AUTHORITY: "https://127.0.0.1:4543" })).toBe(true);
    expect(onThisMachine({ ...LOCAL, AZURE_AUTHORITY: "https://id.example.com" })).toBe(false);
    expect(onThisMachine({ ...LOCAL, AZURE_AUTHORITY: "https://localhost.example.com" })).toBe(false);
    expect(onThisMachine({ AZURE_CLIENT_ID: CLIENT, AZURE_AUTHORITY: "https://localhost:4443/tenant" })).toBe(false);
  });
});

describe("AZURE_AUTHORITY_METADATA and the page's Content-Security-Policy", () => {
  it("accepts only endpoints the page lets MSAL fetch from (connect-src)", () => {
    const env = localAppEnv({ appOrigin: "http://localhost:3000", simulatorOrigin: "http://127.0.0.1:4010", issuer: "https://localhost:4443" });
    const config = readConfig({ NODE_ENV: "test", ...env }).public;
    if (!config.ok || !config.value.authorityMetadata) throw new Error("expected the local stack's metadata");
    const allowed = signInOrigins(config);
    for (const field of METADATA_URL_FIELDS) {
      const value = config.value.authorityMetadata[field];
      expect(value, field).toBeDefined();
      expect(allowed, field).toContain(new URL(value ?? "").origin);
    }
  });
});

describe("parseAuthorityMetadata", () => {
  it("reports every bad field at once, each by name", () => {
    const result = parseAuthorityMetadata(
      JSON.stringify({ ...localSigninMetadata("https://localhost:4443"), token_endpoint: "ftp://x/token", jwks_uri: "https://localhost:4443/jwks#k" }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((p) => p.message)).toEqual([
      "token_endpoint does not start with https://.",
      "jwks_uri must not contain credentials or a fragment.",
    ]);
    expect(result.error[0]?.detail).toBe('token_endpoint is "ftp://x/token".');
  });
});

describe("offOriginProblem", () => {
  it("compares origins, so a default port written out is the same origin", () => {
    const metadata = localSigninMetadata("https://id.example.com");
    expect(offOriginProblem({ ...metadata, token_endpoint: "https://id.example.com:443/token" }, "https://id.example.com")).toBeUndefined();
    expect(offOriginProblem(metadata, "https://id.example.com:8443")?.message).toBe(
      "issuer, authorization_endpoint, token_endpoint, jwks_uri and end_session_endpoint are not on the origin of AZURE_AUTHORITY (MSAL may call only there).",
    );
  });
});
