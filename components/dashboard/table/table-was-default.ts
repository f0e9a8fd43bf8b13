"use client";

import { useState, useSyncExternalStore } from "react";
import type { WatchListStore } from "@/lib/watch-list/store";
import { TABLE_THRESHOLD } from "./table-query";

type WatchListSource = Pick<WatchListStore, "subscribe" | "getSnapshot">;

const tableIsDefault = (source: WatchListSource) => source.getSnapshot().items.length > TABLE_THRESHOLD;

/**
 * Whether the table has been the default view (the list longer than TABLE_THRESHOLD) since the dashboard opened; once
 * true it stays so, and removing rows down to the threshold does not swap the view, and the focus, under the person's
 * hands. It learns from the list's own changes, and from the list as it is when the dashboard starts to listen, never
 * from a render.
 */
export function createTableWasDefault(source: WatchListSource) {
  let was = false;
  const learn = () => {
    if (tableIsDefault(source)) was = true;
  };
  return {
    subscribe: (listener: () => void): (() => void) => {
      learn();
      return source.subscribe(() => {
        learn();
        listener();
      });
    },
    getSnapshot: (): boolean => was || tableIsDefault(source),
  };
}

const notOnTheServer = () => false;

/** createTableWasDefault for this dashboard's life: a dashboard opened again starts from the list as it is then. */
export function useTableWasDefault(store: WatchListSource): boolean {
  const [latch] = useState(() => createTableWasDefault(store));
  return useSyncExternalStore(latch.subscribe, latch.getSnapshot, notOnTheServer);
}
