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

const attentionOf = (store: WatchedSummaryStore) => store.getSnapshot().attention;

/**
 * Keys of the failed and unreadable operations, for the list to put first. Re-renders only when that set changes
 * (the store keeps the same array while it does not), not on every poll summary.
 */
export function useAttentionKeys(store: WatchedSummaryStore): readonly string[] {
  const get = () => attentionOf(store);
  return useSyncExternalStore(store.subscribe, get, get);
}
