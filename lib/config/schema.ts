import "server-only";
import { z } from "zod";
import { DEFAULT_DEVCENTER_ALLOWED_HOSTS, parseAllowList, type AllowRule } from "@/lib/azure/allow-list";
import { parseAppPath, permalinkPath, trimTrailingSlashes } from "@/lib/azure/operation-ref";
import { ARM_SUBSCRIPTION_READS, DEFAULT_READ_BUDGET } from "@/lib/azure/token-bucket";
import type { AuthProtocol } from "./public-config";

/**
 * Every configuration variable, server and public, with its own rules: the one place a value is checked. A rule reports
 * under its field, so each issue's path is the variable's name, and lib/config/fixes.ts keys the fix-it text by that.
 * Values arrive trimmed, a blank one as unset (lib/config/read-config.ts). Rules that join two variables are in
 * lib/config/groups.ts. The field order is the order the configuration page lists problems in.
 *
 * A rule that needs a parsed URL is a transform that reports the first thing wrong and echoes the value as written.
 */

const DEFAULT_AUTHORITY = "https://login.microsoftonline.com/organizations";
const DEFAULT_ARM_ENDPOINT = "https://management.azure.com";

/** host or host:port, lower case letters, digits, dots and hyphens. */
const HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?$/;
const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

const quoted = (value: string, max: number) => `"${value.slice(0, max)}"`;
const commaList = (raw: string) =>
  raw
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);

const isAuthProtocol = (value: string): value is AuthProtocol => value === "AAD" || value === "OIDC";

/** Adds the variable's issue and gives the transform's "no value" result. */
function reject(ctx: z.RefinementCtx, message: string): never {
  ctx.addIssue({ code: "custom", message });
  return z.NEVER;
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


export const configSchema = z.object({
  AZURE_AUTH_PROTOCOL: z
    .string()
    .transform((raw, ctx): AuthProtocol => {
      const upper = raw.toUpperCase();
      return isAuthProtocol(upper) ? upper : reject(ctx, `${quoted(raw, 40)} is not AAD or OIDC.`);
    })
    .default("AAD"),

  // Its format depends on AZURE_AUTH_PROTOCOL, so lib/config/groups.ts checks it.
  AZURE_CLIENT_ID: z.string({ error: "is not set: opwatch cannot sign anyone in without it." }),

  AZURE_AUTHORITY: z
    .string()
    .transform((raw, ctx) => {
      const said = quoted(raw, 120);
      if (!URL.canParse(raw)) return reject(ctx, `${said} is not a URL.`);
      const url = new URL(raw);
      if (url.protocol !== "https:") return reject(ctx, `${said} must start with https:// (MSAL refuses other authorities).`);
      if (url.username || url.password || url.search || url.hash) {
        return reject(ctx, `${said} must not contain credentials, a query or a fragment.`);
      }
      return trimTrailingSlashes(url.href);
    })
    .prefault(DEFAULT_AUTHORITY),

  // Unset means "the OIDC authority's own host" (lib/config/read-config.ts), so it stays undefined here.
  AZURE_KNOWN_AUTHORITIES: z
    .string()
    .transform((raw, ctx) => {
      const hosts = commaList(raw).map((host) => host.toLowerCase());
      const bad = hosts.filter((host) => !HOST.test(host));
      if (bad.length === 0) return hosts;
      const verb = bad.length === 1 ? "is not a host name" : "are not host names";
      return reject(ctx, `${bad.map((host) => quoted(host, 60)).join(", ")} ${verb} (no scheme or path).`);
    })
    .optional(),

  AZURE_REDIRECT_URI: z
    .string()
    .transform((raw, ctx) => {
      const said = quoted(raw, 120);
      if (!URL.canParse(raw)) return reject(ctx, `${said} is not an absolute URL.`);
      const url = new URL(raw);
      const loopbackHttp = url.protocol === "http:" && LOOPBACK_HOSTS.includes(url.hostname);
      if (url.protocol !== "https:" && !loopbackHttp) {
        return reject(ctx, `${said} must be https (Entra ID allows http only for localhost).`);
      }
      if (url.username || url.password || url.hash) return reject(ctx, `${said} must not contain credentials or a fragment.`);
      return url.href;
    })
    .optional(),

  OPWATCH_DEMO_OPERATIONS: z
    .string()
    .transform((raw, ctx) => {
      const paths: string[] = [];
      // Every bad entry is named, so one look at the page fixes them all.
      for (const entry of commaList(raw)) {
        const parsed = entry.startsWith("/op/") ? parseAppPath(entry) : undefined;
        if (parsed?.ok) {
          paths.push(permalinkPath(parsed.value));
          continue;
        }
        const why = parsed ? parsed.error.message : "a permalink path starts with /op/devops/ or /op/devcenter/";
        ctx.addIssue({ code: "custom", message: `entry ${quoted(entry, 120)} is not a permalink path: ${why}.` });
      }
      return paths;
    })
    .default(() => []),

  AZURE_ARM_ENDPOINT: z
    .string()
    .transform((raw, ctx) => {
      const said = quoted(raw, 120);
      if (!/^https?:\/\//i.test(raw) || !URL.canParse(raw)) {
        return reject(ctx, `${said} must be an absolute URL starting with https:// or http://.`);
      }
      const url = new URL(raw);
      if (url.pathname !== "/" || url.search || url.username || url.password) {
        return reject(ctx, `${said} must be an origin such as ${DEFAULT_ARM_ENDPOINT}, without path, query or credentials.`);
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
      // One entry at a time, so that each bad one is named in a message of our own.
      for (const entry of entries) {
        const rule = parseAllowList(entry);
        if (rule.ok) rules.push(...rule.value);
        else {
          ctx.addIssue({
            code: "custom",
            message: `entry ${quoted(entry, 120)} is neither a host pattern such as *.devcenter.azure.com nor an origin such as http://127.0.0.1:4010.`,
          });
        }
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

  OPWATCH_ARM_READS_PER_SECOND: readsPerSecond(DEFAULT_READ_BUDGET.refillPerSecond),
  OPWATCH_ARM_READ_BURST: readBurst(DEFAULT_READ_BUDGET.capacity),
  OPWATCH_DEVCENTER_READS_PER_SECOND: readsPerSecond(DEFAULT_READ_BUDGET.refillPerSecond),
  OPWATCH_DEVCENTER_READ_BURST: readBurst(DEFAULT_READ_BUDGET.capacity),
});

export type ConfigVariable = keyof typeof configSchema.shape;

/** The variables in the schema's order. */
export const CONFIG_VARIABLES = Object.keys(configSchema.shape) as ConfigVariable[];

export const isConfigVariable = (name: unknown): name is ConfigVariable =>
  typeof name === "string" && Object.hasOwn(configSchema.shape, name);
