import "server-only";
import { fail, ok, type Result } from "@/lib/azure/params";

/**
 * The one client header the proxy forwards. The token is checked for shape only, so that what cannot be an Entra
 * access token is refused here instead of being sent on: a JWS in compact form, three base64url segments whose first
 * decodes to a JSON object with a string `alg`. Whether it is valid (signature, audience, expiry) is Azure's to judge.
 */

const BEARER = /^Bearer +(\S+) *$/i;
const SEGMENT = /^[A-Za-z0-9_-]+$/;
/** Entra access tokens are a few KiB; anything far beyond is not a token. */
const MAX_AUTHORIZATION_LENGTH = 16_384;

/** Returns the `Authorization` value to send upstream, or why there is none (never echoing the header's value). */
export function bearerAuthorization(request: Request): Result<string, string> {
  const header = request.headers.get("authorization");
  if (header === null || header.trim() === "") return fail("no Authorization header was sent");
  if (header.length > MAX_AUTHORIZATION_LENGTH) return fail("the Authorization header is too long");
  const token = BEARER.exec(header)?.[1];
  if (token === undefined) return fail("the Authorization header is not a Bearer token");
  if (!isJwtShaped(token)) return fail("the bearer token is not a JSON Web Token (header.payload.signature, base64url)");
  return ok(`Bearer ${token}`);
}

const isNonEmptyString = (value: unknown): value is string => typeof value === "string" && value.length > 0;

export function isJwtShaped(token: string): boolean {
  const segments = token.split(".");
  // Base64url without padding never leaves a single character over a multiple of four.
  if (segments.length !== 3 || !segments.every((s) => SEGMENT.test(s) && s.length % 4 !== 1)) return false;
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(segments[0] ?? "", "base64url").toString("utf8"));
  } catch {
    return false;
  }
  return typeof header === "object" && header !== null && !Array.isArray(header) && isNonEmptyString((header as { alg?: unknown }).alg);
}
