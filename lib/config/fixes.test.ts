import { describe, expect, it } from "vitest";
import { localSigninMetadata } from "@/lib/dev/local-app-env";
import { FIXES } from "./fixes";
import { discoveryGroup, operatingGroup, proxyGroup, readBudgetGroup, signInGroup } from "./groups";
import { readConfig } from "./read-config";
import { CONFIG_VARIABLES, configSchema, type ConfigVariable } from "./schema";

/**
 * The fix-it text must follow the variable the problem is about: each variable's own rules, and each rule that joins
 * two variables, report under that variable, and the page shows that variable's fix. A rule that reports under the
 * wrong name, a fix filed under the wrong key, or a new variable without a case here fails these tests.
 */

const CLIENT = "11111111-2222-4333-8444-555555555555";
const OIDC = { AZURE_AUTH_PROTOCOL: "OIDC", AZURE_AUTHORITY: "https://localhost:4443" };

/** One environment per rule, valid except for the one variable named. */
const BAD_VALUES: readonly (readonly [ConfigVariable, Record<string, string>])[] = [
  ["AZURE_AUTH_PROTOCOL", { AZURE_CLIENT_ID: CLIENT, AZURE_AUTH_PROTOCOL: "saml" }],
  ["AZURE_CLIENT_ID", {}],
  ["AZURE_CLIENT_ID", { AZURE_CLIENT_ID: "my-app" }],
  ["AZURE_CLIENT_ID", { ...OIDC, AZURE_CLIENT_ID: "has space" }],
  ["AZURE_AUTHORITY", { AZURE_CLIENT_ID: CLIENT, AZURE_AUTHORITY: "http://login.microsoftonline.com/organizations" }],
  ["AZURE_AUTHORITY", { AZURE_CLIENT_ID: CLIENT, AZURE_AUTHORITY: "https://login.microsoftonline.com" }],
  ["AZURE_KNOWN_AUTHORITIES", { ...OIDC, AZURE_CLIENT_ID: CLIENT, AZURE_KNOWN_AUTHORITIES: "https://localhost:4443/x" }],
  ["AZURE_KNOWN_AUTHORITIES", { ...OIDC, AZURE_CLIENT_ID: CLIENT, AZURE_KNOWN_AUTHORITIES: "localhost:9999" }],
  ["AZURE_AUTHORITY_METADATA", { ...OIDC, AZURE_CLIENT_ID: CLIENT, AZURE_AUTHORITY_METADATA: "{}" }],
  ["AZURE_AUTHORITY_METADATA", { ...OIDC, AZURE_CLIENT_ID: CLIENT, AZURE_AUTHORITY_METADATA: JSON.stringify(localSigninMetadata("https://localhost:9999")) }],
  ["AZURE_AUTHORITY_METADATA", { AZURE_CLIENT_ID: CLIENT, AZURE_AUTHORITY_METADATA: JSON.stringify(localSigninMetadata("https://localhost:4443")) }],
  ["AZURE_REDIRECT_URI", { AZURE_CLIENT_ID: CLIENT, AZURE_REDIRECT_URI: "ftp://opwatch.example.com/" }],
  ["OPWATCH_DEMO_OPERATIONS", { AZURE_CLIENT_ID: CLIENT, OPWATCH_DEMO_OPERATIONS: "/op/devops/sub" }],
  ["AZURE_ARM_ENDPOINT", { AZURE_CLIENT_ID: CLIENT, AZURE_ARM_ENDPOINT: "https://management.azure.com/x" }],
  ["DEVCENTER_ALLOWED_HOSTS", { AZURE_CLIENT_ID: CLIENT, DEVCENTER_ALLOWED_HOSTS: "ftp://x" }],
  ["AZURE_ARM_ENDPOINT", { AZURE_CLIENT_ID: CLIENT, AZURE_ARM_ENDPOINT: "http://management.azure.com" }],
  ["DEVCENTER_ALLOWED_HOSTS", { AZURE_CLIENT_ID: CLIENT, DEVCENTER_ALLOWED_HOSTS: "http://devcenter.example.com" }],
  ["PROXY_TIMEOUT_MS", { AZURE_CLIENT_ID: CLIENT, PROXY_TIMEOUT_MS: "soon" }],
  ["OPWATCH_PROXY_RATE_PER_CLIENT", { AZURE_CLIENT_ID: CLIENT, OPWATCH_PROXY_RATE_PER_CLIENT: "-5" }],
  ["OPWATCH_PROXY_BURST_PER_CLIENT", { AZURE_CLIENT_ID: CLIENT, OPWATCH_PROXY_BURST_PER_CLIENT: "lots" }],
  ["OPWATCH_PROXY_MAX_IN_FLIGHT", { AZURE_CLIENT_ID: CLIENT, OPWATCH_PROXY_MAX_IN_FLIGHT: "0.5" }],
  ["OPWATCH_TRUSTED_PROXY_HOPS", { AZURE_CLIENT_ID: CLIENT, OPWATCH_TRUSTED_PROXY_HOPS: "maybe" }],
  ["OPWATCH_ARM_READS_PER_SECOND", { AZURE_CLIENT_ID: CLIENT, OPWATCH_ARM_READS_PER_SECOND: "-1" }],
  ["OPWATCH_ARM_READ_BURST", { AZURE_CLIENT_ID: CLIENT, OPWATCH_ARM_READ_BURST: "1000" }],
  ["OPWATCH_DEVCENTER_READS_PER_SECOND", { AZURE_CLIENT_ID: CLIENT, OPWATCH_DEVCENTER_READS_PER_SECOND: "many" }],
  ["OPWATCH_DEVCENTER_READ_BURST", { AZURE_CLIENT_ID: CLIENT, OPWATCH_DEVCENTER_READ_BURST: "0" }],
  ["OPWATCH_READ_HEADROOM", { AZURE_CLIENT_ID: CLIENT, OPWATCH_READ_HEADROOM: "yes" }],
  ["OPWATCH_READ_HEADROOM_CEILING", { AZURE_CLIENT_ID: CLIENT, OPWATCH_READ_HEADROOM_CEILING: "1" }],
  ["OPWATCH_DISCOVERY_ENDPOINTS", { AZURE_CLIENT_ID: CLIENT, OPWATCH_DISCOVERY_ENDPOINTS: "https://" }],
  ["OPWATCH_DISCOVERY_ENDPOINTS", { AZURE_CLIENT_ID: CLIENT, OPWATCH_DISCOVERY_ENDPOINTS: "dc.example.com" }],
  ["OPWATCH_DISCOVERY_INTERVAL_SECONDS", { AZURE_CLIENT_ID: CLIENT, OPWATCH_DISCOVERY_INTERVAL_SECONDS: "3601" }],
  ["OPWATCH_DISCOVERY_READS_PER_MINUTE", { AZURE_CLIENT_ID: CLIENT, OPWATCH_DISCOVERY_READS_PER_MINUTE: "0" }],
  ["OPWATCH_LOG_LEVEL", { AZURE_CLIENT_ID: CLIENT, OPWATCH_LOG_LEVEL: "verbose" }],
  ["OTEL_EXPORTER_OTLP_ENDPOINT", { AZURE_CLIENT_ID: CLIENT, OTEL_EXPORTER_OTLP_ENDPOINT: "grpc://collector:4317" }],
  ["APPLICATIONINSIGHTS_CONNECTION_STRING", { AZURE_CLIENT_ID: CLIENT, APPLICATIONINSIGHTS_CONNECTION_STRING: "InstrumentationKey=x" }],
  ["OTEL_METRIC_EXPORT_INTERVAL", { AZURE_CLIENT_ID: CLIENT, OTEL_METRIC_EXPORT_INTERVAL: "often" }],
  ["OTEL_BSP_SCHEDULE_DELAY", { AZURE_CLIENT_ID: CLIENT, OTEL_BSP_SCHEDULE_DELAY: "0" }],
];

const PROXY_VARIABLES = Object.keys(proxyGroup.shape);

describe("fix-it text keyed by variable", () => {
  it("has a case for every variable", () => {
    expect(new Set(BAD_VALUES.map(([variable]) => variable))).toEqual(new Set(CONFIG_VARIABLES));
  });

  it.each(BAD_VALUES)("a bad %s yields one problem naming it, with its own fix (%o)", (variable, values) => {
    const config = readConfig({ NODE_ENV: "test", ...values });
    expect(config.public).toEqual({ ok: false, error: [{ variable, problem: expect.any(String) as string, fix: FIXES[variable] }] });
    // The proxy fails on its own variables only.
    expect(config.proxy.ok).toBe(!PROXY_VARIABLES.includes(variable));
  });

  it("gives each variable a fix that names it and no other's fix", () => {
    for (const variable of CONFIG_VARIABLES) expect(FIXES[variable], variable).toMatch(new RegExp(`^Set ${variable} `));
    expect(new Set(Object.values(FIXES)).size).toBe(CONFIG_VARIABLES.length);
  });

  it("puts every variable in exactly one group", () => {
    // The discovery group reads DEVCENTER_ALLOWED_HOSTS only to check its endpoints against it.
    const discovery = Object.keys(discoveryGroup.shape).filter((name) => name !== "DEVCENTER_ALLOWED_HOSTS");
    const grouped = [...PROXY_VARIABLES, ...Object.keys(signInGroup.shape), ...Object.keys(readBudgetGroup.shape), ...discovery, ...Object.keys(operatingGroup.shape)];
    expect(grouped.toSorted()).toEqual(CONFIG_VARIABLES.toSorted());
  });
});

describe("a fix's stated default", () => {
  // A default changed in the schema but not in its fix would send people to set what they already have.
  const parsed = configSchema.parse({ AZURE_CLIENT_ID: CLIENT });
  const stated = (Object.entries(FIXES) as [ConfigVariable, string][]).flatMap(([name, text]) => {
    const match = /leave it unset for (\d+(?:\.\d+)?)\./.exec(text);
    return match?.[1] === undefined ? [] : [[name, Number(match[1])] as const];
  });

  it("covers the numeric settings", () => {
    expect(stated.map(([name]) => name)).toEqual(expect.arrayContaining(["PROXY_TIMEOUT_MS", "OPWATCH_DISCOVERY_INTERVAL_SECONDS"]));
  });

  it.each(stated)("%s: the fix's default is the schema's (%d)", (name, value) => {
    expect(parsed[name]).toBe(value);
  });
});
