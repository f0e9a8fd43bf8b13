"use client";

import { useEffect } from "react";
import { operationsToAutoWatch } from "@/lib/discovery/auto-watch";
import type { EndpointDiscovery } from "@/lib/discovery/discovery-types";
import { watchLabelOf } from "@/lib/discovery/watch-label";
import type { DiscoveryEndpoint } from "@/lib/watch-list/discovery-endpoint";
import { watchItemKey } from "@/lib/watch-list/store";
import { useWatchList } from "@/lib/watch-list/use-watch-list";

/** Where the endpoints are kept (lib/watch-list/use-discovery-endpoints.ts). */
export interface AutoWatchNotes {
  noteAutoWatched(host: string, keys: readonly string[]): void;
}

/**
 * "Watch new operations automatically": each new discovery of the endpoint adds what the rule picks
 * (lib/discovery/auto-watch.ts) to the watch list, then notes them so one the person removes is not added again.
 * Only the polling tab adds (`adds`): it makes the sweeps, so it has every discovery first, and the watch list and
 * endpoints it writes reach the other tabs through storage. The rule skips what is watched or noted, so a second tab
 * adding the same answer would add nothing.
 */
export function useAutoWatch(
  endpoint: DiscoveryEndpoint,
  discovery: EndpointDiscovery,
  adds: boolean,
  kept: AutoWatchNotes,
): void {
  const { state, store } = useWatchList();
  useEffect(() => {
    if (!adds || !endpoint.autoWatch || !state.loaded) return;
    const watched = new Set(state.items.map(watchItemKey));
    const picked = operationsToAutoWatch(endpoint, discovery, watched);
    if (picked.length === 0) return;
    for (const operation of picked) store.add(operation.ref, watchLabelOf(operation));
    kept.noteAutoWatched(endpoint.host, picked.map((operation) => operation.key));
  }, [adds, endpoint, discovery, state, store, kept]);
}
