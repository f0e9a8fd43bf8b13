import "server-only";
import { z } from "zod";
import {
  ALLOW_ENTRY_PROBLEMS,
  DEFAULT_DEVCENTER_ALLOWED_HOSTS,
  isLoopbackHost,
  parseAllowEntry,
  type AllowRule,
} from "@/lib/azure/allow-list";
import { parseEndpointInput } from "@/lib/azure/endpoint-input";
import { parseAppPath, permalinkPath, PUBLIC_ARM_ENDPOINT, trimTrailingSlashes } from "@/lib/azure/operation-ref";
import { ARM_SUBSCRIPTION_READS, DEFAULT_READ_BUDGET } from "@/lib/azure/token-bucket";
import { parseAuthorityMetadata } from "./authority-metadata";
import { DISCOVERY_INTERVAL_SECONDS, DISCOVERY_READS_PER_MINUTE } from "./discovery-settings";
import { DEFAULT_HEADROOM, HEADROOM_CEILING_SHARE } from "./headroom-settings";
import { connectionStringProblem, isLogLevel, LOG_LEVELS, TELEMETRY_INTERVALS, type LogLevel } from "./operating-settings";
import type { AuthProtocol, DemoOperation } from "./public-config";

/**
 * Every configuration variable, server and public, with its own rules: the one place a value is checked. A rule reports
 * under its field, so each issue's path is the variable's name, and lib/config/fixes.ts keys the fix-it text by that.
 * Values arrive trimmed, a blank one as unset (lib/config/read-config.ts). Rules that join two variables are in
 * lib/config/groups.ts. The field order is the order the configuration page lists problems in.
 *
 * A rule that needs a parsed URL is a transform that reports the first thing wrong. Messages never contain the value:
 * anyone may read them (the configuration page, the proxy's 500). An entry of a list is named by its position, and
 * the entry itself goes in the issue's `params.detail`, which only the server's log shows (lib/config/read-config.ts).
 */

const DEFAULT_AUTHORITY = "https://login.microsoftonline.com/organizations";
const DEFAULT_ARM_ENDPOINT = PUBLIC_ARM_ENDPOINT;

/** host or host:port, lower case letters, digits, dots and hyphens. */
const HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?$/;
const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

const quoted = (value: string, max: number) => `"${value.slice(0, max)}"`;
/** "entry 2", "entries 1 and 3", "entries 1, 2 and 4" (counted from 1). */
const entriesPhrase = (positions: readonly number[]) => {
  if (positions.length === 1) return `entry ${positions[0] ?? 0}`;
  return `entries ${positions.slice(0, -1).join(", ")} and ${positions.at(-1) ?? 0}`;
};
const commaList = (raw: string) =>
  raw
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);

/**
 * OPWATCH_DEMO_OPERATIONS as JSON (a value that starts with `[`, or `{` by mistake): an array, each entry a permalink
 * path, or one with the label it is watched under. Labels may hold commas, which the comma-separated form cannot carry.
 */
const demoOperationsJson = z.array(
  z.union([z.string(), z.object({ permalink: z.string(), label: z.string().optional() }).strict()], {
    error: 'is neither a permalink path nor an object {"permalink", "label"}',
  }),
  { error: "is not an array" },
);

/** The entries of OPWATCH_DEMO_OPERATIONS, unchecked as permalinks, or undefined after reporting why none can be read. */
function demoOperationEntries(raw: string, ctx: z.RefinementCtx): { permalink: string; label?: string | undefined }[] | undefined {
  if (!raw.startsWith("[") && !raw.startsWith("{")) return commaList(raw).map((permalink) => ({ permalink }));
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    report(ctx, "is not valid JSON: give a JSON array of permalink paths or {\"permalink\", \"label\"} objects.");
    return undefined;
  }
  const parsed = demoOperationsJson.safeParse(json);
  if (parsed.success) return parsed.data.map((entry) => (typeof entry === "string" ? { permalink: entry } : entry));
  const issue = parsed.error.issues[0];
  const position = typeof issue?.path[0] === "number" ? `entry ${issue.path[0] + 1} ` : "";
  report(ctx, `is JSON, but ${position}${issue?.message ?? "is not an array"}.`);
  return undefined;
}

const isAuthProtocol = (value: string): value is AuthProtocol => value === "AAD" || value === "OIDC";

/** Adds the variable's issue (with a detail naming values, for the server's log only) and gives the "no value" result. */
function reject(ctx: z.RefinementCtx, message: string, detail?: string): never {
  report(ctx, message, detail);
  return z.NEVER;
}

function report(ctx: z.RefinementCtx, message: string, detail?: string): void {
  ctx.addIssue({ code: "custom", message, ...(detail === undefined ? {} : { params: { detail } }) });
}

/** A read budget's rate: reads per second, more than 0 and at most ARM's whole refill (more is throttled for sure). */
const readsPerSecond = (fallback: number) =>
  z.coerce
    .number({ error: "must be a number of reads per second." })
    .gt(0, { error: "must be more than 0." })
    .max(ARM_SUBSCRIPTION_READS.refillPerSecond, { error: `must be at most ${ARM_SUBSCRIPTION_READS.refillPerSecond} (ARM's whole refill).` })
    .default(fallback);

/** A read budget's burst: whole reads, at least one, at most ARM's whole bucket. */
const readBurst = (fallback: number) =>
  z.coerce
    .number({ error: "must be a whole number of reads." })
    .int({ error: "must be a whole number of reads." })
    .min(1, { error: "must be at least 1." })
    .max(ARM_SUBSCRIPTION_READS.capacity, { error: `must be at most ${ARM_SUBSCRIPTION_READS.capacity} (ARM's whole bucket).` })
    .default(fallback);

/**
 * The proxy's limits per server process. Well above what the dashboard itself sends: one browser's scheduler reaches
 * about 100 reads/s with hundreds of subscriptions (6 in flight), and the people behind one NAT share an address, so
 * a client gets 150 requests/s with a burst of 300. 256 upstream calls in flight is what the upstream agent keeps
 * sockets for (lib/server/upstream-fetch.ts, maxSockets).
 */
const DEFAULT_PROXY_LIMITS = { perClient: { refillPerSecond: 150, capacity: 300 }, maxInFlight: 256 } as const;
/** High enough that a load test can lift the per-client limit out of the way. */
const MAX_PROXY_LIMIT = 1_000_000;
const MAX_PROXY_IN_FLIGHT = 100_000;

/**
 * An endpoint to discover from, read as the endpoint form reads it: its host[:port], or an http(s) URL of it (the
 * portal's "Dev center URI"); the allow-list decides the scheme.
 */
function discoveryEndpointHost(entry: string): string | undefined {
  // An operator writes a host or a URL: a host followed by a path is a typo here, not a paste to tidy up.
  if (!entry.includes("://") && /[/?#]/.test(entry)) return undefined;
  const parsed = parseEndpointInput(entry);
  return parsed.ok ? parsed.value : undefined;
}

/** Milliseconds between two exports of telemetry, from its bounds and the OpenTelemetry default. */
const exportMilliseconds = ({ min, max, fallback }: { min: number; max: number; fallback: number }) =>
  z.coerce
    .number({ error: "must be a whole number of milliseconds." })
    .int({ error: "must be a whole number of milliseconds." })
    .min(min, { error: `must be at least ${min}.` })
    .max(max, { error: `must be at most ${max}.` })
    .default(fallback);

/** More proxies than this in front of one app is not a deployment but a typo. */
const MAX_TRUSTED_PROXY_HOPS = 5;

export const configSchema = z.object({
  AZURE_AUTH_PROTOCOL: z
    .string()
    .transform((raw, ctx): AuthProtocol => {
      const upper = raw.toUpperCase();
      return isAuthProtocol(upper) ? upper : reject(ctx, "is neither AAD nor OIDC.");
    })
    .default("AAD"),

  // Its format depends on AZURE_AUTH_PROTOCOL, so lib/config/groups.ts checks it.
  AZURE_CLIENT_ID: z.string({ error: "is not set: opwatch cannot sign anyone in without it." }),

  AZURE_AUTHORITY: z
    .string()
    .transform((raw, ctx) => {
      if (!URL.canParse(raw)) return reject(ctx, "is not a URL.");
      const url = new URL(raw);
      if (url.protocol !== "https:") return reject(ctx, "must start with https:// (MSAL refuses other authorities).");
      if (url.username || url.password || url.search || url.hash) {
        return reject(ctx, "must not contain credentials, a query or a fragment.");
      }
      return trimTrailingSlashes(url.href);
    })
    .prefault(DEFAULT_AUTHORITY),

  // Unset means "the OIDC authority's own host" (lib/config/read-config.ts), so it stays undefined here.
  AZURE_KNOWN_AUTHORITIES: z
    .string()
    .transform((raw, ctx) => {
      const hosts = commaList(raw).map((host) => host.toLowerCase());
      const bad = hosts.flatMap((host, i) => (HOST.test(host) ? [] : [i + 1]));
      if (bad.length === 0) return hosts;
      const verb = bad.length === 1 ? "is not a host name" : "are not host names";
      const named = bad.map((n) => quoted(hosts[n - 1] ?? "", 60)).join(", ");
      return reject(ctx, `${entriesPhrase(bad)} ${verb} (no scheme or path).`, `${named} ${verb}.`);
    })
    .optional(),

  // Whether its URLs are on the authority's origin, and its protocol, are joining rules (lib/config/groups.ts).
  AZURE_AUTHORITY_METADATA: z
    .string()
    .transform((raw, ctx) => {
      const parsed = parseAuthorityMetadata(raw);
      if (parsed.ok) return parsed.value;
      for (const problem of parsed.error) report(ctx, problem.message, problem.detail);
      return z.NEVER;
    })
    .optional(),

  AZURE_REDIRECT_URI: z
    .string()
    .transform((raw, ctx) => {
      if (!URL.canParse(raw)) return reject(ctx, "is not an absolute URL.");
      const url = new URL(raw);
      const loopbackHttp = url.protocol === "http:" && LOOPBACK_HOSTS.includes(url.hostname);
      if (url.protocol !== "https:" && !loopbackHttp) {
        return reject(ctx, "must be https (Entra ID allows http only for localhost).");
      }
      if (url.username || url.password || url.hash) return reject(ctx, "must not contain credentials or a fragment.");
      return url.href;
    })
    .optional(),

  OPWATCH_DEMO_OPERATIONS: z
    .string()
    .transform((raw, ctx) => {
      const operations: DemoOperation[] = [];
      // Every bad entry is named, so one look at the page fixes them all.
      for (const [i, { permalink: entry, label }] of (demoOperationEntries(raw, ctx) ?? []).entries()) {
        const parsed = entry.startsWith("/op/") ? parseAppPath(entry.trim()) : undefined;
        if (parsed?.ok) {
          const trimmed = label?.trim();
          operations.push({ permalink: permalinkPath(parsed.value), ...(trimmed ? { label: trimmed } : {}) });
          continue;
        }
        // Only the kind's message quotes the value it got.
        const why =
          parsed === undefined || parsed.error.parameter === "kind"
            ? "a permalink path starts with /op/devops/ or /op/devcenter/"
            : parsed.error.message;
        report(ctx, `entry ${i + 1} is not a permalink path: ${why}.`, `entry ${i + 1}, ${quoted(entry, 120)}, is not a permalink path.`);
      }
      return operations;
    })
    .default(() => []),

  AZURE_ARM_ENDPOINT: z
    .string()
    .transform((raw, ctx) => {
      if (!/^https?:\/\//i.test(raw) || !URL.canParse(raw)) {
        return reject(ctx, "must be an absolute URL starting with https:// (or http:// for a loopback host).");
      }
      const url = new URL(raw);
      if (url.pathname !== "/" || url.search || url.hash || url.username || url.password) {
        return reject(ctx, `must be an origin such as ${DEFAULT_ARM_ENDPOINT}, without path, query or credentials.`);
      }
      // The proxy sends the person's ARM token there: in clear text only to this machine.
      if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
        return reject(ctx, "uses plain http:// for a host that is not loopback (localhost, 127.0.0.0/8 or [::1]): the proxy sends access tokens there, so it must be https://.");
      }
      return url.origin;
    })
    .prefault(DEFAULT_ARM_ENDPOINT),

  // The raw list goes to the browser, which warns about a pasted DevCenter host the proxy will refuse.
  DEVCENTER_ALLOWED_HOSTS: z
    .string()
    .transform((raw, ctx): { raw: string; rules: AllowRule[] } => {
      const entries = commaList(raw);
      if (entries.length === 0) return reject(ctx, "is empty: give at least one host pattern or origin.");
      const rules: AllowRule[] = [];
      // One entry at a time, so that each bad one is named (by position; its value goes to the log).
      for (const [i, entry] of entries.entries()) {
        const rule = parseAllowEntry(entry);
        if (rule.ok) rules.push(rule.value);
        else report(ctx, `entry ${i + 1} ${ALLOW_ENTRY_PROBLEMS[rule.error]}`, `entry ${i + 1}, ${quoted(entry, 120)}, was refused.`);
      }
      return { raw, rules };
    })
    .prefault(DEFAULT_DEVCENTER_ALLOWED_HOSTS),

  PROXY_TIMEOUT_MS: z.coerce
    .number({ error: "must be a number of milliseconds." })
    .int({ error: "must be a whole number of milliseconds." })
    .min(100, { error: "must be at least 100." })
    .max(300_000, { error: "must be at most 300000." })
    .default(30_000),

  OPWATCH_PROXY_RATE_PER_CLIENT: z.coerce
    .number({ error: "must be a number of requests per second." })
    .gt(0, { error: "must be more than 0." })
    .max(MAX_PROXY_LIMIT, { error: `must be at most ${MAX_PROXY_LIMIT}.` })
    .default(DEFAULT_PROXY_LIMITS.perClient.refillPerSecond),

  OPWATCH_PROXY_BURST_PER_CLIENT: z.coerce
    .number({ error: "must be a whole number of requests." })
    .int({ error: "must be a whole number of requests." })
    .min(1, { error: "must be at least 1." })
    .max(MAX_PROXY_LIMIT, { error: `must be at most ${MAX_PROXY_LIMIT}.` })
    .default(DEFAULT_PROXY_LIMITS.perClient.capacity),

  OPWATCH_PROXY_MAX_IN_FLIGHT: z.coerce
    .number({ error: "must be a whole number of upstream calls." })
    .int({ error: "must be a whole number of upstream calls." })
    .min(1, { error: "must be at least 1." })
    .max(MAX_PROXY_IN_FLIGHT, { error: `must be at most ${MAX_PROXY_IN_FLIGHT}.` })
    .default(DEFAULT_PROXY_LIMITS.maxInFlight),

  // How many reverse proxies stand in front, each appending the address it saw to X-Forwarded-For.
  OPWATCH_TRUSTED_PROXY_HOPS: z.coerce
    .number({ error: "must be a whole number of proxies." })
    .int({ error: "must be a whole number of proxies." })
    .min(0, { error: "must be at least 0." })
    .max(MAX_TRUSTED_PROXY_HOPS, { error: `must be at most ${MAX_TRUSTED_PROXY_HOPS}.` })
    .default(0),

  OPWATCH_ARM_READS_PER_SECOND: readsPerSecond(DEFAULT_READ_BUDGET.refillPerSecond),
  OPWATCH_ARM_READ_BURST: readBurst(DEFAULT_READ_BUDGET.capacity),
  OPWATCH_DEVCENTER_READS_PER_SECOND: readsPerSecond(DEFAULT_READ_BUDGET.refillPerSecond),
  OPWATCH_DEVCENTER_READ_BURST: readBurst(DEFAULT_READ_BUDGET.capacity),

  OPWATCH_READ_HEADROOM: z
    .string()
    .transform((raw, ctx) => {
      const value = raw.toLowerCase();
      return value === "on" ? true : value === "off" ? false : reject(ctx, "is neither on nor off.");
    })
    .default(DEFAULT_HEADROOM.enabled),

  OPWATCH_READ_HEADROOM_CEILING: z.coerce
    .number({ error: "must be a share of Azure's own rate, such as 0.5." })
    .min(HEADROOM_CEILING_SHARE.min, { error: `must be at least ${HEADROOM_CEILING_SHARE.min}.` })
    .max(HEADROOM_CEILING_SHARE.max, { error: `must be at most ${HEADROOM_CEILING_SHARE.max}.` })
    .default(HEADROOM_CEILING_SHARE.fallback),

  // Whether each endpoint passes DEVCENTER_ALLOWED_HOSTS is a joining rule (lib/config/groups.ts).
  OPWATCH_DISCOVERY_ENDPOINTS: z
    .string()
    .transform((raw, ctx) => {
      const entries = commaList(raw);
      const hosts = entries.map(discoveryEndpointHost);
      const bad = hosts.flatMap((host, i) => (host === undefined ? [i + 1] : []));
      if (bad.length === 0) return [...new Set(hosts.filter((host) => host !== undefined))];
      const verb = bad.length === 1 ? "is not a DevCenter endpoint" : "are not DevCenter endpoints";
      const named = bad.map((n) => quoted(entries[n - 1] ?? "", 120)).join(", ");
      return reject(ctx, `${entriesPhrase(bad)} ${verb} (a host such as <tenant>-<dev center>.<region>.devcenter.azure.com, or its https URL).`, `${named} ${verb}.`);
    })
    .default(() => []),

  OPWATCH_DISCOVERY_INTERVAL_SECONDS: z.coerce
    .number({ error: "must be a whole number of seconds." })
    .int({ error: "must be a whole number of seconds." })
    .min(DISCOVERY_INTERVAL_SECONDS.min, { error: `must be at least ${DISCOVERY_INTERVAL_SECONDS.min}.` })
    .max(DISCOVERY_INTERVAL_SECONDS.max, { error: `must be at most ${DISCOVERY_INTERVAL_SECONDS.max}.` })
    .default(DISCOVERY_INTERVAL_SECONDS.fallback),

  OPWATCH_DISCOVERY_READS_PER_MINUTE: z.coerce
    .number({ error: "must be a whole number of reads." })
    .int({ error: "must be a whole number of reads." })
    .min(DISCOVERY_READS_PER_MINUTE.min, { error: `must be at least ${DISCOVERY_READS_PER_MINUTE.min}.` })
    .max(DISCOVERY_READS_PER_MINUTE.max, { error: `must be at most ${DISCOVERY_READS_PER_MINUTE.max}.` })
    .default(DISCOVERY_READS_PER_MINUTE.fallback),

  // Operating the server: its log and where its telemetry goes (lib/telemetry). Nowhere unless an operator names a host.
  OPWATCH_LOG_LEVEL: z
    .string()
    .transform((raw, ctx): LogLevel => {
      const level = raw.toLowerCase();
      return isLogLevel(level) ? level : reject(ctx, `is not one of ${LOG_LEVELS.join(", ")}.`);
    })
    .default("info"),

  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .string()
    .transform((raw, ctx) => {
      if (!/^https?:\/\//i.test(raw) || !URL.canParse(raw)) return reject(ctx, "must be an absolute http:// or https:// URL.");
      const url = new URL(raw);
      if (url.username || url.password || url.search || url.hash) {
        return reject(ctx, "must not contain credentials, a query or a fragment (headers go in OTEL_EXPORTER_OTLP_HEADERS).");
      }
      return trimTrailingSlashes(url.href);
    })
    .optional(),

  APPLICATIONINSIGHTS_CONNECTION_STRING: z
    .string()
    .transform((raw, ctx) => {
      const problem = connectionStringProblem(raw);
      return problem === undefined ? raw : reject(ctx, problem);
    })
    .optional(),

  OTEL_METRIC_EXPORT_INTERVAL: exportMilliseconds(TELEMETRY_INTERVALS.metricExport),
  OTEL_BSP_SCHEDULE_DELAY: exportMilliseconds(TELEMETRY_INTERVALS.spanBatch),
});

export type ConfigVariable = keyof typeof configSchema.shape;

/** The variables in the schema's order. */
export const CONFIG_VARIABLES = Object.keys(configSchema.shape) as ConfigVariable[];

export const isConfigVariable = (name: unknown): name is ConfigVariable =>
  typeof name === "string" && Object.hasOwn(configSchema.shape, name);
