"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState, useSyncExternalStore, type RefObject } from "react";
import { createUndoRemovals } from "@/components/hooks/undo-removals";
import { operationKeys } from "@/lib/query/keys";
import type { WatchListStore } from "@/lib/watch-list/store";
import type { ClearGroup } from "./summary-views";
import type { RowLinks } from "./row-links";
import { clearMessage, removeMessage } from "./watched-order";

/**
 * A row's Remove and the Clear buttons, each with an Undo offer. The focus would fall to the page's start with the
 * pressed button gone: it goes to the neighbour row's name, else (and after a Clear) to the list's heading.
 */
export function useUndoableRemoval(store: WatchListStore, rowLinks: Pick<RowLinks, "focusNeighbour">, heading: RefObject<HTMLElement | null>) {
  const client = useQueryClient();
  // A removal is final (its cached reads dropped) only when its undo offer ends: undone rows come back as they were.
  const [undo] = useState(() =>
    createUndoRemovals(store, (removed) => {
      for (const key of removed) client.removeQueries({ queryKey: operationKeys.byKey(key), exact: true });
    }),
  );
  const offer = useSyncExternalStore(undo.subscribe, undo.getSnapshot, undo.getSnapshot);
  useEffect(() => () => {
    undo.finish();
  }, [undo]);

  const removeOne = useCallback(
    (key: string) => {
      if (!rowLinks.focusNeighbour(key)) heading.current?.focus();
      undo.remove([key], removeMessage);
    },
    [undo, rowLinks, heading],
  );
  const clear = useCallback(
    (cleared: readonly string[], group: ClearGroup) => {
      undo.remove(cleared, (removal) => clearMessage(removal, group));
      heading.current?.focus();
    },
    [undo, heading],
  );
  return { offer, undo, removeOne, clear };
}
