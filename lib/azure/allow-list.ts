import { fail, ok, type Result } from "./params";

/**
 * The DevCenter hosts the proxy may call (DEVCENTER_ALLOWED_HOSTS). An entry is a host pattern (`*.devcenter.azure.com`,
 * `exact.host`), https on the default port, or a full origin (`http://127.0.0.1:4010`) that allows exactly that scheme,
 * host and port. Matching is on the validated, lower-cased `endpointHost` string: alternative IP notations, trailing
 * dots and ports are never normalised into a match.
 */
export interface AllowRule {
  scheme: "https" | "http";
  /** `*.suffix` or an exact host, lower case. */
  host: string;
  /** Exact port; undefined means the scheme's default port and no `:port` in `endpointHost`. */
  port: string | undefined;
}

export const DEFAULT_DEVCENTER_ALLOWED_HOSTS = "*.devcenter.azure.com";

const HOST_PATTERN = /^(\*\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

export function parseAllowList(raw: string): Result<AllowRule[], string> {
  const entries = raw
    .split(",")
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e.length > 0);
  if (entries.length === 0) return fail("DEVCENTER_ALLOWED_HOSTS is empty: give at least one host pattern or origin");
  const rules: AllowRule[] = [];
  for (const entry of entries) {
    const rule = parseEntry(entry);
    if (!rule) {
      return fail(
        `DEVCENTER_ALLOWED_HOSTS entry "${entry}" is neither a host pattern such as *.devcenter.azure.com nor an origin such as http://127.0.0.1:4010`,
      );
    }
    rules.push(rule);
  }
  return ok(rules);
}

function parseEntry(entry: string): AllowRule | undefined {
  if (!entry.includes("://")) {
    if (!HOST_PATTERN.test(entry) || entry === "*." || entry.split(".").length < 2) return undefined;
    return { scheme: "https", host: entry, port: undefined };
  }
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  if (url.username || url.password || url.search || url.hash || (url.pathname !== "/" && url.pathname !== "")) return undefined;
  // Reject origins the URL parser had to rewrite (e.g. `http://0x7f.1`): the rule must be what was written.
  const written = entry.replace(/\/$/, "");
  if (url.origin !== written) return undefined;
  return { scheme: url.protocol === "http:" ? "http" : "https", host: url.hostname, port: url.port || undefined };
}

/** The origin to call for a validated `endpointHost`, or undefined when no rule allows it. */
export function matchAllowList(endpointHost: string, rules: readonly AllowRule[]): string | undefined {
  const [host = "", port] = endpointHost.split(":");
  for (const rule of rules) {
    if (rule.port !== port) continue;
    const hostMatches = rule.host.startsWith("*.")
      ? host.endsWith(rule.host.slice(1)) && host.length > rule.host.length - 1 && !isIpLike(host)
      : host === rule.host;
    if (hostMatches) return `${rule.scheme}://${endpointHost}`;
  }
  return undefined;
}

function isIpLike(host: string): boolean {
  const last = host.split(".").pop() ?? "";
  return /^[0-9]+$/.test(last) || /^0x/i.test(last);
}
