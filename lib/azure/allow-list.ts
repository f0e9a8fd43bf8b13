import { fail, ok, type Result } from "./params";

/**
 * The DevCenter hosts the proxy may call (DEVCENTER_ALLOWED_HOSTS). An entry is a host pattern (`*.devcenter.azure.com`,
 * `exact.host`), https on the default port, or a full origin (`http://127.0.0.1:4010`) that allows exactly that scheme,
 * host and port; plain http only for a loopback host. Matching is on the validated, lower-cased `endpointHost` string:
 * alternative IP notations, trailing dots and ports are never normalised into a match.
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

/** Why one entry of the list is refused. */
export type AllowEntryProblem =
  /** Neither a host pattern nor an http(s) origin without path, query or credentials. */
  | "notHostOrOrigin"
  /** An `http://` origin whose host is not loopback: tokens would cross the network in clear text. */
  | "plainHttpNotLoopback";

export function parseAllowList(raw: string): Result<AllowRule[], string> {
  const entries = raw
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e.length > 0);
  if (entries.length === 0) return fail("DEVCENTER_ALLOWED_HOSTS is empty: give at least one host pattern or origin");
  const rules: AllowRule[] = [];
  for (const [i, entry] of entries.entries()) {
    const rule = parseAllowEntry(entry);
    // The browser shows this too: the entry is named by its position, never by its value.
    if (!rule.ok) return fail(`DEVCENTER_ALLOWED_HOSTS entry ${i + 1} ${ALLOW_ENTRY_PROBLEMS[rule.error].slice(0, -1)}`);
    rules.push(rule.value);
  }
  return ok(rules);
}

/** Each problem as a sentence that follows "entry N". */
export const ALLOW_ENTRY_PROBLEMS: Readonly<Record<AllowEntryProblem, string>> = {
  notHostOrOrigin: "is neither a host pattern such as *.devcenter.azure.com nor an origin such as http://127.0.0.1:4010.",
  plainHttpNotLoopback:
    "is a plain http:// origin for a host that is not loopback (localhost, 127.0.0.0/8 or [::1]): the proxy sends access tokens there, so it must be https://.",
};

/** One entry of DEVCENTER_ALLOWED_HOSTS (trimmed; any case). */
export function parseAllowEntry(written: string): Result<AllowRule, AllowEntryProblem> {
  const entry = written.toLowerCase();
  if (!entry.includes("://")) {
    if (!HOST_PATTERN.test(entry) || entry === "*." || entry.split(".").length < 2) return fail("notHostOrOrigin");
    return ok({ scheme: "https", host: entry, port: undefined });
  }
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return fail("notHostOrOrigin");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return fail("notHostOrOrigin");
  if (url.username || url.password || url.search || url.hash || (url.pathname !== "/" && url.pathname !== "")) return fail("notHostOrOrigin");
  // Reject origins the URL parser had to rewrite (e.g. `http://0x7f.1`): the rule must be what was written.
  if (url.origin !== entry.replace(/\/$/, "")) return fail("notHostOrOrigin");
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) return fail("plainHttpNotLoopback");
  return ok({ scheme: url.protocol === "http:" ? "http" : "https", host: url.hostname, port: url.port || undefined });
}

/**
 * The only hosts plain http may reach (a URL's `hostname`): `localhost`, 127.0.0.0/8 and `[::1]`, which never leave
 * the machine. Other names that resolve to loopback (`*.localhost`, a hosts-file entry) are not trusted to.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
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
