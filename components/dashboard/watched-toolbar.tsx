"use client";

import { ShareBoardButton, ShareBoardOutcome, useShareBoard } from "@/components/board/share-board-button";
import type { WatchedSummaryStore } from "@/components/hooks/watched-summary-store";
import { NotificationToggle } from "@/components/notifications/completion-notices";
import type { WatchItem } from "@/lib/watch-list/watch-list";
import { ClearButtons, type ClearGroup } from "./summary-views";
import type { DashboardView } from "./table/table-query";
import { ViewSwitch } from "./view-switch";

/**
 * Beside the list's heading: how many rows are ticked, Cards or Table (once anything is watched), notifications, a
 * board link of the ticked rows, else the filtered ones, else all, and the Clear buttons. What Share board made takes
 * a line of its own under them (the heading's row wraps it there), so its words never push a button aside.
 */
export function WatchedToolbar({
  summary,
  view,
  onView,
  watchedCount,
  selectedItems,
  visibleItems,
  filtered,
  onClear,
}: {
  summary: WatchedSummaryStore;
  view: DashboardView;
  onView: (view: DashboardView) => void;
  watchedCount: number;
  selectedItems: readonly WatchItem[];
  /** The rows the person sees, filtered and in order. */
  visibleItems: readonly WatchItem[];
  /** The table's filters hide some rows. */
  filtered: boolean;
  onClear: (keys: readonly string[], group: ClearGroup) => void;
}) {
  const selected = selectedItems.length > 0;
  const board = useShareBoard();
  return (
    <>
      <div className="ml-auto flex flex-wrap items-center gap-2">
        {selected ? (
          <span data-testid="selected-count" className="text-sm text-slate-600 dark:text-slate-400">
            {selectedItems.length} selected
          </span>
        ) : null}
        {watchedCount > 0 ? <ViewSwitch view={view} onChange={onView} /> : null}
        <NotificationToggle />
        <ShareBoardButton board={board} items={selected ? selectedItems : visibleItems} which={selected ? "selected" : filtered ? "filtered" : "all"} />
        <ClearButtons store={summary} onClear={onClear} />
      </div>
      <ShareBoardOutcome board={board} className="basis-full" />
    </>
  );
}
