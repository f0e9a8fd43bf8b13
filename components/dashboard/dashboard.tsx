"use client";

import { useQueryClient } from "@tanstack/react-query";
import { memo, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { useAttentionKeys, useWatchedSummaryStore } from "@/components/hooks/use-watched-summary";
import { createUndoRemovals } from "@/components/hooks/undo-removals";
import { useWatchList } from "@/lib/watch-list/use-watch-list";
import { AppHeader } from "@/components/layout/app-header";
import { NotificationToggle } from "@/components/notifications/completion-notices";
import { OperationRow } from "@/components/operation/operation-row";
import { ReadBudgetNotices } from "@/components/polling/read-budget-notices";
import { UndoNotice } from "@/components/ui/undo-notice";
import type { OperationRef } from "@/lib/azure/operation-ref";
import { hasWatchItem } from "@/lib/watch-list/watch-list";
import { watchItemKey } from "@/lib/watch-list/store";
import { operationKeys } from "@/lib/query/keys";
import { ShareBoardButton } from "@/components/board/share-board-button";
import { AddOperationPanel, type AddOutcome } from "./add-operation-panel";
import { ClearButtons, HeaderCounts, SectionCounts, SummaryCompletionNotices, SummaryRunningTitle, type ClearGroup } from "./summary-views";
import { attentionFirst, clearMessage, removeMessage } from "./watched-order";
import { KeepWatchedQueries } from "./table/keep-queries";
import { OperationsTable } from "./table/operations-table";
import { TableFilters } from "./table/table-filters";
import { hasFilters, viewFor, type TableQuery } from "./table/table-query";
import { useTableQuery } from "./table/use-table-query";
import { useTableWasDefault } from "./table/table-was-default";
import { useVisibleRows } from "./table/use-visible-rows";
import { ViewSwitch } from "./view-switch";
import { WatchedTimeline } from "./watched-timeline";
import { WatchlistNotice } from "./watchlist-notice";

// The table's order can change every second; these siblings take only stable props and need not render with it.
const AddPanel = memo(AddOperationPanel);
const Timeline = memo(WatchedTimeline);

/**
 * Re-renders when the watch list changes, when the set of operations needing attention does (they sort first), and
 * in the table view when its shown rows or their order do (at most once a second). Poll results re-render their own
 * row and, at most once a second, the summary leaves that read the summary store.
 */
export function Dashboard() {
  const { state, store } = useWatchList();
  const client = useQueryClient();
  // Newest first on screen; storage keeps the order of adding.
  const items = useMemo(() => [...state.items].reverse(), [state.items]);
  const keys = useMemo(() => items.map(watchItemKey), [items]);
  const summary = useWatchedSummaryStore(items, keys);
  const attention = useAttentionKeys(summary);
  const shown = useMemo(() => attentionFirst(items, keys, attention), [items, keys, attention]);
  const heading = useRef<HTMLHeadingElement>(null);

  // The table's state lives in the URL; the cards show every row in attention order.
  const [query, setQuery] = useTableQuery();
  const tableWasDefault = useTableWasDefault(store);
  const view = viewFor(query, items.length, tableWasDefault);
  const tableRows = useVisibleRows(summary, items, query, view === "table");
  const rows = view === "table" ? tableRows : shown;
  /** What the person sees, filtered and in order: a board link's "filtered" rows. */
  const visibleItems = useMemo(() => rows.map((row) => row.item), [rows]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  /** The ticked rows still watched, in list order: a board link's "selected" rows (else `visibleItems`). */
  const selectedItems = useMemo(() => items.filter((_, i) => selected.has(keys[i] ?? "")), [items, keys, selected]);
  const select = useCallback((key: string, on: boolean) => {
    setSelected((previous) => toggled(previous, [key], on));
  }, []);
  const selectAll = useCallback((all: readonly string[], on: boolean) => {
    setSelected((previous) => toggled(previous, all, on));
  }, []);
  const sortBy = useCallback(
    (sort: TableQuery["sort"]) => {
      setQuery({ sort });
    },
    [setQuery],
  );

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
      // Focus would fall to the page's start with the row's button gone: the next row (or the one before) takes it.
      if (!focusNeighbour(key)) heading.current?.focus();
      undo.remove([key], removeMessage);
    },
    [undo],
  );
  const clear = useCallback(
    (cleared: readonly string[], group: ClearGroup) => {
      undo.remove(cleared, (removal) => clearMessage(removal, group));
      heading.current?.focus();
    },
    [undo],
  );
  const setLabel = useCallback(
    (key: string, label: string | undefined) => {
      store.setLabel(key, label);
    },
    [store],
  );

  const add = useCallback(
    (ref: OperationRef, label?: string): AddOutcome => {
      if (hasWatchItem(store.getSnapshot().items, ref)) return "duplicate";
      store.add(ref, label);
      return "added";
    },
    [store],
  );

  return (
    <>
      <SummaryRunningTitle store={summary} />
      <AppHeader>{state.loaded ? <HeaderCounts store={summary} /> : null}</AppHeader>
      <main className="mx-auto flex max-w-6xl flex-col gap-4 p-4">
        <h1 className="sr-only">opwatch dashboard</h1>
        <WatchlistNotice notice={state.notice} onDismiss={store.dismissNotice} />
        <SummaryCompletionNotices store={summary} />
        <ReadBudgetNotices />
        <AddPanel onAdd={add} />
        <section aria-labelledby="watched-heading" className="flex flex-col gap-2">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id="watched-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
              Watched operations
            </h2>
            <SectionCounts store={summary} />
            <div className="ml-auto flex flex-wrap items-center gap-2">
              {selectedItems.length > 0 ? (
                <span data-testid="selected-count" className="text-sm text-slate-600 dark:text-slate-400">
                  {selectedItems.length} selected
                </span>
              ) : null}
              {items.length > 0 ? (
                <ViewSwitch
                  view={view}
                  onChange={(next) => {
                    setQuery({ view: next });
                  }}
                />
              ) : null}
              <NotificationToggle />
              <ShareBoardButton
                items={selectedItems.length > 0 ? selectedItems : visibleItems}
                which={selectedItems.length > 0 ? "selected" : view === "table" && hasFilters(query) ? "filtered" : "all"}
              />
              <ClearButtons store={summary} onClear={clear} />
            </div>
          </div>
          {!state.loaded ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">Loading the watch list…</p>
          ) : items.length === 0 ? (
            <p className="rounded border border-dashed border-slate-300 p-4 text-sm text-slate-600 dark:border-slate-600 dark:text-slate-400">
              Nothing is watched yet. Paste an operation URL above, or open an opwatch link someone shared.
            </p>
          ) : view === "table" ? (
            <>
              <TableFilters query={query} shown={visibleItems.length} total={items.length} onChange={setQuery} />
              {hasFilters(query) ? <KeepWatchedQueries items={items} /> : null}
              <OperationsTable
                rows={tableRows}
                sort={query.sort}
                onSort={sortBy}
                selected={selected}
                onSelect={select}
                onSelectAll={selectAll}
                onRemove={removeOne}
              />
            </>
          ) : (
            <ul aria-label="Watched operations" data-testid="watch-list" className="flex flex-col gap-2">
              {shown.map(({ item, key }) => (
                <OperationRow key={key} item={item} onRemove={removeOne} onLabel={setLabel} />
              ))}
            </ul>
          )}
        </section>
        {items.length > 0 ? <Timeline store={summary} /> : null}
      </main>
      <UndoNotice offer={offer} onUndo={undo.undo} onExpire={undo.finish} />
    </>
  );
}

function toggled(previous: ReadonlySet<string>, keys: readonly string[], on: boolean): ReadonlySet<string> {
  const next = new Set(previous);
  for (const key of keys) {
    if (on) next.add(key);
    else next.delete(key);
  }
  return next;
}

/** Focuses the name link of the row after (else before) the row of `key`; false when there is none. */
function focusNeighbour(key: string): boolean {
  const row = document.querySelector(`[data-testid="operation-row"][data-ref-key="${CSS.escape(key)}"]`);
  const neighbour = row?.nextElementSibling ?? row?.previousElementSibling;
  const link = neighbour?.querySelector<HTMLElement>("a[href]");
  link?.focus();
  return link !== undefined && link !== null;
}
