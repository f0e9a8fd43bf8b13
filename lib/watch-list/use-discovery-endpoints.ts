"use client";

import { useMemo } from "react";
import type { DiscoveryEndpoint } from "./discovery-endpoint";
import { useWatchList } from "./use-watch-list";

export interface DiscoveryEndpoints {
  endpoints: readonly DiscoveryEndpoint[];
  /** A host or a URL on it; text naming no valid host is ignored (parseEndpointInput says why, for a form). */
  add: (host: string) => void;
  remove: (host: string) => void;
  setAutoWatch: (host: string, on: boolean) => void;
  /** Keys just added on their own, remembered so that one the person removes is not added again. */
  noteAutoWatched: (host: string, keys: readonly string[]) => void;
}

/**
 * The endpoints whose dev boxes opwatch looks for: kept in the watch list's stored document, so they follow its tabs,
 * its damaged-storage backup and its first-visit seed.
 */
export function useDiscoveryEndpoints(): DiscoveryEndpoints {
  const { state, store } = useWatchList();
  const { endpoints } = state;
  return useMemo(
    () => ({
      endpoints,
      add: (host) => {
        store.addEndpoint(host);
      },
      remove: (host) => {
        store.removeEndpoint(host);
      },
      setAutoWatch: store.setAutoWatch,
      noteAutoWatched: store.noteAutoWatched,
    }),
    [endpoints, store],
  );
}
