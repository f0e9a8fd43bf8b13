import { afterEach, describe, expect, it, vi } from "vitest";
import { logConfigProblems, type LogHolder } from "./log-config-problems";
import { readConfig } from "./read-config";
import type { ConfigVariable } from "./schema";

/**
 * Visitors who have not signed in read the configuration page and the proxy's ProxyMisconfigured: they learn which
 * variable is wrong and how to fix it, never its value. The values are in the server's log, one line per problem.
 */

const MARK = "leakmark";
const CLIENT = "11111111-2222-4333-8444-555555555555";

/** One wrong value per variable, each carrying MARK; a variable added to the schema without a case does not compile. */
const WRONG: Readonly<Record<ConfigVariable, Record<string, string>>> = {
  AZURE_AUTH_PROTOCOL: { AZURE_AUTH_PROTOCOL: MARK },
  AZURE_CLIENT_ID: { AZURE_CLIENT_ID: `${MARK}-app` },
  AZURE_AUTHORITY: { AZURE_AUTHORITY: `http://${MARK}.example/tenant` },
  AZURE_KNOWN_AUTHORITIES: {
    AZURE_AUTH_PROTOCOL: "OIDC",
    AZURE_AUTHORITY: `https://${MARK}.example:4443`,
    AZURE_KNOWN_AUTHORITIES: "localhost:1",
  },
  AZURE_AUTHORITY_METADATA: {
    AZURE_AUTH_PROTOCOL: "OIDC",
    AZURE_AUTHORITY: "https://localhost:4443",
    AZURE_AUTHORITY_METADATA: JSON.stringify({
      issuer: "https://localhost:4443",
      authorization_endpoint: `https://${MARK}.example/auth`,
      token_endpoint: `http://localhost:4443/${MARK}`,
      jwks_uri: "https://localhost:4443/jwks",
    }),
  },
  AZURE_REDIRECT_URI: { AZURE_REDIRECT_URI: `ftp://${MARK}.example/` },
  OPWATCH_DEMO_OPERATIONS: { OPWATCH_DEMO_OPERATIONS: `/op/${MARK}/a/b/c/d,/${MARK}` },
  AZURE_ARM_ENDPOINT: { AZURE_ARM_ENDPOINT: `http://${MARK}.example` },
  DEVCENTER_ALLOWED_HOSTS: { DEVCENTER_ALLOWED_HOSTS: `*.devcenter.azure.com,http://${MARK}.example,ftp://${MARK}` },
  PROXY_TIMEOUT_MS: { PROXY_TIMEOUT_MS: MARK },
  OPWATCH_PROXY_RATE_PER_CLIENT: { OPWATCH_PROXY_RATE_PER_CLIENT: MARK },
  OPWATCH_PROXY_BURST_PER_CLIENT: { OPWATCH_PROXY_BURST_PER_CLIENT: MARK },
  OPWATCH_PROXY_MAX_IN_FLIGHT: { OPWATCH_PROXY_MAX_IN_FLIGHT: MARK },
  OPWATCH_TRUSTED_PROXY_HOPS: { OPWATCH_TRUSTED_PROXY_HOPS: MARK },
  OPWATCH_ARM_READS_PER_SECOND: { OPWATCH_ARM_READS_PER_SECOND: MARK },
  OPWATCH_ARM_READ_BURST: { OPWATCH_ARM_READ_BURST: MARK },
  OPWATCH_DEVCENTER_READS_PER_SECOND: { OPWATCH_DEVCENTER_READS_PER_SECOND: MARK },
  OPWATCH_DEVCENTER_READ_BURST: { OPWATCH_DEVCENTER_READ_BURST: MARK },
  OPWATCH_READ_HEADROOM: { OPWATCH_READ_HEADROOM: MARK },
  OPWATCH_READ_HEADROOM_CEILING: { OPWATCH_READ_HEADROOM_CEILING: MARK },
  OPWATCH_DISCOVERY_ENDPOINTS: { OPWATCH_DISCOVERY_ENDPOINTS: `ok.devcenter.azure.com,${MARK}.example.com` },
  OPWATCH_DISCOVERY_INTERVAL_SECONDS: { OPWATCH_DISCOVERY_INTERVAL_SECONDS: MARK },
  OPWATCH_DISCOVERY_READS_PER_MINUTE: { OPWATCH_DISCOVERY_READS_PER_MINUTE: MARK },
  OPWATCH_LOG_LEVEL: { OPWATCH_LOG_LEVEL: MARK },
  OTEL_EXPORTER_OTLP_ENDPOINT: { OTEL_EXPORTER_OTLP_ENDPOINT: `https://user:${MARK}@collector.example:4318` },
  APPLICATIONINSIGHTS_CONNECTION_STRING: {
    APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=11111111-2222-4333-8444-555555555555;IngestionEndpoint=http://${MARK}.example/`,
  },
  OTEL_METRIC_EXPORT_INTERVAL: { OTEL_METRIC_EXPORT_INTERVAL: MARK },
  OTEL_BSP_SCHEDULE_DELAY: { OTEL_BSP_SCHEDULE_DELAY: MARK },
};

const read = (values: Record<string, string>) => readConfig({ NODE_ENV: "test", AZURE_CLIENT_ID: CLIENT, ...values });

describe("configuration values stay in the server's log", () => {
  it.each(Object.entries(WRONG))("a wrong %s is named for visitors without its value", (variable, values) => {
    const config = read(values);
    if (config.public.ok) throw new Error("expected problems");
    expect(config.public.error.map((p) => p.variable)).toContain(variable);
    const visible = JSON.stringify([config.public, config.proxy]);
    expect(visible).not.toContain(MARK);
  });

  /** Their values carry a credential: the log says what is wrong and how long the value is, never the value. */
  const CREDENTIALS: readonly ConfigVariable[] = ["OTEL_EXPORTER_OTLP_ENDPOINT", "APPLICATIONINSIGHTS_CONNECTION_STRING"];

  it.each(CREDENTIALS)("a wrong %s is logged without its value", (variable) => {
    const config = read(WRONG[variable]);
    const line = config.logLines.find((l) => l.startsWith(`opwatch configuration: ${variable}=`));
    expect(line).toMatch(/=<\d+ characters, not logged> /);
    expect(line).not.toContain(MARK);
  });

  it.each(Object.entries(WRONG).filter(([variable]) => !(CREDENTIALS as readonly string[]).includes(variable)))("a wrong %s is logged with its value, one line per problem", (variable, values) => {
    const config = read(values);
    if (config.public.ok) throw new Error("expected problems");
    expect(config.logLines).toHaveLength(config.public.error.length);
    const line = config.logLines.find((l) => l.startsWith(`opwatch configuration: ${variable}=`));
    expect(line).toContain(MARK);
  });

  it("names a list's bad entries by position for visitors and by value in the log", () => {
    const config = read(WRONG.DEVCENTER_ALLOWED_HOSTS);
    if (config.public.ok) throw new Error("expected problems");
    expect(config.public.error.map((p) => p.problem)).toEqual([
      expect.stringMatching(/^entry 2 is a plain http:\/\/ origin/),
      expect.stringMatching(/^entry 3 is neither/),
    ]);
    expect(config.logLines[0]).toContain(`entry 2, "http://${MARK}.example", was refused.`);
    expect(config.logLines[1]).toContain(`entry 3, "ftp://${MARK}", was refused.`);
  });

  it("keeps valid public settings public", () => {
    const config = read({ DEVCENTER_ALLOWED_HOSTS: `https://${MARK}.example:8443` });
    expect(config.public.ok && config.public.value.devcenterAllowedHosts).toBe(`https://${MARK}.example:8443`);
    expect(config.logLines).toEqual([]);
  });

  it("clips long values, cuts out anything shaped like a token and escapes line breaks", () => {
    const token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
    const [long] = read({ AZURE_AUTH_PROTOCOL: "x".repeat(300) }).logLines;
    expect(long).toContain(`"${"x".repeat(200)}" (first 200 of 300 characters)`);
    const [tokenLine] = read({ AZURE_AUTH_PROTOCOL: `Bearer ${token}` }).logLines;
    expect(tokenLine).not.toContain(token);
    expect(tokenLine).toContain('"Bearer <token>"');
    const [forged] = read({ AZURE_AUTH_PROTOCOL: "x\nopwatch configuration: all good" }).logLines;
    expect(forged).not.toContain("\n");
    expect(forged).toContain("x\\nopwatch");
  });

  it("logs an unset required variable as unset", () => {
    expect(readConfig({ NODE_ENV: "test" }).logLines).toEqual([
      "opwatch configuration: AZURE_CLIENT_ID=unset is not set: opwatch cannot sign anyone in without it.",
    ]);
  });
});

describe("logConfigProblems", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("writes each line once per process, to stderr", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const holder = {} as LogHolder;
    logConfigProblems(["a", "b"], holder);
    logConfigProblems(["a", "b", "c"], holder);
    expect(error.mock.calls).toEqual([["a"], ["b"], ["c"]]);
  });
});
