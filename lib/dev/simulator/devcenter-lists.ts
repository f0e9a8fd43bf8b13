import { DISCOVERY_API_VERSION } from "@/lib/azure/discovery-lists";
import { devBoxNotFound, invalidSkipToken, listFault, projectNotFound } from "./azure-errors";
import { accessRefusal, apiVersionRefusal, devCenterBudget, headerValue, standardHeaders, type AzureHandlerContext, type AzureRequest } from "./azure-handler";
import type { DevCenterState } from "./devcenter-state";
import type { DevCenterListRoute } from "./routes";
import { jsonResponse, type SimResponse } from "./sim-response";
import { callerObjectId } from "./token-check";

/**
 * DevCenter's lists of the caller's own (`GET /projects`, `/users/me/devboxes`, `/projects/{p}/users/me/devboxes`,
 * `/projects/{p}/users/me/devboxes/{d}/operations`), checked in the status route's order (method, token, per-minute
 * limit, api-version), then a planted fault, then the list: `{"value":[...], "nextLink"?}` one page at a time.
 */
export async function handleDevCenterList(route: DevCenterListRoute, request: AzureRequest, context: AzureHandlerContext): Promise<SimResponse> {
  const token = await context.checkToken(headerValue(request.headers.authorization), "devcenter");
  const denied = accessRefusal("devcenter", request, context, token);
  const response = denied ?? answerDevCenterList(route, request.url, callerObjectId(token.info), context.devCenter, context.now());
  return { ...response, headers: { ...standardHeaders(request.headers), ...response.headers } };
}

/**
 * The answer to an authenticated caller's list read, from the per-minute limit on: pure, with the time passed in, so
 * that the discovery benchmark reads on virtual time exactly what the HTTP route serves.
 */
export function answerDevCenterList(route: DevCenterListRoute, url: URL, owner: string, devCenter: DevCenterState, now: number): SimResponse {
  const budget = devCenterBudget(devCenter.limit, owner, now);
  const response = budget?.refusal ?? apiVersionRefusal("devcenter", { url }) ?? answerList(route, url, owner, devCenter, now);
  return { ...response, headers: { ...budget?.headers, ...response.headers } };
}

/** The continuation query of a nextLink: where the next page starts. */
const SKIP_TOKEN = "$skipToken";

function answerList(route: DevCenterListRoute, url: URL, owner: string, devCenter: DevCenterState, now: number): SimResponse {
  const skipText = url.searchParams.get(SKIP_TOKEN);
  const skip = skipText === null ? 0 : Number(skipText);
  if (skipText !== null && !(/^\d{1,9}$/.test(skipText) && Number.isSafeInteger(skip))) return invalidSkipToken(skipText);
  const { model, faults } = devCenter;
  const projectName = route.list === "projects" ? undefined : route.projectName;
  const fault = faults.take(route.list, owner, projectName);
  if (fault) return listFault(fault.status, fault.headers);
  let items: readonly unknown[] | undefined;
  switch (route.list) {
    case "projects":
      items = model.projects();
      break;
    case "devboxes":
      items = model.devBoxes(owner, now, route.projectName);
      if (!items) return projectNotFound(route.projectName ?? "");
      break;
    case "operations":
      if (!model.hasProject(route.projectName)) return projectNotFound(route.projectName);
      items = model.operations(owner, route.projectName, route.devBoxName, now);
      if (!items) return devBoxNotFound(route.projectName, route.devBoxName);
      break;
  }
  const size = faults.pageSize(owner);
  const value = items.slice(skip, skip + size);
  const more = skip + size < items.length;
  return jsonResponse(200, more ? { value, nextLink: nextLink(url, devCenter.origin, skip + size) } : { value });
}

/** The same list on the simulator's own origin, path as requested, with where the next page starts. */
function nextLink(url: URL, origin: string, skip: number): string {
  return `${origin}${url.pathname}?api-version=${DISCOVERY_API_VERSION}&${SKIP_TOKEN}=${skip}`;
}
