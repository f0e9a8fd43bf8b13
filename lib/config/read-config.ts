import "server-only";
import type { z } from "zod";
import { fail, ok, type Result } from "@/lib/azure/params";
import type { ConfigProblem } from "./config-problem";
import { FIXES } from "./fixes";
import { proxyGroup, readBudgetGroup, signInGroup, type ProxyVariables, type ReadBudgetVariables, type SignInVariables } from "./groups";
import type { ProxyConfig } from "./proxy-config";
import type { PublicConfig } from "./public-config";
import { CONFIG_VARIABLES, isConfigVariable } from "./schema";

/** The configuration as each consumer needs it, with every problem listed in the schema's order. */
export interface ServerConfig {
  /** Fails only on the proxy's own variables, so the proxy keeps serving when sign-in is misconfigured. */
  proxy: Result<ProxyConfig, ConfigProblem[]>;
  /** What the browser gets; fails on any problem, the proxy's included, so the page shows every fix at once. */
  public: Result<PublicConfig, ConfigProblem[]>;
}

/** Validates the environment once against lib/config/schema.ts; pure, so tests pass any environment. */
export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const input = givenValues(env);
  const proxy = proxyGroup.safeParse(input);
  const signIn = signInGroup.safeParse(input);
  const reads = readBudgetGroup.safeParse(input);
  const problems = [...(signIn.error?.issues ?? []), ...(proxy.error?.issues ?? []), ...(reads.error?.issues ?? [])].map(toProblem);
  return {
    proxy: proxy.success ? ok(toProxyConfig(proxy.data)) : fail(inSchemaOrder(problems.filter(isProxyProblem))),
    public:
      proxy.success && signIn.success && reads.success ? ok(toPublicConfig(signIn.data, proxy.data, reads.data)) : fail(inSchemaOrder(problems)),
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

function toProblem(issue: z.core.$ZodIssue): ConfigProblem {
  const variable = issue.path[0];
  // Every rule reports under its variable's name; an issue without one is a bug in lib/config/schema.ts or groups.ts.
  if (!isConfigVariable(variable)) throw new Error(`A configuration rule reported no variable: ${issue.message}`);
  return { variable, problem: issue.message, fix: FIXES[variable] };
}

const isProxyProblem = (problem: ConfigProblem) => Object.hasOwn(proxyGroup.shape, problem.variable);

/** Stable, so a variable's own problems keep their order and a rule joining two variables lands next to its variable. */
const inSchemaOrder = (problems: ConfigProblem[]) =>
  problems.toSorted((a, b) => CONFIG_VARIABLES.indexOf(a.variable) - CONFIG_VARIABLES.indexOf(b.variable));

function toProxyConfig(vars: ProxyVariables): ProxyConfig {
  return {
    armEndpoint: vars.AZURE_ARM_ENDPOINT,
    devcenterAllowList: vars.DEVCENTER_ALLOWED_HOSTS.rules,
    timeoutMs: vars.PROXY_TIMEOUT_MS,
  };
}

function toPublicConfig(vars: SignInVariables, proxy: ProxyVariables, reads: ReadBudgetVariables): PublicConfig {
  const protocol = vars.AZURE_AUTH_PROTOCOL;
  // MSAL must be told to trust an OIDC authority; unless told otherwise, its own host is the one it needs.
  const ownHost = protocol === "OIDC" ? [new URL(vars.AZURE_AUTHORITY).host] : [];
  return {
    clientId: vars.AZURE_CLIENT_ID,
    authority: vars.AZURE_AUTHORITY,
    protocol,
    knownAuthorities: vars.AZURE_KNOWN_AUTHORITIES ?? ownHost,
    redirectUri: vars.AZURE_REDIRECT_URI ?? null,
    demoOperations: vars.OPWATCH_DEMO_OPERATIONS,
    devcenterAllowedHosts: proxy.DEVCENTER_ALLOWED_HOSTS.raw,
    readBudgets: {
      devops: { refillPerSecond: reads.OPWATCH_ARM_READS_PER_SECOND, capacity: reads.OPWATCH_ARM_READ_BURST },
      devcenter: { refillPerSecond: reads.OPWATCH_DEVCENTER_READS_PER_SECOND, capacity: reads.OPWATCH_DEVCENTER_READ_BURST },
    },
  };
}
