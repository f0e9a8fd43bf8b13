import type { IncomingHttpHeaders } from "node:http";

/** What the simulator learned about the bearer token of one request. Never holds the token itself. */
export interface TokenInfo {
  present: boolean;
  /** null: not verified (the simulator runs without `auth`). */
  valid: boolean | null;
  audience?: string;
  subject?: string;
  /** The `oid` claim: the caller's object id, whose dev boxes DevCenter lists. */
  objectId?: string;
  /** The token's `iat` and `exp` claims as ISO times. */
  issuedAt?: string;
  expiresAt?: string;
  error?: string;
}

/** One entry of `GET /_sim/operations/{id}/requests`. */
export interface RequestLogEntry {
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  token: TokenInfo;
  status: number;
}

export interface LoggedRequest {
  at: number;
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  token: TokenInfo;
  status: number;
}

export function toLogEntry(request: LoggedRequest): RequestLogEntry {
  const query: Record<string, string> = {};
  for (const [key, value] of request.url.searchParams) if (!(key in query)) query[key] = value;
  return {
    at: new Date(request.at).toISOString(),
    method: request.method,
    path: request.url.pathname,
    query,
    headers: redactHeaders(request.headers),
    token: request.token,
    status: request.status,
  };
}

/**
 * Headers as received, except credentials. One rule for every header that carries one: its secret parts become
 * `<redacted>` and only the label that says what kind of credential came is kept (the authorization scheme, the
 * cookie names), so a test can see that a token or a cookie arrived without the log ever holding it.
 */
const REDACTED = "<redacted>";

const CREDENTIAL_HEADERS = new Map<string, (value: string) => string>([
  ["authorization", redactAuthorization],
  ["proxy-authorization", redactAuthorization],
  // ARM's header for tokens of other tenants: "Bearer <t1>, Bearer <t2>".
  ["x-ms-authorization-auxiliary", redactAuthorization],
  ["cookie", (value) => redactCookies(value, ";", "; ")],
  ["set-cookie", (value) => redactCookies(value, "\n", ", ")],
]);

export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  // No prototype: a header named __proto__ is logged like any other.
  const out = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const redact = CREDENTIAL_HEADERS.get(name);
    // Node gives set-cookie as an array (one cookie each); keep them apart for the redaction.
    const text = Array.isArray(value) ? value.join(redact ? "\n" : ", ") : value;
    out[name] = redact ? redact(text) : text;
  }
  return out;
}

/** The scheme only when credentials follow it: a lone word may be a raw key sent without one. */
function redactAuthorization(value: string): string {
  const scheme = /^\s*([A-Za-z][A-Za-z0-9-]{0,20})\s+\S/.exec(value)?.[1];
  return scheme ? `${scheme.toLowerCase() === "bearer" ? "Bearer" : scheme} ${REDACTED}` : REDACTED;
}

/** `a=1; b=2` → `a=<redacted>; b=<redacted>`; a Set-Cookie's attributes go with its value. */
function redactCookies(value: string, separator: string, joiner: string): string {
  return value
    .split(separator)
    .map((cookie) => cookie.trim())
    .filter((cookie) => cookie !== "")
    .map((cookie) => {
      const name = /^([!#$%&'*+.^_`|~0-9A-Za-z-]{1,64})\s*=/.exec(cookie)?.[1];
      return name ? `${name}=${REDACTED}` : REDACTED;
    })
    .join(joiner);
}
