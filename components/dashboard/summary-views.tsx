"use client";

import { useWatchedSummary } from "@/components/hooks/use-watched-summary";
import type { WatchedSummary, WatchedSummaryStore } from "@/components/hooks/watched-summary-store";
import { CompletionNotices } from "@/components/notifications/completion-notices";
import { Button } from "@/components/ui/button";
import { STATUS_COLORS } from "@/components/ui/status-colors";
import { RunningTitle } from "./running-title";
import { countOf } from "@/lib/operations/format";

/*
 * The dashboard's summaries over all watched operations. Each reads the shared summary store itself, so a poll result
 * re-renders these few leaves, never the dashboard and its 500 rows.
 */

export function SummaryRunningTitle({ store }: { store: WatchedSummaryStore }) {
  return <RunningTitle running={useWatchedSummary(store).running} />;
}

export function SummaryCompletionNotices({ store, held }: { store: WatchedSummaryStore; held: boolean }) {
  return <CompletionNotices observed={useWatchedSummary(store).observed} held={held} />;
}


/** Before the first read of any watched operation, "0 running" would be a guess: the counts wait for something to count. */
const nothingReadYet = ({ keys, read }: WatchedSummary): boolean => keys.length > 0 && read === 0;
const READING = "reading…";

/** One line, on a phone too: what is watched, what runs, and what needs the person (failed, or cannot be read). */
export function HeaderCounts({ store }: { store: WatchedSummaryStore }) {
  const summary = useWatchedSummary(store);
  const { keys, running, attention } = summary;
  return (
    <span data-testid="header-counts" className="block truncate whitespace-nowrap">
      {keys.length} watched ·{" "}
      {nothingReadYet(summary) ? (
        READING
      ) : (
        <>
          {running} running ·{" "}
          <span data-testid="needs-attention" data-count={attention.length} className={attention.length > 0 ? `font-semibold ${STATUS_COLORS.failed.text}` : undefined}>
            {countOf(attention.length, "needs attention", "need attention")}
          </span>
        </>
      )}
    </span>
  );
}

export function SectionCounts({ store }: { store: WatchedSummaryStore }) {
  const summary = useWatchedSummary(store);
  const { keys, running, finished, unreadable } = summary;
  return (
    <span className="text-sm text-slate-600 dark:text-slate-400">
      {keys.length} ·{" "}
      {nothingReadYet(summary) ? READING : `${String(running)} running · ${String(finished.length)} finished`}
      {unreadable.length > 0 ? ` · ${String(unreadable.length)} cannot be read` : ""}
    </span>
  );
}

export type ClearGroup = "succeededOrCanceled" | "failedOrUnreadable";

/**
 * Two buttons, so clearing what went well never takes what went wrong with it: failed operations and rows that cannot
 * be read are the ones a person still has to look at.
 */
export function ClearButtons({ store, onClear }: { store: WatchedSummaryStore; onClear: (keys: readonly string[], group: ClearGroup) => void }) {
  const { clearable, failed, unreadable } = useWatchedSummary(store);
  const troubled = [...failed, ...unreadable];
  return (
    <>
      <Button
        size="sm"
        disabled={clearable.length === 0}
        onClick={() => {
          onClear(clearable, "succeededOrCanceled");
        }}
        data-testid="clear-finished"
      >
        Clear succeeded & canceled{clearable.length > 0 ? ` (${String(clearable.length)})` : ""}
      </Button>
      <Button
        size="sm"
        disabled={troubled.length === 0}
        onClick={() => {
          onClear(troubled, "failedOrUnreadable");
        }}
        data-testid="clear-failed"
      >
        Clear failed & unreadable{troubled.length > 0 ? ` (${String(troubled.length)})` : ""}
      </Button>
    </>
  );
}
