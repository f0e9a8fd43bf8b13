"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useSyncExternalStore } from "react";
import type { WatchItem } from "@/lib/watch-list/watch-list";
import { createWatchedSummaryStore, type WatchedSummary, type WatchedSummaryStore } from "./watched-summary-store";

/** One store per watch list: every summary component shares its work. */
export function useWatchedSummaryStore(items: readonly WatchItem[], keys: readonly string[]): WatchedSummaryStore {
  const client = useQueryClient();
  return useMemo(() => createWatchedSummaryStore(client, items, keys), [client, items, keys]);
}

export function useWatchedSummary(store: WatchedSummaryStore): WatchedSummary {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
