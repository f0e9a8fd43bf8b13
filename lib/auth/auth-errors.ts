import { AuthError } from "@azure/msal-browser";
import type { OperationKind } from "@/lib/azure/operation-ref";
import type { PublicConfig } from "@/lib/config/public-config";
import { API_NAMES } from "./scopes";

export type AccessTokenErrorCode =
  | "signedOut" // no account: the sign-in prompt is the way on
  | "redirecting" // the page is leaving for the sign-in page
  | "signInRequired" // interaction did not help: the person has to act
  | "workOrSchoolAccountNeeded"
  | "unavailable"; // anything else (network, server error)

/** A token could not be had. `message` is written for people and never contains a token or a server's raw text. */
export class AccessTokenError extends Error {
  override readonly name = "AccessTokenError";
  constructor(
    readonly code: AccessTokenErrorCode,
    message: string,
    readonly kind?: OperationKind,
  ) {
    super(message);
  }
}

const NETWORK_CODES = new Set([
  "no_network_connectivity",
  "post_request_failed",
  "get_request_failed",
  "network_error",
  "endpoints_resolution_error",
  "openid_config_error",
  "failed_to_parse_response",
]);

/** MSAL error codes are short identifiers; anything else is not shown. */
function safeCode(error: unknown): string | undefined {
  const code = error instanceof AuthError ? error.errorCode : undefined;
  return code && /^[a-z0-9_]{1,64}$/i.test(code) ? code : undefined;
}

function workOrSchoolMessage(): string {
  return (
    "opwatch needs a work or school account (Microsoft Entra ID). Personal Microsoft accounts cannot get tokens for " +
    "Azure Resource Manager. Sign out, then sign in with your work or school account."
  );
}

/**
 * Turns an MSAL failure into a message safe to show. Decisions use `errorCode` only: MSAL's messages are links and
 * server text, not stable, and may echo request details.
 */
export function describeAuthError(
  error: unknown,
  kind: OperationKind | undefined,
  config?: Pick<PublicConfig, "authority" | "protocol">,
): AccessTokenError {
  if (error instanceof AccessTokenError) return error;
  const code = safeCode(error);
  const api = kind ? API_NAMES[kind] : "Azure";
  if (code === "invalid_scope" && kind !== "devcenter") {
    return new AccessTokenError("workOrSchoolAccountNeeded", workOrSchoolMessage(), kind);
  }
  if (code === "user_cancelled" || code === "access_denied") {
    return new AccessTokenError("signInRequired", "Sign-in was cancelled. Sign in to read operations.", kind);
  }
  if (code === "interaction_in_progress") {
    return new AccessTokenError("redirecting", "Sign-in is in progress in this tab.", kind);
  }
  if (code === "crypto_nonexistent" || code === "crypto_key_not_found") {
    return new AccessTokenError(
      "unavailable",
      "This browser cannot sign in on this page: open opwatch over https (or on localhost) in an up-to-date browser.",
      kind,
    );
  }
  if (code !== undefined && NETWORK_CODES.has(code)) {
    const hint =
      config?.protocol === "OIDC"
        ? ` If you use the local sign-in server, check that it runs and open ${config.authority} once in this browser to accept its certificate.`
        : "";
    return new AccessTokenError("unavailable", `The sign-in service could not be reached (${code}).${hint}`, kind);
  }
  return new AccessTokenError("unavailable", `Could not get a sign-in token for ${api}${code ? ` (${code})` : ""}. Try again.`, kind);
}
