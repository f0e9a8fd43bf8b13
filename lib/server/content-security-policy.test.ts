import { describe, expect, it } from "vitest";
import { fail, ok } from "@/lib/azure/params";
import type { PublicConfig } from "@/lib/config/public-config";
import {
  REDIRECT_BRIDGE_PATH,
  createNonce,
  pageContentSecurityPolicy,
  pageSecurityHeaders,
  servedOverHttps,
  signInOrigins,
  transportSecurityHeaders,
} from "./content-security-policy";

type SignIn = Pick<PublicConfig, "authority" | "protocol" | "knownAuthorities">;

const entra: SignIn = { authority: "https://login.microsoftonline.com/organizations", protocol: "AAD", knownAuthorities: [] };
const localOidc: SignIn = { authority: "https://localhost:4543", protocol: "OIDC", knownAuthorities: ["localhost:4543"] };

/** The policy as directive name → sources, so each test reads one directive. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name = "", ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
}

const policyFor = (overrides: Partial<Parameters<typeof pageContentSecurityPolicy>[0]> = {}) =>
  directives(pageContentSecurityPolicy({ nonce: "abc123==", connectOrigins: [], dev: false, https: false, ...overrides }));

describe("createNonce", () => {
  it("is 16 random bytes in base64, the form Next reads back from the request header", () => {
    const nonce = createNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(atob(nonce)).toHaveLength(16);
  });

  it("differs on every call", () => {
    const nonces = new Set(Array.from({ length: 200 }, () => createNonce()));
    expect(nonces.size).toBe(200);
  });

  it("encodes exactly the bytes its source gives", () => {
    expect(createNonce((bytes) => bytes.fill(0xff))).toBe("/////////////////////w==");
  });
});

describe("signInOrigins", () => {
  it("Entra's default authority: its own origin, which is also where instance discovery lives", () => {
    expect(signInOrigins(ok(entra))).toEqual(["https://login.microsoftonline.com"]);
  });

  it("the local OpenID server: the authority's origin once, though it is also a known authority", () => {
    expect(signInOrigins(ok(localOidc))).toEqual(["https://localhost:4543"]);
  });

  it("an Entra authority on another host that MSAL must look up adds Entra's instance discovery", () => {
    const sovereign: SignIn = { authority: "https://login.example-cloud.test/tenant", protocol: "AAD", knownAuthorities: [] };
    expect(signInOrigins(ok(sovereign))).toEqual(["https://login.example-cloud.test", "https://login.microsoftonline.com"]);
  });

  it("an Entra authority listed as known is trusted without discovery", () => {
    const b2c: SignIn = { authority: "https://contoso.b2clogin.com/contoso.onmicrosoft.com/b2c_1_signin", protocol: "AAD", knownAuthorities: ["contoso.b2clogin.com"] };
    expect(signInOrigins(ok(b2c))).toEqual(["https://contoso.b2clogin.com"]);
  });

  it("every known authority host becomes an https origin, with its port", () => {
    const config: SignIn = { authority: "https://id.example.test", protocol: "OIDC", knownAuthorities: ["id.example.test", "tokens.example.test:8443", "Keys.Example.Test:443"] };
    expect(signInOrigins(ok(config))).toEqual(["https://id.example.test", "https://tokens.example.test:8443", "https://keys.example.test"]);
  });

  it("a known authority that is not exactly a host cannot smuggle a source or a directive in", () => {
    const config: SignIn = {
      authority: "https://id.example.test",
      protocol: "OIDC",
      knownAuthorities: ["evil.test; script-src *", "a.test/path", "user@b.test", "*"],
    };
    expect(signInOrigins(ok(config))).toEqual(["https://id.example.test"]);
  });

  it("without a valid configuration there is no sign-in, so no origin", () => {
    expect(signInOrigins(fail([{ variable: "AZURE_CLIENT_ID" }]))).toEqual([]);
  });
});

describe("pageContentSecurityPolicy", () => {
  it("runs only Next's nonced scripts and what they load, and no eval in production", () => {
    expect(policyFor().get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
  });

  it("allows eval under next dev, where React's dev tooling needs it", () => {
    expect(policyFor({ dev: true }).get("script-src")).toContain("'unsafe-eval'");
  });

  it("connects only to the app and the sign-in origins", () => {
    expect(policyFor({ connectOrigins: ["https://localhost:4543"] }).get("connect-src")).toEqual(["'self'", "https://localhost:4543"]);
    expect(policyFor().get("connect-src")).toEqual(["'self'"]);
  });

  it("closes framing, plugins, base rewriting and foreign form targets", () => {
    const policy = policyFor();
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("frame-src")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
  });

  it("lets styles, images and fonts come only from the app (inline styles, data: images)", () => {
    const policy = policyFor();
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:"]);
    expect(policy.get("font-src")).toEqual(["'self'"]);
  });

  it("upgrades plain-http subresources only when served over https", () => {
    expect(policyFor({ https: true }).has("upgrade-insecure-requests")).toBe(true);
    expect(policyFor({ https: false }).has("upgrade-insecure-requests")).toBe(false);
  });

  it("is one header line: directives separated by '; ', no line breaks", () => {
    const policy = pageContentSecurityPolicy({ nonce: "n", connectOrigins: ["https://a.test"], dev: true, https: true });
    expect(policy).not.toMatch(/[\r\n]|;;|; $/);
  });
});

describe("servedOverHttps", () => {
  const http = "http:";
  it.each([
    ["https URL", "https:", null, true],
    ["http, no forwarded proto", http, null, false],
    ["TLS front end says https", http, "https", true],
    ["first hop counts, case-insensitively", http, "HTTPS, http", true],
    ["forwarded http", http, "http", false],
    ["a look-alike value", http, "https-ish", false],
  ])("%s", (_name, protocol, forwarded, expected) => {
    expect(servedOverHttps(protocol, forwarded)).toBe(expected);
  });
});

describe("pageSecurityHeaders", () => {
  const base = { nonce: "n", connectOrigins: [], dev: false };

  it("a page over https: CSP, COOP same-origin and HSTS", () => {
    const headers = pageSecurityHeaders({ ...base, pathname: "/op/devops/a/b/c/d", https: true });
    expect(Object.keys(headers).sort()).toEqual(["Content-Security-Policy", "Cross-Origin-Opener-Policy", "Strict-Transport-Security"]);
    expect(headers["Cross-Origin-Opener-Policy"]).toBe("same-origin");
    expect(headers["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
  });

  it("no HSTS over plain http", () => {
    expect(pageSecurityHeaders({ ...base, pathname: "/", https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(transportSecurityHeaders(false)).toEqual({});
  });

  it("the redirect bridge carries no COOP, which would cut it off from the window that asked (Microsoft's MSAL v5 guide)", () => {
    const headers = pageSecurityHeaders({ ...base, pathname: REDIRECT_BRIDGE_PATH, https: true });
    expect(headers).not.toHaveProperty("Cross-Origin-Opener-Policy");
    expect(headers["Content-Security-Policy"]).toContain("'nonce-n'");
  });
});
