"use client";

import { useCallback, useMemo, useState } from "react";
import type { WatchItem } from "@/lib/watch-list/watch-list";

function toggled(previous: ReadonlySet<string>, keys: readonly string[], on: boolean): ReadonlySet<string> {
  const next = new Set(previous);
  for (const key of keys) {
    if (on) next.add(key);
    else next.delete(key);
  }
  return next;
}

/**
 * The ticked rows by key. A removed row's tick is kept, so Undo brings it back ticked; `selectedItems` are the ticked
 * rows still watched, in list order: a board link's "selected" rows.
 */
export function useRowSelection(items: readonly WatchItem[], keys: readonly string[]) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const selectedItems = useMemo(() => items.filter((_, i) => selected.has(keys[i] ?? "")), [items, keys, selected]);
  const select = useCallback((key: string, on: boolean) => {
    setSelected((previous) => toggled(previous, [key], on));
  }, []);
  const selectAll = useCallback((all: readonly string[], on: boolean) => {
    setSelected((previous) => toggled(previous, all, on));
  }, []);
  return { selected, selectedItems, select, selectAll };
}
