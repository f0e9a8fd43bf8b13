"use client";

import { useWatchedSummary } from "@/components/hooks/use-watched-summary";
import type { WatchedSummaryStore } from "@/components/hooks/watched-summary-store";
import { CompletionNotices } from "@/components/notifications/completion-notices";
import { Button } from "@/components/ui/button";
import { RunningTitle } from "./running-title";

/*
 * The dashboard's summaries over all watched operations. Each reads the shared summary store itself, so a poll result
 * re-renders these few leaves, never the dashboard and its 500 rows.
 */

export function SummaryRunningTitle({ store }: { store: WatchedSummaryStore }) {
  return <RunningTitle running={useWatchedSummary(store).running} />;
}

export function SummaryCompletionNotices({ store }: { store: WatchedSummaryStore }) {
  return <CompletionNotices observed={useWatchedSummary(store).observed} />;
}

export function HeaderCounts({ store }: { store: WatchedSummaryStore }) {
  const { keys, running } = useWatchedSummary(store);
  return `${String(keys.length)} watched · ${String(running)} running`;
}

export function SectionCounts({ store }: { store: WatchedSummaryStore }) {
  const { keys, running, finished } = useWatchedSummary(store);
  return (
    <span className="text-sm text-slate-600 dark:text-slate-400">
      {keys.length} · {running} running · {finished.length} finished
    </span>
  );
}

export function ClearFinishedButton({ store, onClear }: { store: WatchedSummaryStore; onClear: (keys: readonly string[]) => void }) {
  const { finished } = useWatchedSummary(store);
  return (
    <Button
      size="sm"
      disabled={finished.length === 0}
      onClick={() => {
        onClear(finished);
      }}
      data-testid="clear-finished"
    >
      Clear finished
    </Button>
  );
}
