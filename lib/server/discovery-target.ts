import "server-only";
import { DISCOVERY_API_VERSION, discoveryUpstreamPath, type DiscoveryList, type DiscoveryListRequest } from "@/lib/azure/discovery-lists";
import { fail, ok, validateParam, type ParamName, type Result } from "@/lib/azure/params";
import type { ProxyConfig } from "@/lib/config/proxy-config";
import { nextLinkOf, nextPageUrl } from "./discovery-next-link";
import { proxyError } from "./errors";
import { allowedDevcenterUrl, doubleEncodingRefusal, type ProxyTarget } from "./proxy-target";

/**
 * A discovery route's parameters and query turned into the one DevCenter list URL the proxy may call, or the 400 that
 * says why not. Nothing here touches the network.
 */

/** The route parameters of each list, as its route file names them. */
const DISCOVERY_ROUTE_PARAMS = {
  projects: ["endpointHost"],
  devboxes: ["endpointHost"],
  operations: ["endpointHost", "projectName", "devBoxName"],
} as const satisfies Record<DiscoveryList, readonly ParamName[]>;

export function resolveDiscoveryTarget(
  list: DiscoveryList,
  requestUrl: string,
  params: Readonly<Record<string, unknown>>,
  env: ProxyConfig,
): Result<ProxyTarget, Response> {
  const names = DISCOVERY_ROUTE_PARAMS[list];
  const refused = doubleEncodingRefusal(names, params);
  if (refused !== undefined) return fail(refused);
  const values: Partial<Record<ParamName, string>> = {};
  for (const name of names) {
    const checked = validateParam(name, params[name]);
    if (!checked.ok) return fail(proxyError("InvalidParameter", checked.error));
    values[name] = checked.value;
  }
  const endpointHost = values.endpointHost ?? "";
  const request: DiscoveryListRequest =
    list === "operations"
      ? { list, endpointHost, projectName: values.projectName ?? "", devBoxName: values.devBoxName ?? "" }
      : { list, endpointHost };

  const allowed = allowedDevcenterUrl(endpointHost, env, (origin) => new URL(discoveryUpstreamPath(request), origin));
  if (!allowed.ok) return allowed;
  const listUrl = allowed.value;

  const nextLink = nextLinkOf(requestUrl);
  if (!nextLink.ok) return fail(proxyError("InvalidParameter", nextLink.error));
  if (nextLink.value === undefined) {
    listUrl.searchParams.set("api-version", DISCOVERY_API_VERSION);
    return ok({ url: listUrl, upstreamHost: listUrl.host });
  }
  const page = nextPageUrl(nextLink.value, listUrl);
  if (!page.ok) return fail(proxyError("InvalidParameter", page.error));
  return ok({ url: page.value, upstreamHost: page.value.host });
}
