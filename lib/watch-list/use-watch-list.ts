"use client";

import { useEffect, useSyncExternalStore } from "react";
import { usePublicConfig } from "@/lib/config/public-config";
import { getWatchListStore, type WatchListState, type WatchListStore } from "./store";

const serverState: WatchListState = { loaded: false, items: [], notice: undefined };

/** The tab's watch list; loads (and seeds a never-used list with the demo operations) on first use. */
export function useWatchList(): { state: WatchListState; store: WatchListStore } {
  const store = getWatchListStore();
  const { demoOperations } = usePublicConfig();
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, () => serverState);
  useEffect(() => {
    store.load(demoOperations);
  }, [store, demoOperations]);
  return { state, store };
}
