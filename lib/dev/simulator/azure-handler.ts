import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { API_VERSIONS } from "@/lib/azure/operation-ref";
import type { OperationKind } from "@/lib/azure/operation-ref";
import {
  devCenterThrottled,
  invalidApiVersion,
  methodNotAllowed,
  missingApiVersion,
  missingToken,
  invalidToken,
  operationNotFound,
  readsThrottled,
} from "./azure-errors";
import type { DevCenterState } from "./devcenter-state";
import { minuteLimitHeaders, secondsToReset, type MinuteLimit } from "./minute-limit";
import type { AzureRoute } from "./routes";
import type { ScenarioStore } from "./scenario-store";
import type { SimResponse } from "./sim-response";
import { selectStep } from "./step-select";
import { stepResponse } from "./step-response";
import { callerObjectId, type TokenChecker, type TokenCheck } from "./token-check";

export interface AzureRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
}

export interface AzureHandlerContext {
  store: ScenarioStore;
  devCenter: DevCenterState;
  checkToken: TokenChecker;
  now: () => number;
  /** Sent in `WWW-Authenticate` on 401s. */
  authorizationUri: string;
}

/**
 * One GET of an operation, checked in ARM's order: method, token, read budget (ARM's per subscription, DevCenter's per
 * caller and minute), api-version, then the operation itself. Every request that names a known scenario is logged on it, whatever the answer.
 */
export async function handleAzureRequest(route: AzureRoute, request: AzureRequest, context: AzureHandlerContext): Promise<SimResponse> {
  const { store, now } = context;
  const stored = store.find(route);
  const token = await context.checkToken(headerValue(request.headers.authorization), route.kind);
  const denied = accessRefusal(route.kind, request, context, token);
  // ARM and DevCenter count after authentication (per principal, per caller), so a 401 spends no read and says
  // nothing of the budget; a 405 is not a read at all.
  const budget = denied === undefined ? budgetOf(route, context, token) : undefined;
  // Before the step's own headers, so that a scenario can still set or remove them.
  const base = { ...standardHeaders(request.headers), ...budget?.headers };
  const refusal = denied ?? budget?.refusal ?? apiVersionRefusal(route.kind, request);
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
export function accessRefusal(kind: OperationKind, request: AzureRequest, context: AzureHandlerContext, token: TokenCheck): SimResponse | undefined {
  if (request.method !== "GET") return methodNotAllowed(request.method, ["GET"], kind);
  if (token.accepted) return undefined;
  return token.missing ? missingToken(kind, context.authorizationUri) : invalidToken(kind, context.authorizationUri, token.reason);
}

/** What is left of the caller's budget after this read, and the refusal when it was spent. */
export interface Budget {
  headers: Record<string, string>;
  refusal?: SimResponse | undefined;
}

/** ARM's read bucket per subscription, or DevCenter's per-minute limit per caller. */
function budgetOf(route: AzureRoute, context: AzureHandlerContext, token: TokenCheck): Budget | undefined {
  if (route.kind === "devcenter") return devCenterBudget(context.devCenter.limit, callerObjectId(token.info), context.now());
  const reads = context.store.reads.read(route.subscriptionId);
  if (!reads) return undefined;
  return { headers: reads.headers, refusal: reads.allowed ? undefined : readsThrottled(route.subscriptionId, reads.retryAfterSeconds) };
}

/** DevCenter's limit on every answer of its data plane, keyed by the caller's object id; undefined: the limit is off. */
export function devCenterBudget(limit: MinuteLimit | undefined, caller: string, now: number): Budget | undefined {
  if (!limit) return undefined;
  const verdict = limit.take(caller, now);
  return { headers: minuteLimitHeaders(verdict), refusal: verdict.allowed ? undefined : devCenterThrottled(secondsToReset(verdict, now)) };
}

export function apiVersionRefusal(kind: OperationKind, request: Pick<AzureRequest, "url">): SimResponse | undefined {
  const apiVersion = request.url.searchParams.get("api-version");
  if (apiVersion === null || apiVersion === "") return missingApiVersion(kind);
  if (apiVersion !== API_VERSIONS[kind]) return invalidApiVersion(kind, apiVersion);
  return undefined;
}

/** ARM and DevCenter give every response a request id, and echo the caller's correlation id when it sent one. */
export function standardHeaders(headers: IncomingHttpHeaders): Record<string, string> {
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

export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
