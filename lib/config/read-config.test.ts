import { describe, expect, it } from "vitest";
import { ok } from "@/lib/azure/params";
import { samplePublicConfig } from "@/lib/dev/test-support/public-config";
import type { ConfigProblem } from "./config-problem";
import { readConfig } from "./read-config";

const CLIENT = "11111111-2222-4333-8444-555555555555";
const env = (values: Record<string, string>): NodeJS.ProcessEnv => ({ NODE_ENV: "test", ...values });
const permalink = "/op/devops/sub-1/rg-1/conn-1/op-1";

const read = (values: Record<string, string>) => readConfig(env(values)).public;

function problems(values: Record<string, string>): ConfigProblem[] {
  const result = read(values);
  if (result.ok) throw new Error("expected problems");
  return result.error;
}

const variables = (values: Record<string, string>) => problems(values).map((p) => p.variable);

describe("readConfig: the public configuration", () => {
  it("needs only AZURE_CLIENT_ID for Entra ID, with the organizations authority by default", () => {
    // The shared fixture is that default configuration, so tests that read it start from what a deployment gets.
    expect(read({ AZURE_CLIENT_ID: samplePublicConfig.clientId })).toEqual(ok(samplePublicConfig));
  });

  it("reads whether and how far reads may run above the budgets, and names a bad setting", () => {
    const off = read({ AZURE_CLIENT_ID: CLIENT, OPWATCH_READ_HEADROOM: "OFF", OPWATCH_READ_HEADROOM_CEILING: "0.25" });
    expect(off.ok && off.value.readBudgets.headroom).toEqual({ enabled: false, ceilingShare: 0.25 });
    const on = read({ AZURE_CLIENT_ID: CLIENT, OPWATCH_READ_HEADROOM: "on" });
    expect(on.ok && on.value.readBudgets.headroom).toEqual({ enabled: true, ceilingShare: 0.5 });
    expect(problems({ AZURE_CLIENT_ID: CLIENT, OPWATCH_READ_HEADROOM: "true", OPWATCH_READ_HEADROOM_CEILING: "0.9" })).toEqual([
      expect.objectContaining({ variable: "OPWATCH_READ_HEADROOM", problem: "is neither on nor off." }),
      expect.objectContaining({ variable: "OPWATCH_READ_HEADROOM_CEILING", problem: "must be at most 0.8." }),
    ]);
    expect(problems({ AZURE_CLIENT_ID: CLIENT, OPWATCH_READ_HEADROOM_CEILING: "0.05" })[0]?.problem).toBe("must be at least 0.1.");
    expect(problems({ AZURE_CLIENT_ID: CLIENT, OPWATCH_READ_HEADROOM_CEILING: "half" })[0]?.problem).toBe("must be a share of Azure's own rate, such as 0.5.");
  });

  it("reads the read budgets, and names a bad one with its fix", () => {
    const result = read({ AZURE_CLIENT_ID: CLIENT, OPWATCH_ARM_READS_PER_SECOND: "2.5", OPWATCH_DEVCENTER_READ_BURST: "3" });
    expect(result.ok && result.value.readBudgets).toEqual({
      devops: { refillPerSecond: 2.5, capacity: 10 },
      devcenter: { refillPerSecond: 5, capacity: 3 },
      headroom: { enabled: true, ceilingShare: 0.5 },
    });
    expect(problems({ AZURE_CLIENT_ID: CLIENT, OPWATCH_ARM_READS_PER_SECOND: "30", OPWATCH_ARM_READ_BURST: "1.5" })).toEqual([
      expect.objectContaining({ variable: "OPWATCH_ARM_READS_PER_SECOND", problem: "must be at most 25 (ARM's whole refill)." }),
      expect.objectContaining({ variable: "OPWATCH_ARM_READ_BURST", problem: "must be a whole number of reads." }),
    ]);
    expect(problems({ AZURE_CLIENT_ID: CLIENT, OPWATCH_DEVCENTER_READS_PER_SECOND: "0" })[0]?.problem).toBe("must be more than 0.");
    expect(problems({ AZURE_CLIENT_ID: CLIENT, OPWATCH_DEVCENTER_READS_PER_SECOND: "fast" })[0]?.problem).toBe("must be a number of reads per second.");
  });

  it("reads discovery's settings: endpoints reduced to host[:port], each allowed, and the sweep's pace", () => {
    const result = read({
      AZURE_CLIENT_ID: CLIENT,
      DEVCENTER_ALLOWED_HOSTS: "*.devcenter.azure.com,http://127.0.0.1:4010",
      OPWATCH_DISCOVERY_ENDPOINTS: " https://T1-DC.westus3.devcenter.azure.com/ , http://127.0.0.1:4010,t1-dc.westus3.devcenter.azure.com",
      OPWATCH_DISCOVERY_INTERVAL_SECONDS: "30",
      OPWATCH_DISCOVERY_READS_PER_MINUTE: "20",
    });
    expect(result.ok && result.value).toMatchObject({
      discoveryEndpoints: ["t1-dc.westus3.devcenter.azure.com", "127.0.0.1:4010"],
      discovery: { intervalMs: 30_000, readsPerMinute: 20 },
    });
    expect(read({ AZURE_CLIENT_ID: CLIENT })).toMatchObject({ value: { discoveryEndpoints: [], discovery: { intervalMs: 30_000, readsPerMinute: 40 } } });
  });

  it("names a discovery endpoint the proxy would refuse, or one that is no endpoint, and bad paces", () => {
    expect(problems({ AZURE_CLIENT_ID: CLIENT, OPWATCH_DISCOVERY_ENDPOINTS: "a.devcenter.azure.com,dc.example.com,127.0.0.1:4010" })).toEqual([
      expect.objectContaining({
        variable: "OPWATCH_DISCOVERY_ENDPOINTS",
        problem: "entries 2, 3 are not allowed by DEVCENTER_ALLOWED_HOSTS: the proxy would refuse to read them.",
        fix: expect.stringContaining("DEVCENTER_ALLOWED_HOSTS") as unknown,
      }),
    ]);
    expect(problems({ AZURE_CLIENT_ID: CLIENT, OPWATCH_DISCOVERY_ENDPOINTS: "ftp://a.devcenter.azure.com,a.devcenter.azure.com/path" })[0]?.problem).toMatch(
      /^entries 1 and 2 are not DevCenter endpoints/,
    );
    expect(problems({ AZURE_CLIENT_ID: CLIENT, OPWATCH_DISCOVERY_INTERVAL_SECONDS: "5" })[0]?.problem).toBe("must be at least 10.");
    expect(problems({ AZURE_CLIENT_ID: CLIENT, OPWATCH_DISCOVERY_INTERVAL_SECONDS: "1.5" })[0]?.problem).toBe("must be a whole number of seconds.");
    expect(problems({ AZURE_CLIENT_ID: CLIENT, OPWATCH_DISCOVERY_READS_PER_MINUTE: "301" })[0]?.problem).toBe("must be at most 300.");
    // A bad allow-list is the proxy's problem, named once.
    expect(variables({ AZURE_CLIENT_ID: CLIENT, DEVCENTER_ALLOWED_HOSTS: "ftp://x", OPWATCH_DISCOVERY_ENDPOINTS: "a.devcenter.azure.com" })).toEqual([
      "DEVCENTER_ALLOWED_HOSTS",
    ]);
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
      demoOperations: [{ permalink }, { permalink: "/op/devcenter/127.0.0.1%3A4010/proj-1/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" }],
    });
  });

  it("trusts the OIDC authority's own host when AZURE_KNOWN_AUTHORITIES is unset", () => {
    const result = read({ AZURE_CLIENT_ID: "local-client", AZURE_AUTHORITY: "https://localhost:4543/", AZURE_AUTH_PROTOCOL: "OIDC" });
    expect(result.ok && result.value.knownAuthorities).toEqual(["localhost:4543"]);
    expect(result.ok && result.value.clientId).toBe("local-client");
  });

  it("treats blank values as unset and trims the others", () => {
    const result = read({ AZURE_CLIENT_ID: ` ${CLIENT} `, AZURE_AUTHORITY: "  ", AZURE_REDIRECT_URI: "", DEVCENTER_ALLOWED_HOSTS: " " });
    expect(result.ok && result.value).toMatchObject({
      clientId: CLIENT,
      authority: "https://login.microsoftonline.com/organizations",
      redirectUri: null,
      devcenterAllowedHosts: "*.devcenter.azure.com",
    });
  });

  it("names a missing or malformed client id", () => {
    expect(variables({})).toEqual(["AZURE_CLIENT_ID"]);
    expect(variables({ AZURE_CLIENT_ID: "   " })).toEqual(["AZURE_CLIENT_ID"]);
    expect(problems({})[0]?.problem).toBe("is not set: opwatch cannot sign anyone in without it.");
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
    expect(problems({ AZURE_CLIENT_ID: CLIENT, AZURE_AUTH_PROTOCOL: "saml" })[0]?.problem).toBe("is neither AAD nor OIDC.");
  });

  it("refuses known authorities that are not hosts or leave out the OIDC authority", () => {
    const base = { AZURE_CLIENT_ID: CLIENT, AZURE_AUTHORITY: "https://localhost:4443", AZURE_AUTH_PROTOCOL: "OIDC" };
    expect(variables({ ...base, AZURE_KNOWN_AUTHORITIES: "https://localhost:4443" })).toContain("AZURE_KNOWN_AUTHORITIES");
    expect(problems({ ...base, AZURE_KNOWN_AUTHORITIES: "localhost:9999" })[0]?.problem).toBe("does not include the host of AZURE_AUTHORITY.");
    expect(problems({ ...base, AZURE_KNOWN_AUTHORITIES: "localhost:1,https://x,y/z" })[0]?.problem).toBe(
      "entries 2 and 3 are not host names (no scheme or path).",
    );
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

  it("reads demo operations given as JSON, each alone or with the label it is watched under (commas and all)", () => {
    const devcenter = "/op/devcenter/127.0.0.1:4010/proj-1/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    const value = JSON.stringify([
      { permalink, label: " Nested operations: Succeeded, Failed and InProgress " },
      devcenter,
      { permalink: "/op/devops/sub-1/rg-1/conn-1/op-2", label: "  " },
    ]);
    const result = read({ AZURE_CLIENT_ID: CLIENT, OPWATCH_DEMO_OPERATIONS: value });
    expect(result.ok && result.value.demoOperations).toEqual([
      { permalink, label: "Nested operations: Succeeded, Failed and InProgress" },
      { permalink: "/op/devcenter/127.0.0.1%3A4010/proj-1/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" },
      { permalink: "/op/devops/sub-1/rg-1/conn-1/op-2" },
    ]);
  });

  it.each([
    ['[{"permalink": "/op/devops/sub/rg/conn/op", "label": "cut off"', "is not valid JSON: give a JSON array of permalink paths"],
    ['{"permalink": "/op/devops/sub/rg/conn/op"}', "is JSON, but is not an array."],
    ['[{"permalink": "/op/devops/sub/rg/conn/op", "label": 3}]', 'is JSON, but entry 1 is neither a permalink path nor an object {"permalink", "label"}.'],
    ['["/op/devops/sub/rg/conn/op", {"path": "/op/devops/sub/rg/conn/op"}]', "is JSON, but entry 2 is neither"],
    ['[{"permalink": "/op/devops/sub/rg"}]', "entry 1 is not a permalink path: a devops operation path has 4 segments"],
  ])("refuses demo operations %s in JSON with a clear reason that does not repeat the value", (value, message) => {
    const found = problems({ AZURE_CLIENT_ID: CLIENT, OPWATCH_DEMO_OPERATIONS: value });
    expect(found.map((p) => p.variable)).toEqual(["OPWATCH_DEMO_OPERATIONS"]);
    expect(found[0]?.problem).toContain(message);
    expect(found[0]?.problem).not.toContain("cut off");
  });

  it("names each bad demo operation", () => {
    expect(variables({ AZURE_CLIENT_ID: CLIENT, OPWATCH_DEMO_OPERATIONS: "/a,/b" })).toEqual([
      "OPWATCH_DEMO_OPERATIONS",
      "OPWATCH_DEMO_OPERATIONS",
    ]);
  });

  it("passes the raw DevCenter allow-list through and reports a broken proxy setting by name", () => {
    expect(read({ AZURE_CLIENT_ID: CLIENT, DEVCENTER_ALLOWED_HOSTS: "http://127.0.0.1:4010" })).toMatchObject({
      ok: true,
      value: { devcenterAllowedHosts: "http://127.0.0.1:4010" },
    });
    const [bad] = problems({ AZURE_CLIENT_ID: CLIENT, DEVCENTER_ALLOWED_HOSTS: "ftp://x" });
    expect(bad?.variable).toBe("DEVCENTER_ALLOWED_HOSTS");
    expect(bad?.problem).toMatch(/^entry 1 is neither/);
  });

  it("reports every problem at once", () => {
    expect(variables({ AZURE_AUTHORITY: "http://x", AZURE_REDIRECT_URI: "ftp://y", AZURE_AUTH_PROTOCOL: "x" })).toEqual([
      "AZURE_AUTH_PROTOCOL",
      "AZURE_CLIENT_ID",
      "AZURE_AUTHORITY",
      "AZURE_REDIRECT_URI",
    ]);
  });

  it("checks rules that join two variables even when another variable is wrong", () => {
    expect(variables({ AZURE_AUTHORITY: "https://login.microsoftonline.com", PROXY_TIMEOUT_MS: "x" })).toEqual([
      "AZURE_CLIENT_ID",
      "AZURE_AUTHORITY",
      "PROXY_TIMEOUT_MS",
    ]);
    expect(
      variables({
        AZURE_AUTH_PROTOCOL: "OIDC",
        AZURE_AUTHORITY: "https://localhost:4443",
        AZURE_KNOWN_AUTHORITIES: "localhost:1",
        AZURE_REDIRECT_URI: "ftp://y",
      }),
    ).toEqual(["AZURE_CLIENT_ID", "AZURE_KNOWN_AUTHORITIES", "AZURE_REDIRECT_URI"]);
  });

  it("lists a joining rule's problem next to its variable, in the schema's order", () => {
    // The client id's format depends on the protocol, so its rule runs after the redirect URI's own rule.
    expect(variables({ AZURE_CLIENT_ID: "my-app", AZURE_REDIRECT_URI: "ftp://y" })).toEqual(["AZURE_CLIENT_ID", "AZURE_REDIRECT_URI"]);
  });

  it("checks an unreadable protocol's client id as Entra ID's", () => {
    expect(variables({ AZURE_AUTH_PROTOCOL: "saml", AZURE_CLIENT_ID: "my-app" })).toEqual(["AZURE_AUTH_PROTOCOL", "AZURE_CLIENT_ID"]);
  });
});

describe("readConfig: the proxy's configuration", () => {
  const proxy = (values: Record<string, string>) => readConfig(env(values)).proxy;
  const proxyProblems = (values: Record<string, string>) => {
    const result = proxy(values);
    if (result.ok) throw new Error("expected problems");
    return result.error;
  };

  it("defaults to Azure's endpoints, a 30 s timeout and limits well above one dashboard's reads", () => {
    expect(proxy({})).toEqual(
      ok({
        armEndpoint: "https://management.azure.com",
        devcenterAllowList: [{ scheme: "https", host: "*.devcenter.azure.com", port: undefined }],
        timeoutMs: 30_000,
        limits: { perClient: { refillPerSecond: 150, capacity: 300 }, maxInFlight: 256 },
        trustedProxyHops: 0,
      }),
    );
  });

  it("reads the proxy's limits and the number of trusted proxies", () => {
    const result = proxy({
      OPWATCH_PROXY_RATE_PER_CLIENT: "12.5",
      OPWATCH_PROXY_BURST_PER_CLIENT: "40",
      OPWATCH_PROXY_MAX_IN_FLIGHT: "8",
      OPWATCH_TRUSTED_PROXY_HOPS: "2",
    });
    expect(result.ok && result.value).toMatchObject({
      limits: { perClient: { refillPerSecond: 12.5, capacity: 40 }, maxInFlight: 8 },
      trustedProxyHops: 2,
    });
  });

  it("reads the simulator's settings", () => {
    expect(
      proxy({ AZURE_ARM_ENDPOINT: "http://127.0.0.1:4010/", DEVCENTER_ALLOWED_HOSTS: "http://127.0.0.1:4010", PROXY_TIMEOUT_MS: "5000" }),
    ).toMatchObject(
      ok({
        armEndpoint: "http://127.0.0.1:4010",
        devcenterAllowList: [{ scheme: "http", host: "127.0.0.1", port: "4010" }],
        timeoutMs: 5000,
      }),
    );
  });

  it("keeps serving when sign-in is misconfigured, while the page lists the proxy's problems too", () => {
    expect(proxy({ AZURE_AUTH_PROTOCOL: "saml" }).ok).toBe(true);
    expect(proxyProblems({ AZURE_AUTH_PROTOCOL: "saml", PROXY_TIMEOUT_MS: "5" }).map((p) => p.variable)).toEqual(["PROXY_TIMEOUT_MS"]);
    expect(variables({ AZURE_AUTH_PROTOCOL: "saml", PROXY_TIMEOUT_MS: "5" })).toEqual([
      "AZURE_AUTH_PROTOCOL",
      "AZURE_CLIENT_ID",
      "PROXY_TIMEOUT_MS",
    ]);
  });

  it.each([
    [{ AZURE_ARM_ENDPOINT: "ftp://management.azure.com" }, "must be an absolute URL starting with https:// (or http:// for a loopback host)."],
    [{ AZURE_ARM_ENDPOINT: "http://management.azure.com" }, "uses plain http:// for a host that is not loopback"],
    [{ AZURE_ARM_ENDPOINT: "http://10.0.0.5:4010" }, "must be https://"],
    [{ AZURE_ARM_ENDPOINT: "http://localhost.example.com" }, "must be https://"],
    [{ AZURE_ARM_ENDPOINT: "https://management.azure.com/subscriptions" }, "must be an origin"],
    [{ AZURE_ARM_ENDPOINT: "https://user:pw@management.azure.com" }, "credentials"],
    [{ DEVCENTER_ALLOWED_HOSTS: "," }, "is empty"],
    [{ DEVCENTER_ALLOWED_HOSTS: "http://0x7f.1:4010" }, "entry 1 is neither"],
    [{ DEVCENTER_ALLOWED_HOSTS: "*.devcenter.azure.com,http://devcenter.example.com" }, "entry 2 is a plain http:// origin for a host that is not loopback"],
    [{ OPWATCH_PROXY_RATE_PER_CLIENT: "0" }, "must be more than 0."],
    [{ OPWATCH_PROXY_RATE_PER_CLIENT: "fast" }, "must be a number of requests per second."],
    [{ OPWATCH_PROXY_BURST_PER_CLIENT: "2.5" }, "must be a whole number of requests."],
    [{ OPWATCH_PROXY_BURST_PER_CLIENT: "1000001" }, "must be at most 1000000."],
    [{ OPWATCH_PROXY_MAX_IN_FLIGHT: "0" }, "must be at least 1."],
    [{ OPWATCH_TRUSTED_PROXY_HOPS: "yes" }, "must be a whole number of proxies."],
    [{ OPWATCH_TRUSTED_PROXY_HOPS: "-1" }, "must be at least 0."],
    [{ OPWATCH_TRUSTED_PROXY_HOPS: "6" }, "must be at most 5."],
    [{ PROXY_TIMEOUT_MS: "soon" }, "must be a number of milliseconds."],
    [{ PROXY_TIMEOUT_MS: "1.5" }, "must be a whole number of milliseconds."],
    [{ PROXY_TIMEOUT_MS: "99" }, "must be at least 100."],
    [{ PROXY_TIMEOUT_MS: "300001" }, "must be at most 300000."],
  ])("refuses %o", (values, message) => {
    const found = proxyProblems(values);
    expect(found.map((p) => p.variable)).toEqual(Object.keys(values));
    expect(found[0]?.problem).toContain(message);
  });

  it("names each bad entry of the allow-list", () => {
    const found = proxyProblems({ DEVCENTER_ALLOWED_HOSTS: "ftp://a, *.devcenter.azure.com, http://b/path" });
    expect(found.map((p) => p.problem)).toEqual([expect.stringMatching(/^entry 1 is neither/), expect.stringMatching(/^entry 3 is neither/)]);
  });

  it.each(["http://localhost:4010", "http://127.0.0.1:4010", "http://127.8.9.10", "http://[::1]:4010", "HTTP://LOCALHOST:4010"])(
    "allows plain http for the loopback origin %s",
    (origin) => {
      expect(proxy({ AZURE_ARM_ENDPOINT: origin, DEVCENTER_ALLOWED_HOSTS: origin }).ok).toBe(true);
    },
  );
});
