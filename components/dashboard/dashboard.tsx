"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { useOperationSnapshots } from "@/components/hooks/use-operation-snapshots";
import { useWatchList } from "@/components/hooks/use-watch-list";
import { AppHeader } from "@/components/layout/app-header";
import { CompletionNotices, NotificationToggle } from "@/components/notifications/completion-notices";
import { OperationRow } from "@/components/operation/operation-row";
import { refLabel, type OperationRef } from "@/lib/azure/operation-ref";
import { isTerminal } from "@/lib/operations/model";
import type { Observed } from "@/lib/operations/notify";
import { hasWatchItem } from "@/lib/operations/watch-list";
import { watchItemKey } from "@/lib/operations/watch-list-store";
import { isSnapshotRunning, operationKeys } from "@/lib/query/operation-queries";
import { AddOperationPanel, type AddOutcome } from "./add-operation-panel";
import { RunningTitle } from "./running-title";
import { WatchedTimeline } from "./watched-timeline";
import { WatchlistNotice } from "./watchlist-notice";

export function Dashboard() {
  const { state, store } = useWatchList();
  const client = useQueryClient();
  // Newest first on screen; storage keeps the order of adding.
  const items = useMemo(() => [...state.items].reverse(), [state.items]);
  const keys = useMemo(() => items.map(watchItemKey), [items]);
  const snapshots = useOperationSnapshots(keys);

  const observed = useMemo<Observed[]>(
    () =>
      items.map((item, i) => ({
        key: keys[i] ?? watchItemKey(item),
        label: item.label ?? refLabel(item.ref),
        category: snapshots[i]?.operation?.category,
        status: snapshots[i]?.operation?.status,
      })),
    [items, keys, snapshots],
  );
  const running = snapshots.filter(isSnapshotRunning).length;
  const finished = observed.filter((o) => o.category !== undefined && isTerminal(o.category)).map((o) => o.key);

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
      <RunningTitle running={running} />
      <AppHeader>
        {state.loaded ? `${items.length} watched · ${running} running` : null}
      </AppHeader>
      <main className="mx-auto flex max-w-6xl flex-col gap-4 p-4">
        <h1 className="sr-only">opwatch dashboard</h1>
        <WatchlistNotice notice={state.notice} onDismiss={store.dismissNotice} />
        <CompletionNotices observed={observed} />
        <AddOperationPanel onAdd={add} />
        <section aria-labelledby="watched-heading" className="flex flex-col gap-2">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id="watched-heading" className="text-lg font-semibold">
              Watched operations
            </h2>
            <span className="text-sm text-slate-600 dark:text-slate-400">
              {items.length} · {running} running · {finished.length} finished
            </span>
            <div className="ml-auto flex items-center gap-2">
              <NotificationToggle />
              <button
                type="button"
                disabled={finished.length === 0}
                onClick={() => {
                  remove(finished);
                }}
                data-testid="clear-finished"
                className="rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800"
              >
                Clear finished
              </button>
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
        {items.length > 0 ? <WatchedTimeline observed={observed} snapshots={snapshots} /> : null}
      </main>
    </>
  );
}
