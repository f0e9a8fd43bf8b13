"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { useWatchedSummaryStore } from "@/components/hooks/use-watched-summary";
import { useWatchList } from "@/lib/watch-list/use-watch-list";
import { AppHeader } from "@/components/layout/app-header";
import { NotificationToggle } from "@/components/notifications/completion-notices";
import { OperationRow } from "@/components/operation/operation-row";
import { ReadBudgetNotices } from "@/components/polling/read-budget-notices";
import type { OperationRef } from "@/lib/azure/operation-ref";
import { hasWatchItem } from "@/lib/watch-list/watch-list";
import { watchItemKey } from "@/lib/watch-list/store";
import { operationKeys } from "@/lib/query/keys";
import { AddOperationPanel, type AddOutcome } from "./add-operation-panel";
import { ClearFinishedButton, HeaderCounts, SectionCounts, SummaryCompletionNotices, SummaryRunningTitle } from "./summary-views";
import { WatchedTimeline } from "./watched-timeline";
import { WatchlistNotice } from "./watchlist-notice";

/**
 * Re-renders only when the watch list changes. Poll results re-render their own row and, at most once a second, the
 * summary leaves that read the shared summary store.
 */
export function Dashboard() {
  const { state, store } = useWatchList();
  const client = useQueryClient();
  // Newest first on screen; storage keeps the order of adding.
  const items = useMemo(() => [...state.items].reverse(), [state.items]);
  const keys = useMemo(() => items.map(watchItemKey), [items]);
  const summary = useWatchedSummaryStore(items, keys);

  const remove = useCallback(
    (removed: readonly string[]) => {
      store.remove(removed);
      for (const key of removed) client.removeQueries({ queryKey: operationKeys.byKey(key), exact: true });
    },
    [store, client],
  );
  const removeOne = useCallback((key: string) => {
    remove([key]);
  }, [remove]);

  const add = useCallback(
    (ref: OperationRef): AddOutcome => {
      if (hasWatchItem(store.getSnapshot().items, ref)) return "duplicate";
      store.add(ref);
      return "added";
    },
    [store],
  );

  return (
    <>
      <SummaryRunningTitle store={summary} />
      <AppHeader>
        {state.loaded ? <HeaderCounts store={summary} /> : null}
      </AppHeader>
      <main className="mx-auto flex max-w-6xl flex-col gap-4 p-4">
        <h1 className="sr-only">opwatch dashboard</h1>
        <WatchlistNotice notice={state.notice} onDismiss={store.dismissNotice} />
        <SummaryCompletionNotices store={summary} />
        <ReadBudgetNotices />
        <AddOperationPanel onAdd={add} />
        <section aria-labelledby="watched-heading" className="flex flex-col gap-2">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id="watched-heading" className="text-lg font-semibold">
              Watched operations
            </h2>
            <SectionCounts store={summary} />
            <div className="ml-auto flex items-center gap-2">
              <NotificationToggle />
              <ClearFinishedButton store={summary} onClear={remove} />
            </div>
          </div>
          {!state.loaded ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">Loading the watch list…</p>
          ) : items.length === 0 ? (
            <p className="rounded border border-dashed border-slate-300 p-4 text-sm text-slate-600 dark:border-slate-600 dark:text-slate-400">
              Nothing is watched yet. Paste an operation URL above, or open an opwatch link someone shared.
            </p>
          ) : (
            <ul aria-label="Watched operations" data-testid="watch-list" className="flex flex-col gap-2">
              {items.map((item, i) => (
                <OperationRow key={keys[i]} item={item} onRemove={removeOne} />
              ))}
            </ul>
          )}
        </section>
        {items.length > 0 ? <WatchedTimeline store={summary} /> : null}
      </main>
    </>
  );
}
