import "server-only";
import type { z } from "zod";
import { isLoopbackHost } from "@/lib/azure/allow-list";
import { fail, ok, type Result } from "@/lib/azure/params";
import type { ConfigProblem } from "./config-problem";
import { FIXES } from "./fixes";
import {
  discoveryGroup,
  isDiscoveryIssue,
  operatingGroup,
  proxyGroup,
  readBudgetGroup,
  signInGroup,
  type DiscoveryVariables,
  type OperatingVariables,
  type ProxyVariables,
  type ReadBudgetVariables,
  type SignInVariables,
} from "./groups";
import type { OperatingConfig } from "./operating-config";
import type { ProxyConfig } from "./proxy-config";
import type { PublicConfig } from "./public-config";
import { CONFIG_VARIABLES, isConfigVariable, type ConfigVariable } from "./schema";

/** The configuration as each consumer needs it, with every problem listed in the schema's order. */
export interface ServerConfig {
  /** Fails only on the proxy's own variables, so the proxy keeps serving when sign-in is misconfigured. */
  proxy: Result<ProxyConfig, ConfigProblem[]>;
  /** The server's log and telemetry; fails only on their own variables (the log then keeps its default level). */
  operating: Result<OperatingConfig, ConfigProblem[]>;
  /** What the browser gets; fails on any problem, the proxy's included, so the page shows every fix at once. */
  public: Result<PublicConfig, ConfigProblem[]>;
  /**
   * One line per problem with the value as given (clipped, escaped), for the server's log only: the problems above
   * are shown to anyone and never carry a value.
   */
  logLines: string[];
}

/** Validates the environment once against lib/config/schema.ts; pure, so tests pass any environment. */
export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const input = givenValues(env);
  const proxy = proxyGroup.safeParse(input);
  const signIn = signInGroup.safeParse(input);
  const reads = readBudgetGroup.safeParse(input);
  const discovery = discoveryGroup.safeParse(input);
  const operating = operatingGroup.safeParse(input);
  const issues = inSchemaOrder(
    [
      ...(signIn.error?.issues ?? []),
      ...(proxy.error?.issues ?? []),
      ...(reads.error?.issues ?? []),
      ...(discovery.error?.issues.filter(isDiscoveryIssue) ?? []),
      ...(operating.error?.issues ?? []),
    ].map(toFound),
  );
  const problems = issues.map((found) => found.problem);
  return {
    proxy: proxy.success ? ok(toProxyConfig(proxy.data)) : fail(problems.filter(isProxyProblem)),
    operating: operating.success ? ok(toOperatingConfig(operating.data)) : fail(problems.filter(isOperatingProblem)),
    public:
      proxy.success && signIn.success && reads.success && discovery.success && operating.success
        ? ok(toPublicConfig(signIn.data, proxy.data, reads.data, discovery.data))
        : fail(problems),
    logLines: issues.map((found) => logLine(found, input[found.problem.variable])),
  };
}

/** Only the schema's variables, trimmed; a blank value counts as unset so that its default applies. */
function givenValues(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    CONFIG_VARIABLES.flatMap((name) => {
      const value = env[name]?.trim();
      return value ? [[name, value]] : [];
    }),
  );
}

interface Found {
  problem: ConfigProblem;
  /** What the rule said with values in it (a list's bad entry), for the log. */
  detail: string | undefined;
}

function toFound(issue: z.core.$ZodIssue): Found {
  const variable = issue.path[0];
  // Every rule reports under its variable's name; an issue without one is a bug in lib/config/schema.ts or groups.ts.
  if (!isConfigVariable(variable)) throw new Error(`A configuration rule reported no variable: ${issue.message}`);
  const detail: unknown = issue.code === "custom" ? issue.params?.detail : undefined;
  return { problem: { variable, problem: issue.message, fix: FIXES[variable] }, detail: typeof detail === "string" ? detail : undefined };
}

const isProxyProblem = (problem: ConfigProblem) => Object.hasOwn(proxyGroup.shape, problem.variable);
const isOperatingProblem = (problem: ConfigProblem) => Object.hasOwn(operatingGroup.shape, problem.variable);

/** Stable, so a variable's own problems keep their order and a rule joining two variables lands next to its variable. */
const inSchemaOrder = (found: Found[]) =>
  found.toSorted((a, b) => CONFIG_VARIABLES.indexOf(a.problem.variable) - CONFIG_VARIABLES.indexOf(b.problem.variable));

const MAX_LOGGED_VALUE = 200;
const JWT_LIKE = /eyJ[\w-]*\.[\w-]*\.[\w-]*/g;

/**
 * Values that carry a credential (an ingestion key, a URL's user and password) are never logged, only their length:
 * the problem's sentence says what is wrong without them.
 */
const UNLOGGED_VALUES: ReadonlySet<ConfigVariable> = new Set(["APPLICATIONINSIGHTS_CONNECTION_STRING", "OTEL_EXPORTER_OTLP_ENDPOINT"]);

/**
 * The other variables are no secret, but a value may still be something pasted by mistake: it is clipped, anything
 * shaped like a token is cut out, and JSON quoting keeps a line break from forging another log line.
 */
function logLine({ problem, detail }: Found, value: string | undefined): string {
  if (value !== undefined && UNLOGGED_VALUES.has(problem.variable)) {
    return `opwatch configuration: ${problem.variable}=<${value.length} characters, not logged> ${problem.problem}`;
  }
  const clipped = value === undefined ? "unset" : JSON.stringify(value.slice(0, MAX_LOGGED_VALUE).replace(JWT_LIKE, "<token>"));
  const more = value !== undefined && value.length > MAX_LOGGED_VALUE ? ` (first ${MAX_LOGGED_VALUE} of ${value.length} characters)` : "";
  const said = detail === undefined ? "" : ` ${detail.replace(JWT_LIKE, "<token>")}`;
  return `opwatch configuration: ${problem.variable}=${clipped}${more} ${problem.problem}${said}`;
}

function toProxyConfig(vars: ProxyVariables): ProxyConfig {
  return {
    armEndpoint: vars.AZURE_ARM_ENDPOINT,
    devcenterAllowList: vars.DEVCENTER_ALLOWED_HOSTS.rules,
    timeoutMs: vars.PROXY_TIMEOUT_MS,
    limits: {
      perClient: { refillPerSecond: vars.OPWATCH_PROXY_RATE_PER_CLIENT, capacity: vars.OPWATCH_PROXY_BURST_PER_CLIENT },
      maxInFlight: vars.OPWATCH_PROXY_MAX_IN_FLIGHT,
    },
    trustedProxyHops: vars.OPWATCH_TRUSTED_PROXY_HOPS,
  };
}

function toOperatingConfig(vars: OperatingVariables): OperatingConfig {
  return {
    logLevel: vars.OPWATCH_LOG_LEVEL,
    otlpEndpoint: vars.OTEL_EXPORTER_OTLP_ENDPOINT,
    applicationInsightsConnectionString: vars.APPLICATIONINSIGHTS_CONNECTION_STRING,
    metricExportIntervalMs: vars.OTEL_METRIC_EXPORT_INTERVAL,
    spanBatchDelayMs: vars.OTEL_BSP_SCHEDULE_DELAY,
  };
}

function toPublicConfig(vars: SignInVariables, proxy: ProxyVariables, reads: ReadBudgetVariables, discovery: DiscoveryVariables): PublicConfig {
  const protocol = vars.AZURE_AUTH_PROTOCOL;
  // MSAL must be told to trust an OIDC authority; unless told otherwise, its own host is the one it needs.
  const authority = new URL(vars.AZURE_AUTHORITY);
  const ownHost = protocol === "OIDC" ? [authority.host] : [];
  return {
    clientId: vars.AZURE_CLIENT_ID,
    authority: vars.AZURE_AUTHORITY,
    protocol,
    knownAuthorities: vars.AZURE_KNOWN_AUTHORITIES ?? ownHost,
    authorityMetadata: vars.AZURE_AUTHORITY_METADATA ?? null,
    // Worked out, not set: no deployment that others sign in to has its authority on their own machine.
    signInServerOnThisMachine: protocol === "OIDC" && isLoopbackHost(authority.hostname),
    redirectUri: vars.AZURE_REDIRECT_URI ?? null,
    demoOperations: vars.OPWATCH_DEMO_OPERATIONS,
    devcenterAllowedHosts: proxy.DEVCENTER_ALLOWED_HOSTS.raw,
    readBudgets: {
      devops: { refillPerSecond: reads.OPWATCH_ARM_READS_PER_SECOND, capacity: reads.OPWATCH_ARM_READ_BURST },
      devcenter: { refillPerSecond: reads.OPWATCH_DEVCENTER_READS_PER_SECOND, capacity: reads.OPWATCH_DEVCENTER_READ_BURST },
      headroom: { enabled: reads.OPWATCH_READ_HEADROOM, ceilingShare: reads.OPWATCH_READ_HEADROOM_CEILING },
    },
    discoveryEndpoints: discovery.OPWATCH_DISCOVERY_ENDPOINTS,
    discovery: {
      intervalMs: discovery.OPWATCH_DISCOVERY_INTERVAL_SECONDS * 1000,
      readsPerMinute: discovery.OPWATCH_DISCOVERY_READS_PER_MINUTE,
    },
  };
}
