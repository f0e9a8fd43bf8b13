"use client";

import { useCallback, useState, useSyncExternalStore } from "react";
import type { WatchedSummary, WatchedSummaryStore } from "@/components/hooks/watched-summary-store";
import type { WatchItem } from "@/lib/watch-list/watch-list";
import { visibleRows } from "./table-order";
import type { TableQuery } from "./table-query";

export interface VisibleRow {
  item: WatchItem;
  key: string;
}

type SummaryPart = Pick<WatchedSummary, "keys" | "snapshots" | "attention">;

const sameRows = (a: readonly VisibleRow[], b: readonly VisibleRow[]) => a.length === b.length && a.every((row, i) => row.item === b[i]?.item);

/**
 * Computes the shown rows once per summary and query, and hands back the previous array while the rows and their
 * order are the same: the table re-renders when its order changes, not whenever a read arrives.
 */
export function createRowsSelector(now: () => number = Date.now) {
  let last: { summary: SummaryPart; items: readonly WatchItem[]; query: TableQuery; rows: readonly VisibleRow[] } | undefined;
  return (summary: SummaryPart, items: readonly WatchItem[], query: TableQuery): readonly VisibleRow[] => {
    if (last?.summary === summary && last.items === items && last.query === query) return last.rows;
    const next = visibleRows({ items, keys: summary.keys, snapshots: summary.snapshots, attention: summary.attention, query, now: now() }).map(
      ({ item, key }) => ({ item, key }),
    );
    const rows = last !== undefined && sameRows(last.rows, next) ? last.rows : next;
    last = { summary, items, query, rows };
    return rows;
  };
}

const NONE: readonly VisibleRow[] = [];

/**
 * The table's rows, filtered and ordered, recomputed from the summary store (at most once a second, however many
 * reads arrive): sorting by last read moves rows once a second, and an order that did not change re-renders nothing.
 */
export function useVisibleRows(store: WatchedSummaryStore, items: readonly WatchItem[], query: TableQuery, enabled: boolean): readonly VisibleRow[] {
  const [select] = useState(() => createRowsSelector());
  // The cards view orders its own rows: nothing to compute, nothing to re-render for.
  const get = useCallback(() => (enabled ? select(store.getSnapshot(), items, query) : NONE), [select, store, items, query, enabled]);
  return useSyncExternalStore(store.subscribe, get, get);
}
