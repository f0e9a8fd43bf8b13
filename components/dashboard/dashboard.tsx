"use client";

import dynamic from "next/dynamic";
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useAttentionKeys, useWatchedSummaryStore } from "@/components/hooks/use-watched-summary";
import { useWatchList } from "@/lib/watch-list/use-watch-list";
import { AppHeader } from "@/components/layout/app-header";
import { OperationRow } from "@/components/operation/operation-row";
import { ReadBudgetNotices } from "@/components/polling/read-budget-notices";
import { UndoNotice, UndoRoom } from "@/components/ui/undo-notice";
import type { OperationRef } from "@/lib/azure/operation-ref";
import { hasWatchItem } from "@/lib/watch-list/watch-list";
import { watchItemKey } from "@/lib/watch-list/store";
import { AddOperationPanel, type AddOutcome } from "./add-operation-panel";
import { ListHoldProvider, useHeldRows, useListHold } from "./list-hold";
import { createRowLinks } from "./row-links";
import { HeaderCounts, SectionCounts, SummaryCompletionNotices, SummaryRunningTitle } from "./summary-views";
import { attentionFirst } from "./watched-order";
import { KeepWatchedQueries } from "./table/keep-queries";
import { OperationsTable } from "./table/operations-table";
import { TableFilters } from "./table/table-filters";
import { hasFilters, viewFor, type DashboardView, type TableQuery } from "./table/table-query";
import { useTableQuery } from "./table/use-table-query";
import { useTableWasDefault } from "./table/table-was-default";
import { useVisibleRows } from "./table/use-visible-rows";
import { useRowSelection } from "./use-row-selection";
import { useUndoableRemoval } from "./use-undoable-removal";
import { WatchedTimeline } from "./watched-timeline";
import { WatchedToolbar } from "./watched-toolbar";
import { WatchlistNotice } from "./watchlist-notice";
import { PAGE_WIDTH } from "@/components/layout/page-width";

// The table's order can change every second; these siblings take only stable props and need not render with it.
const AddPanel = memo(AddOperationPanel);
const Timeline = memo(WatchedTimeline);
/** Its own chunk: discovery's screen code is fetched after the dashboard's first paint. */
const DevBoxesSection = dynamic(() => import("@/components/discovery/dev-boxes-section"), { ssr: false });

/**
 * Re-renders when the watch list changes, when the set of operations needing attention does (they sort first), and
 * in the table view when its shown rows or their order do (at most once a second). Poll results re-render their own
 * row and, at most once a second, the summary leaves that read the summary store.
 */
export function Dashboard() {
  const { state, store } = useWatchList();
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
  // While the person acts in the list, rows keep the order they see; the person's own sort, filter or view apply at once.
  const hold = useListHold();
  const rows = useHeldRows(view === "table" ? tableRows : shown, hold.held, query);
  /** What the person sees, filtered and in order: a board link's "filtered" rows. */
  const visibleItems = useMemo(() => rows.map((row) => row.item), [rows]);
  const { selected, selectedItems, select, selectAll } = useRowSelection(items, keys);

  // Focus moves between the rows' names by key, in the order shown (see row-links.ts).
  const [rowLinks] = useState(createRowLinks);
  useLayoutEffect(() => {
    rowLinks.show(rows.map((row) => row.key));
  }, [rowLinks, rows]);
  const { offer, undo, removeOne, clear } = useUndoableRemoval(store, rowLinks, heading);

  const sortBy = useCallback(
    (sort: TableQuery["sort"]) => {
      setQuery({ sort });
    },
    [setQuery],
  );
  const showAs = useCallback(
    (next: DashboardView) => {
      setQuery({ view: next });
    },
    [setQuery],
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
      <main className={`${PAGE_WIDTH} flex flex-col gap-4 p-4`}>
        <h1 className="sr-only">opwatch dashboard</h1>
        <WatchlistNotice notice={state.notice} onDismiss={store.dismissNotice} />
        <SummaryCompletionNotices store={summary} held={hold.held} />
        <ReadBudgetNotices operations={items} />
        <AddPanel onAdd={add} watchedCount={state.loaded ? items.length : undefined} />
        <section aria-labelledby="watched-heading" className="flex flex-col gap-2">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id="watched-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
              Watched operations
            </h2>
            <SectionCounts store={summary} />
            <WatchedToolbar
              summary={summary}
              view={view}
              onView={showAs}
              watchedCount={items.length}
              selectedItems={selectedItems}
              visibleItems={visibleItems}
              filtered={view === "table" && hasFilters(query)}
              onClear={clear}
            />
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
                rows={rows}
                bodyProps={hold.listProps}
                sort={query.sort}
                onSort={sortBy}
                selected={selected}
                onSelect={select}
                onSelectAll={selectAll}
                onRemove={removeOne}
                rowLinks={rowLinks}
              />
            </>
          ) : (
            <ListHoldProvider value={hold.holdWhileOpen}>
              <ul aria-label="Watched operations" data-testid="watch-list" className="flex flex-col gap-2" {...hold.listProps}>
                {rows.map(({ item, key }) => (
                  <OperationRow key={key} item={item} onRemove={removeOne} onLabel={setLabel} nameLinks={rowLinks} />
                ))}
              </ul>
            </ListHoldProvider>
          )}
          <UndoRoom offer={offer} />
        </section>
        {items.length > 0 ? <Timeline store={summary} /> : null}
        <DevBoxesSection />
      </main>
      <UndoNotice offer={offer} onUndo={undo.undo} onExpire={undo.finish} />
    </>
  );
}
