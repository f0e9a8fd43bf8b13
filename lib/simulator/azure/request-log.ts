import type { IncomingHttpHeaders } from "node:http";

/** What the simulator learned about the bearer token of one request. Never holds the token itself. */
export interface TokenInfo {
  present: boolean;
  /** null: not verified (the simulator runs without `auth`). */
  valid: boolean | null;
  audience?: string;
  subject?: string;
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

/** Headers as received, except the authorization value: only its scheme is kept. */
function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(", ") : value;
    out[name] = name === "authorization" ? redactAuthorization(text) : text;
  }
  return out;
}

function redactAuthorization(value: string): string {
  const scheme = /^\s*([A-Za-z][A-Za-z0-9-]{0,20})(\s|$)/.exec(value)?.[1];
  return scheme ? `${scheme.toLowerCase() === "bearer" ? "Bearer" : scheme} <redacted>` : "<redacted>";
}
