import "server-only";
import { fail, ok, type Result } from "@/lib/azure/params";

/**
 * The one client header the proxy forwards. The token is checked only for shape (RFC 6750 b64token) so that a
 * malformed value is refused here instead of being sent on; its validity is for Azure to judge.
 */

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;
/** Entra access tokens are a few KiB; anything far beyond is not a token. */
const MAX_AUTHORIZATION_LENGTH = 16_384;

/** Returns the `Authorization` value to send upstream, or why there is none (never echoing the header's value). */
export function bearerAuthorization(request: Request): Result<string, string> {
  const header = request.headers.get("authorization");
  if (header === null || header.trim() === "") return fail("no Authorization header was sent");
  if (header.length > MAX_AUTHORIZATION_LENGTH) return fail("the Authorization header is too long");
  const token = BEARER.exec(header)?.[1];
  if (token === undefined) return fail("the Authorization header is not a Bearer token");
  return ok(`Bearer ${token}`);
}
