import "server-only";
import type { Result } from "@/lib/azure/params";
import type { PublicConfig } from "@/lib/config/public-config";

/**
 * The policy headers proxy.ts puts on responses, built from plain values so that tests can check every case: the
 * page's Content-Security-Policy (a fresh nonce per response), its Cross-Origin-Opener-Policy and, over https, HSTS.
 * The headers that never change, the /api policy among them, are in next.config.mjs. The README's "Security headers"
 * section says why each directive is there; keep the two in step.
 */

/** MSAL's fixed instance-discovery host: an Entra authority on another host is looked up there before sign-in. */
const ENTRA_INSTANCE_DISCOVERY = "https://login.microsoftonline.com";

/** MSAL v5 hands popup and iframe responses over here; Microsoft's guide says it must not carry COOP. */
export const REDIRECT_BRIDGE_PATH = "/redirect-bridge";

const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** 128 random bits in base64, the alphabet Next accepts when it reads the nonce back from the request's header. */
export function createNonce(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  return btoa(String.fromCharCode(...random(new Uint8Array(16))));
}

/** Letters, digits, dots and hyphens, and a port: nothing that could end a source or open a wildcard. */
const PLAIN_HOST = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?$/i;

/** `https://host[:port]` for a value that is exactly a host, else nothing: only clean origins go into the policy. */
function originOfHost(host: string): string | undefined {
  if (!PLAIN_HOST.test(host) || !URL.canParse(`https://${host}`)) return undefined;
  const url = new URL(`https://${host}`);
  const written = host.toLowerCase();
  return url.host === written || `${url.host}:443` === written ? url.origin : undefined;
}

/**
 * The origins the browser's MSAL fetches from: the authority (discovery document, token endpoint), the hosts it is told
 * to trust, and, for an Entra authority on a host it must look up, Entra's instance discovery. Navigations to the
 * sign-in page are not fetches and need no entry. Without a valid configuration the page shows the configuration
 * error and signs no one in, so nothing is added.
 */
export function signInOrigins(config: Result<Pick<PublicConfig, "authority" | "protocol" | "knownAuthorities">, unknown>): string[] {
  if (!config.ok) return [];
  const { authority, protocol, knownAuthorities } = config.value;
  const origins = new Set<string>();
  if (URL.canParse(authority)) origins.add(new URL(authority).origin);
  for (const host of knownAuthorities) {
    const origin = originOfHost(host);
    if (origin) origins.add(origin);
  }
  const authorityHost = URL.canParse(authority) ? new URL(authority).host : "";
  if (protocol === "AAD" && !knownAuthorities.includes(authorityHost)) origins.add(ENTRA_INSTANCE_DISCOVERY);
  return [...origins];
}

interface PagePolicyInput {
  nonce: string;
  /** From signInOrigins. */
  connectOrigins: readonly string[];
  /** `next dev`, where React's dev tooling needs eval. */
  dev: boolean;
  /** Served over https: plain-http subresources are upgraded. */
  https: boolean;
}

export function pageContentSecurityPolicy({ nonce, connectOrigins, dev, https }: PagePolicyInput): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // 'strict-dynamic': scripts Next's nonced scripts load are trusted; 'self' only for browsers without it.
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // Server-rendered style attributes (bar widths, tree indents, chart heights) and Next's error pages' <style>
    // carry no nonce, so inline styles are allowed; scripts are what the nonce protects.
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'", ...connectOrigins],
    // MSAL's hidden-iframe renewal never runs: lib/auth asks for cached and refresh-token renewal only.
    ["frame-src", "'none'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    // Sign-in and sign-out leave by navigation (window.location), not by a form; the paste forms never submit.
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ...(https ? ([["upgrade-insecure-requests"]] as [string][]) : []),
  ];
  return directives.map((parts) => parts.join(" ")).join("; ");
}

/**
 * Whether the browser reached us over https: the protocol of the URL Next saw (`https:`), or the first
 * X-Forwarded-Proto a TLS front end set. A client can claim https over plain http, but a browser ignores HSTS there.
 */
export function servedOverHttps(protocol: string, forwardedProto: string | null): boolean {
  const first = forwardedProto?.split(",")[0]?.trim().toLowerCase();
  return protocol === "https:" || first === "https";
}

interface PageHeadersInput extends PagePolicyInput {
  pathname: string;
}

/** Every policy header of a page response. */
export function pageSecurityHeaders(input: PageHeadersInput): Record<string, string> & { "Content-Security-Policy": string } {
  return {
    "Content-Security-Policy": pageContentSecurityPolicy(input),
    ...(input.pathname === REDIRECT_BRIDGE_PATH ? {} : { "Cross-Origin-Opener-Policy": "same-origin" }),
    ...transportSecurityHeaders(input.https),
  };
}

/** HSTS only over https, as RFC 6797 has it (a browser ignores the header on plain http). */
export function transportSecurityHeaders(https: boolean): Record<string, string> {
  return https ? { "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY } : {};
}
