import { API_VERSIONS, type OperationKind } from "@/lib/azure/operation-ref";
import { jsonResponse, type SimResponse } from "./sim-response";

/**
 * Every error the simulator answers on the Azure paths, worded as ARM and the DevCenter data plane word them.
 * Both APIs use `{"error":{"code","message"}}`; DevCenter errors also carry `x-ms-error-code` equal to `error.code`.
 */

/** Where ARM points clients without a token, unless the simulator is configured with an issuer. */
export const DEFAULT_AUTHORIZATION_URI = "https://login.microsoftonline.com/common";

function azureError(kind: OperationKind, status: number, code: string, message: string, headers: Record<string, string> = {}): SimResponse {
  const extra: Record<string, string> = kind === "devcenter" ? { "x-ms-error-code": code, ...headers } : headers;
  return jsonResponse(status, { error: { code, message } }, extra);
}

export const missingApiVersion = (kind: OperationKind): SimResponse =>
  azureError(kind, 400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.");

export const invalidApiVersion = (kind: OperationKind, given: string): SimResponse =>
  azureError(
    kind,
    400,
    "InvalidApiVersionParameter",
    `The api-version '${clip(given)}' is invalid. The supported versions are '${API_VERSIONS[kind]}'.`,
  );

export function operationNotFound(kind: OperationKind, names: { container: string; operation: string }): SimResponse {
  return kind === "devops"
    ? azureError(
        kind,
        404,
        "ResourceNotFound",
        `The Resource 'Microsoft.Security/securityConnectors/${clip(names.container)}/devops/default/operationResults/${clip(names.operation)}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
      )
    : azureError(kind, 404, "NotFound", `Operation status '${clip(names.operation)}' was not found in project '${clip(names.container)}'.`);
}

/** Outside the two operation paths there is nothing; ARM's catch-all wording. */
export const pathNotFound = (path: string): SimResponse =>
  jsonResponse(404, { error: { code: "NotFound", message: `The requested path '${clip(path)}' was not found on this server.` } });

export function methodNotAllowed(method: string, allow: readonly string[], kind?: OperationKind): SimResponse {
  const message = `The requested method '${clip(method)}' is not allowed on this resource. Allowed: ${allow.join(", ")}.`;
  const headers = { allow: allow.join(", ") };
  return kind ? azureError(kind, 405, "MethodNotAllowed", message, headers) : jsonResponse(405, { error: { code: "MethodNotAllowed", message } }, headers);
}

/**
 * ARM's answer when a subscription's read bucket is empty. ARM sends `x-ms-error-code` on its own errors too (the
 * devops API's spec does not promise it, so `azureError` adds it only for DevCenter); a throttled client looks for it.
 */
export function readsThrottled(subscriptionId: string, retryAfterSeconds: number): SimResponse {
  const code = "TooManyRequests";
  return azureError(
    "devops",
    429,
    code,
    `Number of 'read' requests for subscription '${clip(subscriptionId)}' exceeded. Please try again after '${retryAfterSeconds}' seconds after additional tokens are available. Refer to https://aka.ms/arm-throttling`,
    { "retry-after": String(retryAfterSeconds), "x-ms-error-code": code },
  );
}

/** DevCenter's answer once a caller's reads of this minute are spent. */
export const devCenterThrottled = (retryAfterSeconds: number): SimResponse =>
  azureError("devcenter", 429, "TooManyRequests", `Rate limit is exceeded. Try again in ${retryAfterSeconds} seconds.`, {
    "retry-after": String(retryAfterSeconds),
  });

export const projectNotFound = (projectName: string): SimResponse =>
  azureError("devcenter", 404, "NotFound", `The project '${clip(projectName)}' was not found.`);

export const devBoxNotFound = (projectName: string, devBoxName: string): SimResponse =>
  azureError("devcenter", 404, "NotFound", `The dev box '${clip(devBoxName)}' was not found in project '${clip(projectName)}'.`);

export const invalidSkipToken = (given: string): SimResponse =>
  azureError("devcenter", 400, "InvalidParameter", `The continuation token '${clip(given)}' is not valid.`);

/** What a planted list fault answers, by status; `headers` (null removes one) go over the defaults. */
export function listFault(status: number, headers: Record<string, string | null>): SimResponse {
  const [code, message, retryAfter] =
    status === 403
      ? ["Forbidden", "The caller is not authorized to perform this action.", undefined]
      : status === 429
        ? ["TooManyRequests", "Rate limit is exceeded. Try again in 30 seconds.", "30"]
        : ["ServiceUnavailable", "The service is temporarily unavailable. Please retry after some time.", "10"];
  const response = azureError("devcenter", status, code, message, retryAfter === undefined ? {} : { "retry-after": retryAfter });
  const merged = new Map(Object.entries(response.headers));
  for (const [name, value] of Object.entries(headers)) {
    if (value === null) merged.delete(name.toLowerCase());
    else merged.set(name.toLowerCase(), value);
  }
  return { ...response, headers: Object.fromEntries(merged) };
}

const wwwAuthenticate = (authorizationUri: string, description: string) =>
  `Bearer authorization_uri="${authorizationUri}", error="invalid_token", error_description="${description.replace(/["\\]/g, "'")}"`;

/** No bearer at all: ARM's `AuthenticationFailed`. */
export function missingToken(kind: OperationKind, authorizationUri: string): SimResponse {
  return azureError(kind, 401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.", {
    "www-authenticate": wwwAuthenticate(authorizationUri, "The authentication failed because of missing 'Authorization' header."),
  });
}

/** A bearer that is not a valid token for this API; `reason` says why, in ARM's style. */
export function invalidToken(kind: OperationKind, authorizationUri: string, reason: string): SimResponse {
  return azureError(kind, 401, "InvalidAuthenticationToken", `The access token is invalid. ${reason}`, {
    "www-authenticate": wwwAuthenticate(authorizationUri, reason),
  });
}

/** Values from the request are echoed in messages; keep them short and on one line. */
function clip(value: string): string {
  const oneLine = value.replace(/\p{Cc}/gu, "?");
  return oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine;
}
