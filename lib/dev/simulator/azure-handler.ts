import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { API_VERSIONS } from "@/lib/azure/operation-ref";
import { invalidApiVersion, methodNotAllowed, missingApiVersion, missingToken, invalidToken, operationNotFound, readsThrottled } from "./azure-errors";
import type { ReadVerdict } from "./read-throttle";
import type { AzureRoute } from "./routes";
import type { ScenarioStore } from "./scenario-store";
import type { SimResponse } from "./sim-response";
import { selectStep } from "./step-select";
import { stepResponse } from "./step-response";
import type { TokenChecker, TokenCheck } from "./token-check";

export interface AzureRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
}

export interface AzureHandlerContext {
  store: ScenarioStore;
  checkToken: TokenChecker;
  now: () => number;
  /** Sent in `WWW-Authenticate` on 401s. */
  authorizationUri: string;
}

/**
 * One GET of an operation, checked in ARM's order: method, token, read throttling (ARM routes only), api-version,
 * then the operation itself. Every request that names a known scenario is logged on it, whatever the answer.
 */
export async function handleAzureRequest(route: AzureRoute, request: AzureRequest, context: AzureHandlerContext): Promise<SimResponse> {
  const { store, now } = context;
  const stored = store.find(route);
  const token = await context.checkToken(headerValue(request.headers.authorization), route.kind);
  const denied = accessRefusal(route, request, context, token);
  // ARM throttles after authentication (its buckets are per principal), so a 401 spends no read and says nothing of
  // the budget; a 405 is not a read at all.
  const reads = denied === undefined ? readOf(route, store) : undefined;
  // Before the step's own headers, so that a scenario can still set or remove them.
  const base = { ...standardHeaders(request.headers), ...reads?.headers };
  const refusal = denied ?? throttled(route, reads) ?? apiVersionRefusal(route, request);
  let response: SimResponse;
  if (refusal === undefined && stored) {
    const start = store.startClock(stored);
    const at = now();
    const step = selectStep(stored.steps, at - start);
    response = stepResponse(route.kind, step, { start, now: at, end: start + step.afterMs }, base);
  } else {
    const error = refusal ?? operationNotFound(route.kind, namesOf(route));
    response = { ...error, headers: { ...base, ...error.headers } };
  }
  if (stored) store.log(stored, { at: now(), method: request.method, url: request.url, headers: request.headers, token: token.info, status: response.status });
  return response;
}

/** Who may ask at all: the method and the token. */
function accessRefusal(route: AzureRoute, request: AzureRequest, context: AzureHandlerContext, token: TokenCheck): SimResponse | undefined {
  if (request.method !== "GET") return methodNotAllowed(request.method, ["GET"], route.kind);
  if (token.accepted) return undefined;
  return token.missing ? missingToken(route.kind, context.authorizationUri) : invalidToken(route.kind, context.authorizationUri, token.reason);
}

/** Only ARM throttles this way; the DevCenter data plane has no subscription to count against. */
function readOf(route: AzureRoute, store: ScenarioStore): ReadVerdict | undefined {
  return route.kind === "devops" ? store.reads.read(route.subscriptionId) : undefined;
}

function throttled(route: AzureRoute, reads: ReadVerdict | undefined): SimResponse | undefined {
  return route.kind === "devops" && reads?.allowed === false ? readsThrottled(route.subscriptionId, reads.retryAfterSeconds) : undefined;
}

function apiVersionRefusal(route: AzureRoute, request: AzureRequest): SimResponse | undefined {
  const apiVersion = request.url.searchParams.get("api-version");
  if (apiVersion === null || apiVersion === "") return missingApiVersion(route.kind);
  if (apiVersion !== API_VERSIONS[route.kind]) return invalidApiVersion(route.kind, apiVersion);
  return undefined;
}

/** ARM and DevCenter give every response a request id, and echo the caller's correlation id when it sent one. */
function standardHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const correlation = headerValue(headers["x-ms-correlation-request-id"]);
  const requestId = randomUUID();
  return {
    "x-ms-request-id": requestId,
    "x-ms-correlation-request-id": correlation !== undefined && isUuid(correlation) ? correlation : randomUUID(),
    "cache-control": "no-cache",
  };
}

function namesOf(route: AzureRoute): { container: string; operation: string } {
  return route.kind === "devops"
    ? { container: route.securityConnectorName, operation: route.operationResultId }
    : { container: route.projectName, operation: route.operationId };
}

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
