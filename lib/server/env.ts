import "server-only";
import { z } from "zod";
import { DEFAULT_DEVCENTER_ALLOWED_HOSTS, parseAllowList, type AllowRule } from "@/lib/azure/allow-list";
import { fail, ok, type Result } from "@/lib/azure/params";

/**
 * The server's environment, validated once on first use. Two groups, so that a sign-in misconfiguration shows the
 * configuration page without taking the proxy down, and the other way round.
 */

const originUrl = (name: string) =>
  z
    .string()
    .trim()
    .refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), {
      message: `${name} must be an absolute URL starting with https:// or http://`,
    })
    .refine((v) => new URL(v).pathname === "/" && !new URL(v).search && !new URL(v).username, {
      message: `${name} must be an origin such as https://management.azure.com, without path, query or credentials`,
    })
    .transform((v) => new URL(v).origin);

const proxyEnvSchema = z.object({
  AZURE_ARM_ENDPOINT: originUrl("AZURE_ARM_ENDPOINT").default("https://management.azure.com"),
  DEVCENTER_ALLOWED_HOSTS: z.string().default(DEFAULT_DEVCENTER_ALLOWED_HOSTS),
  PROXY_TIMEOUT_MS: z.coerce
    .number({ message: "PROXY_TIMEOUT_MS must be a number of milliseconds" })
    .int()
    .min(100, { message: "PROXY_TIMEOUT_MS must be at least 100" })
    .max(300_000, { message: "PROXY_TIMEOUT_MS must be at most 300000" })
    .default(30_000),
});

export interface ProxyEnv {
  armEndpoint: string;
  devcenterAllowList: AllowRule[];
  /** The raw list, as the client needs it to check pasted DevCenter URLs. */
  devcenterAllowedHostsRaw: string;
  timeoutMs: number;
}

const emptyToUndefined = (env: NodeJS.ProcessEnv, names: readonly string[]) =>
  Object.fromEntries(names.map((n) => [n, env[n]?.trim() === "" ? undefined : env[n]]));

export function readProxyEnv(env: NodeJS.ProcessEnv): Result<ProxyEnv, string> {
  const parsed = proxyEnvSchema.safeParse(
    emptyToUndefined(env, ["AZURE_ARM_ENDPOINT", "DEVCENTER_ALLOWED_HOSTS", "PROXY_TIMEOUT_MS"]),
  );
  if (!parsed.success) return fail(parsed.error.issues.map((i) => i.message).join("; "));
  const allowList = parseAllowList(parsed.data.DEVCENTER_ALLOWED_HOSTS);
  if (!allowList.ok) return allowList;
  return ok({
    armEndpoint: parsed.data.AZURE_ARM_ENDPOINT,
    devcenterAllowList: allowList.value,
    devcenterAllowedHostsRaw: parsed.data.DEVCENTER_ALLOWED_HOSTS,
    timeoutMs: parsed.data.PROXY_TIMEOUT_MS,
  });
}

let proxyEnv: Result<ProxyEnv, string> | undefined;

/** The proxy's settings from process.env, validated once per server process. */
export function getProxyEnv(): Result<ProxyEnv, string> {
  proxyEnv ??= readProxyEnv(process.env);
  return proxyEnv;
}
