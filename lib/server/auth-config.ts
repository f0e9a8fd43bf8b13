import "server-only";
import { z } from "zod";
import { parseAppPath, permalinkPath } from "@/lib/azure/operation-ref";
import { fail, ok, type Result } from "@/lib/azure/params";
import type { PublicConfig } from "@/lib/config/public-config";
import { getProxyEnv, type ProxyEnv } from "./env";

/** A setting that is missing or wrong: which one, what is wrong, and how to fix it. Never holds a secret. */
export interface ConfigProblem {
  variable: string;
  problem: string;
  fix: string;
}

export const DEFAULT_AUTHORITY = "https://login.microsoftonline.com/organizations";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** host or host:port, lower case letters, digits, dots and hyphens. */
const HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?$/;

const FIXES: Record<string, string> = {
  AZURE_CLIENT_ID:
    "Set AZURE_CLIENT_ID to the Application (client) ID of the app registration in Microsoft Entra ID (a GUID, on the registration's Overview page).",
  AZURE_AUTHORITY:
    "Set AZURE_AUTHORITY to an https URL such as https://login.microsoftonline.com/organizations or https://login.microsoftonline.com/<tenant-id>, or leave it unset for the default.",
  AZURE_AUTH_PROTOCOL: 'Set AZURE_AUTH_PROTOCOL to "AAD" (Microsoft Entra ID, the default) or "OIDC" (the local sign-in server).',
  AZURE_KNOWN_AUTHORITIES:
    "Set AZURE_KNOWN_AUTHORITIES to a comma-separated list of hosts (with :port if any) that includes the host of AZURE_AUTHORITY, e.g. localhost:4443.",
  AZURE_REDIRECT_URI:
    "Set AZURE_REDIRECT_URI to the app's address as registered in Entra ID, e.g. https://opwatch.example.com/ (http only for localhost), or leave it unset to use the app's own origin.",
  OPWATCH_DEMO_OPERATIONS:
    "Set OPWATCH_DEMO_OPERATIONS to comma-separated permalink paths such as /op/devops/<subscription>/<group>/<connector>/<id>, or leave it unset.",
  PROXY: "Correct the variable named in the message (see the README's configuration table).",
};

const trimmed = (env: NodeJS.ProcessEnv, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
};

const problem = (variable: string, text: string): ConfigProblem => ({ variable, problem: text, fix: FIXES[variable] ?? FIXES.PROXY ?? "" });

const clientIdSchema = (protocol: PublicConfig["protocol"]) =>
  protocol === "AAD"
    ? z.string().regex(GUID, { message: "is not a GUID; Entra ID client ids look like 00000000-0000-0000-0000-000000000000" })
    : z.string().regex(/^[\w.~-]{1,128}$/, { message: "must be 1-128 letters, digits, '-', '_', '.' or '~'" });

const authoritySchema = z
  .string()
  .refine((v) => URL.canParse(v), { message: "is not a URL" })
  .transform((v) => new URL(v))
  .refine((u) => u.protocol === "https:", { message: "must start with https:// (MSAL refuses other authorities)" })
  .refine((u) => !u.username && !u.password && !u.search && !u.hash, { message: "must not contain credentials, a query or a fragment" })
  .transform((u) => u.href.replace(/\/+$/, ""));

const redirectSchema = z
  .string()
  .refine((v) => URL.canParse(v), { message: "is not an absolute URL" })
  .transform((v) => new URL(v))
  .refine((u) => u.protocol === "https:" || (u.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(u.hostname)), {
    message: "must be https (Entra ID allows http only for localhost)",
  })
  .refine((u) => !u.username && !u.password && !u.hash, { message: "must not contain credentials or a fragment" })
  .transform((u) => u.href);

function readProtocol(env: NodeJS.ProcessEnv, problems: ConfigProblem[]): PublicConfig["protocol"] {
  const raw = trimmed(env, "AZURE_AUTH_PROTOCOL");
  if (raw === undefined) return "AAD";
  const upper = raw.toUpperCase();
  if (upper === "AAD" || upper === "OIDC") return upper;
  problems.push(problem("AZURE_AUTH_PROTOCOL", `"${raw.slice(0, 40)}" is not AAD or OIDC.`));
  return "AAD";
}

function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? "is not valid";
}

function readKnownAuthorities(env: NodeJS.ProcessEnv, problems: ConfigProblem[]): string[] {
  const raw = trimmed(env, "AZURE_KNOWN_AUTHORITIES");
  if (raw === undefined) return [];
  const hosts = raw
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h.length > 0);
  const bad = hosts.filter((h) => !HOST.test(h));
  if (bad.length > 0) {
    problems.push(problem("AZURE_KNOWN_AUTHORITIES", `${bad.map((h) => `"${h.slice(0, 60)}"`).join(", ")} is not a host name (no scheme or path).`));
  }
  return hosts.filter((h) => HOST.test(h));
}

function readDemoOperations(env: NodeJS.ProcessEnv, problems: ConfigProblem[]): string[] {
  const raw = trimmed(env, "OPWATCH_DEMO_OPERATIONS");
  if (raw === undefined) return [];
  const paths: string[] = [];
  for (const entry of raw.split(",").map((e) => e.trim()).filter((e) => e.length > 0)) {
    const parsed = entry.startsWith("/op/") ? parseAppPath(entry) : undefined;
    if (!parsed?.ok) {
      const why = parsed ? parsed.error.message : "a permalink path starts with /op/devops/ or /op/devcenter/";
      problems.push(problem("OPWATCH_DEMO_OPERATIONS", `entry "${entry.slice(0, 120)}" is not a permalink path: ${why}.`));
      continue;
    }
    paths.push(permalinkPath(parsed.value));
  }
  return paths;
}

function proxyProblems(proxy: Result<ProxyEnv, string>): ConfigProblem[] {
  if (proxy.ok) return [];
  return proxy.error.split("; ").map((message) => {
    const variable = /^[A-Z][A-Z_]+/.exec(message)?.[0];
    // The page shows the name before the problem, so it is not repeated.
    return variable
      ? { variable, problem: message.slice(variable.length).trim(), fix: FIXES.PROXY ?? "" }
      : { variable: "Proxy settings", problem: message, fix: FIXES.PROXY ?? "" };
  });
}

/**
 * Reads and checks the sign-in settings and the public parts of the proxy's. Every problem is reported at once, so a
 * person fixes the environment in one go.
 */
export function readPublicConfig(
  env: NodeJS.ProcessEnv,
  proxy: Result<ProxyEnv, string> = getProxyEnv(),
): Result<PublicConfig, ConfigProblem[]> {
  const problems: ConfigProblem[] = [];
  const protocol = readProtocol(env, problems);

  const rawClientId = trimmed(env, "AZURE_CLIENT_ID");
  let clientId = "";
  if (rawClientId === undefined) {
    problems.push(problem("AZURE_CLIENT_ID", "is not set: opwatch cannot sign anyone in without it."));
  } else {
    const parsed = clientIdSchema(protocol).safeParse(rawClientId);
    if (parsed.success) clientId = parsed.data;
    else problems.push(problem("AZURE_CLIENT_ID", `"${rawClientId.slice(0, 60)}" ${firstMessage(parsed.error)}.`));
  }

  const rawAuthority = trimmed(env, "AZURE_AUTHORITY") ?? DEFAULT_AUTHORITY;
  const authorityParsed = authoritySchema.safeParse(rawAuthority);
  const authority = authorityParsed.success ? authorityParsed.data : "";
  if (!authorityParsed.success) {
    problems.push(problem("AZURE_AUTHORITY", `"${rawAuthority.slice(0, 120)}" ${firstMessage(authorityParsed.error)}.`));
  }

  let knownAuthorities = readKnownAuthorities(env, problems);
  if (authority) {
    const authorityUrl = new URL(authority);
    if (protocol === "AAD" && authorityUrl.pathname.replace(/\/+$/, "") === "") {
      problems.push(
        problem("AZURE_AUTHORITY", `"${authority}" names no tenant; Entra ID authorities end in /organizations, /common or /<tenant-id>.`),
      );
    }
    if (protocol === "OIDC") {
      // MSAL only talks to an OIDC authority it is told to trust; the authority's own host is the one it needs.
      if (trimmed(env, "AZURE_KNOWN_AUTHORITIES") === undefined) knownAuthorities = [authorityUrl.host];
      else if (!knownAuthorities.includes(authorityUrl.host)) {
        problems.push(problem("AZURE_KNOWN_AUTHORITIES", `does not include "${authorityUrl.host}", the host of AZURE_AUTHORITY.`));
      }
    }
  }

  const rawRedirect = trimmed(env, "AZURE_REDIRECT_URI");
  let redirectUri: string | null = null;
  if (rawRedirect !== undefined) {
    const parsed = redirectSchema.safeParse(rawRedirect);
    if (parsed.success) redirectUri = parsed.data;
    else problems.push(problem("AZURE_REDIRECT_URI", `"${rawRedirect.slice(0, 120)}" ${firstMessage(parsed.error)}.`));
  }

  const demoOperations = readDemoOperations(env, problems);
  problems.push(...proxyProblems(proxy));
  if (problems.length > 0 || !proxy.ok) return fail(problems);

  return ok({
    clientId,
    authority,
    protocol,
    knownAuthorities,
    redirectUri,
    demoOperations,
    devcenterAllowedHosts: proxy.value.devcenterAllowedHostsRaw,
  });
}

let cached: Result<PublicConfig, ConfigProblem[]> | undefined;

/** The public configuration from process.env, validated once per server process. */
export function getPublicConfig(): Result<PublicConfig, ConfigProblem[]> {
  cached ??= readPublicConfig(process.env);
  return cached;
}
