import type { DiscoveryEndpoint } from "@/lib/watch-list/discovery-endpoint";
import type { DiscoveredOperation, EndpointDiscovery } from "./discovery-types";

/**
 * The operations "watch new operations automatically" adds now: active ones that started since the switch was turned
 * on, not watched already, and never added before (so one the person removed stays removed).
 */
export function operationsToAutoWatch(
  endpoint: DiscoveryEndpoint,
  discovery: EndpointDiscovery,
  watchedKeys: ReadonlySet<string>,
): DiscoveredOperation[] {
  const since = endpoint.autoWatchSince;
  if (!endpoint.autoWatch || since === undefined || endpoint.host !== discovery.endpointHost.toLowerCase()) return [];
  const added = new Set(endpoint.autoWatched);
  return discovery.operations.filter(
    (o) => o.group === "active" && o.startTime !== undefined && o.startTime >= since && !watchedKeys.has(o.key) && !added.has(o.key),
  );
}
