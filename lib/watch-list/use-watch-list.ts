"use client";

import { useEffect, useSyncExternalStore } from "react";
import { usePublicConfig } from "@/lib/config/public-config";
import { getWatchListStore, type WatchListState, type WatchListStore } from "./store";

const serverState: WatchListState = { loaded: false, items: [], endpoints: [], notice: undefined };

/**
 * The tab's watch list; loads (and seeds a never-used list with the demo operations and the configured discovery
 * endpoints) on first use.
 */
export function useWatchList(): { state: WatchListState; store: WatchListStore } {
  const store = getWatchListStore();
  const { demoOperations, discoveryEndpoints } = usePublicConfig();
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, () => serverState);
  useEffect(() => {
    store.load(demoOperations, discoveryEndpoints);
  }, [store, demoOperations, discoveryEndpoints]);
  return { state, store };
}
