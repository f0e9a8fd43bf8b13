import { describe, expect, it } from "vitest";
import { fail, ok } from "@/lib/azure/params";
import { readProxyEnv } from "./env";
import { readPublicConfig, type ConfigProblem } from "./auth-config";

const CLIENT = "11111111-2222-4333-8444-555555555555";
const env = (values: Record<string, string>) => values as NodeJS.ProcessEnv;
const goodProxy = readProxyEnv(env({}));
const permalink = "/op/devops/sub-1/rg-1/conn-1/op-1";

function read(values: Record<string, string>, proxy = goodProxy) {
  return readPublicConfig(env(values), proxy);
}

function problems(env: Record<string, string>, proxy = goodProxy): ConfigProblem[] {
  const result = read(env, proxy);
  if (result.ok) throw new Error("expected problems");
  return result.error;
}

const variables = (env: Record<string, string>, proxy = goodProxy) => problems(env, proxy).map((p) => p.variable);

describe("readPublicConfig", () => {
  it("needs only AZURE_CLIENT_ID for Entra ID, with the organizations authority by default", () => {
    expect(read({ AZURE_CLIENT_ID: CLIENT })).toEqual(
      ok({
        clientId: CLIENT,
        authority: "https://login.microsoftonline.com/organizations",
        protocol: "AAD",
        knownAuthorities: [],
        redirectUri: null,
        demoOperations: [],
        devcenterAllowedHosts: "*.devcenter.azure.com",
      }),
    );
  });

  it("reads the local sign-in server's settings", () => {
    const result = read({
      AZURE_CLIENT_ID: "0a1c0000-0000-4000-8000-00000000a11c",
      AZURE_AUTHORITY: "https://localhost:4443",
      AZURE_AUTH_PROTOCOL: "oidc",
      AZURE_KNOWN_AUTHORITIES: "localhost:4443, Other.Example:8443",
      AZURE_REDIRECT_URI: "http://localhost:3000",
      OPWATCH_DEMO_OPERATIONS: ` ${permalink} ,/op/devcenter/127.0.0.1:4010/proj-1/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee,`,
    });
    expect(result.ok && result.value).toMatchObject({
      authority: "https://localhost:4443",
      protocol: "OIDC",
      knownAuthorities: ["localhost:4443", "other.example:8443"],
      redirectUri: "http://localhost:3000/",
      // Kept in the canonical form permalinkPath gives them.
      demoOperations: [permalink, "/op/devcenter/127.0.0.1%3A4010/proj-1/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"],
    });
  });

  it("trusts the OIDC authority's own host when AZURE_KNOWN_AUTHORITIES is unset", () => {
    const result = read({ AZURE_CLIENT_ID: "local-client", AZURE_AUTHORITY: "https://localhost:4543/", AZURE_AUTH_PROTOCOL: "OIDC" });
    expect(result.ok && result.value.knownAuthorities).toEqual(["localhost:4543"]);
    expect(result.ok && result.value.clientId).toBe("local-client");
  });

  it("names a missing or malformed client id", () => {
    expect(variables({})).toEqual(["AZURE_CLIENT_ID"]);
    expect(variables({ AZURE_CLIENT_ID: "   " })).toEqual(["AZURE_CLIENT_ID"]);
    const [bad] = problems({ AZURE_CLIENT_ID: "my-app" });
    expect(bad?.problem).toContain("is not a GUID");
    expect(bad?.fix).toContain("Application (client) ID");
    expect(variables({ AZURE_CLIENT_ID: "has space", AZURE_AUTH_PROTOCOL: "OIDC", AZURE_AUTHORITY: "https://localhost:1" })).toEqual([
      "AZURE_CLIENT_ID",
    ]);
  });

  it.each([
    ["http://login.microsoftonline.com/organizations", "https://"],
    ["not a url", "is not a URL"],
    ["https://login.microsoftonline.com/organizations?x=1", "query"],
    ["https://user:pw@login.microsoftonline.com/organizations", "credentials"],
    ["https://login.microsoftonline.com", "names no tenant"],
  ])("refuses the authority %s", (authority, message) => {
    const found = problems({ AZURE_CLIENT_ID: CLIENT, AZURE_AUTHORITY: authority });
    expect(found.map((p) => p.variable)).toEqual(["AZURE_AUTHORITY"]);
    expect(found[0]?.problem).toContain(message);
  });

  it("refuses an unknown protocol", () => {
    expect(variables({ AZURE_CLIENT_ID: CLIENT, AZURE_AUTH_PROTOCOL: "saml" })).toEqual(["AZURE_AUTH_PROTOCOL"]);
  });

  it("refuses known authorities that are not hosts or leave out the OIDC authority", () => {
    const base = { AZURE_CLIENT_ID: CLIENT, AZURE_AUTHORITY: "https://localhost:4443", AZURE_AUTH_PROTOCOL: "OIDC" };
    expect(variables({ ...base, AZURE_KNOWN_AUTHORITIES: "https://localhost:4443" })).toContain("AZURE_KNOWN_AUTHORITIES");
    expect(problems({ ...base, AZURE_KNOWN_AUTHORITIES: "localhost:9999" })[0]?.problem).toContain('"localhost:4443"');
  });

  it.each([
    ["http://opwatch.example.com/", "https"],
    ["/relative", "absolute"],
    ["https://opwatch.example.com/#x", "fragment"],
  ])("refuses the redirect URI %s", (uri, message) => {
    const found = problems({ AZURE_CLIENT_ID: CLIENT, AZURE_REDIRECT_URI: uri });
    expect(found.map((p) => p.variable)).toEqual(["AZURE_REDIRECT_URI"]);
    expect(found[0]?.problem).toContain(message);
  });

  it("accepts https redirect URIs with a path, keeping them exact", () => {
    const result = read({ AZURE_CLIENT_ID: CLIENT, AZURE_REDIRECT_URI: "https://opwatch.example.com/app/" });
    expect(result.ok && result.value.redirectUri).toBe("https://opwatch.example.com/app/");
  });

  it.each([
    ["/api/devops/sub/rg/conn/op", "permalink path"],
    ["/op/devops/sub/rg", "segments"],
    ["/op/devcenter/127.0.0.1:4010/proj-1/not-a-guid", "operationId"],
  ])("names the bad demo operation %s", (entry, message) => {
    const found = problems({ AZURE_CLIENT_ID: CLIENT, OPWATCH_DEMO_OPERATIONS: `${permalink},${entry}` });
    expect(found.map((p) => p.variable)).toEqual(["OPWATCH_DEMO_OPERATIONS"]);
    expect(found[0]?.problem).toContain(message);
  });

  it("passes the raw DevCenter allow-list through and reports a broken proxy setting by name", () => {
    const proxy = readProxyEnv(env({ DEVCENTER_ALLOWED_HOSTS: "http://127.0.0.1:4010" }));
    expect(read({ AZURE_CLIENT_ID: CLIENT }, proxy)).toMatchObject({ ok: true, value: { devcenterAllowedHosts: "http://127.0.0.1:4010" } });
    const [bad] = problems({ AZURE_CLIENT_ID: CLIENT }, readProxyEnv(env({ DEVCENTER_ALLOWED_HOSTS: "ftp://x" })));
    expect(bad?.variable).toBe("DEVCENTER_ALLOWED_HOSTS");
    expect(bad?.problem).toMatch(/^entry "ftp:\/\/x" is neither/);
    expect(variables({ AZURE_CLIENT_ID: CLIENT }, fail("something odd"))).toEqual(["Proxy settings"]);
  });

  it("reports every problem at once", () => {
    expect(variables({ AZURE_AUTHORITY: "http://x", AZURE_REDIRECT_URI: "ftp://y", AZURE_AUTH_PROTOCOL: "x" })).toEqual([
      "AZURE_AUTH_PROTOCOL",
      "AZURE_CLIENT_ID",
      "AZURE_AUTHORITY",
      "AZURE_REDIRECT_URI",
    ]);
  });
});
