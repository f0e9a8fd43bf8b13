"use client";

import { useSyncExternalStore } from "react";

/**
 * The page's `#fragment` (without "#"), kept current: a board link pasted into the address bar of an open board only
 * changes the fragment, which reloads nothing. `popstate` too: history navigation between two fragments.
 */
function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  window.addEventListener("popstate", onChange);
  return () => {
    window.removeEventListener("hashchange", onChange);
    window.removeEventListener("popstate", onChange);
  };
}

export function useLocationHash(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.hash.slice(1),
    () => "",
  );
}
