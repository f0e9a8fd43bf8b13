import type { DiscoveryEndpoint } from "@/lib/watch-list/discovery-endpoint";
import type { DiscoveredOperation, EndpointDiscovery } from "./discovery-types";

/** How many auto-watched keys an endpoint remembers: far more than run at once, few enough for the stored document. */
export const AUTO_WATCHED_KEPT = 200;

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

/** `autoWatched` after adding `keys`: each key once, newest last, only the newest AUTO_WATCHED_KEPT. */
export function rememberAutoWatched(autoWatched: readonly string[], keys: readonly string[]): string[] {
  const added = new Set(keys);
  return [...autoWatched.filter((k) => !added.has(k)), ...added].slice(-AUTO_WATCHED_KEPT);
}
