"use client";

import { memo, useMemo, useState } from "react";
import { LazyTimelineChart } from "@/components/charts/lazy-charts";
import type { TimelineItem } from "@/components/charts/timeline-chart";
import { leftOutSentence, RECENT_MS, selectRecent } from "@/components/charts/timeline-rows";
import { useSteppedNow } from "@/components/hooks/use-now";
import { useWatchedSummary } from "@/components/hooks/use-watched-summary";
import type { WatchedSummary, WatchedSummaryStore } from "@/components/hooks/watched-summary-store";
import { fullDescription, shortName } from "@/lib/operations/display-name";
import { failureCause, rootCauseLine } from "@/lib/operations/root-cause";

const MAX_BARS = 40;
const REDRAW_MS = 5000;

const Chart = memo(LazyTimelineChart);

/**
 * Bars for the most recently started watched operations that are running or ended within the last 24 hours (older
 * ones would stretch the axis over years; the section says how many it left out). The chart follows the polls and the clock every few seconds,
 * not on every result: with hundreds of operations ending, redrawing it each second made long tasks.
 */
export function WatchedTimeline({ store }: { store: WatchedSummaryStore }) {
  const now = useSteppedNow(REDRAW_MS);
  const { items: watched, observed, snapshots } = useRedrawnSummary(useWatchedSummary(store), now);
  const computed = useMemo(() => {
    const all: TimelineItem[] = [];
    let withoutStart = 0;
    observed.forEach((o, i) => {
      const op = snapshots[i]?.operation;
      const item = watched[i];
      if (!op || !item) return;
      if (op.startTime === undefined) {
        withoutStart++;
        return;
      }
      const cause = failureCause(op);
      all.push({
        key: o.key,
        name: o.label,
        full: fullDescription(item),
        axis: shortName(item),
        start: op.startTime,
        end: op.endTime,
        category: op.category,
        cause: cause && rootCauseLine(cause),
      });
    });
    // Before the browser's clock is known (now 0) nothing is old: the selection waits for it.
    const recent = now === 0 ? { drawn: all, leftOut: 0, cutoff: 0 } : selectRecent(all, now);
    const drawn = recent.drawn.sort((a, b) => b.start - a.start);
    return { items: drawn.slice(0, MAX_BARS), missing: withoutStart + Math.max(0, drawn.length - MAX_BARS), old: leftOutSentence(recent) };
  }, [watched, observed, snapshots, now]);
  const items = useSameItems(computed.items);
  const { missing, old } = computed;

  return (
    <section aria-labelledby="timeline-heading" className="flex flex-col gap-2">
      <h2 id="timeline-heading" className="text-lg font-semibold">
        Timeline
      </h2>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {old ? `No watched operation ran in the last ${RECENT_MS / 3_600_000} hours.` : "No watched operation has reported a start time yet."}
        </p>
      ) : (
        // With nothing running, time does not move the bars: a constant `now` spares the chart its redraws.
        <Chart items={items} now={items.some((i) => i.end === undefined) ? now : 0} label="Start and end of the watched operations" />
      )}
      {old ? (
        <p data-testid="timeline-left-out" className="text-xs text-slate-600 dark:text-slate-400">
          {old} The timeline shows what ran in the last {RECENT_MS / 3_600_000} hours.
        </p>
      ) : null}
      {missing > 0 ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {missing} {missing === 1 ? "operation is" : "operations are"} not drawn (no start time, or beyond the {MAX_BARS} most recent).
        </p>
      ) : null}
    </section>
  );
}

/**
 * The summary as of the last redraw step; a changed watch list, or a timeline that has nothing to draw yet, follows
 * at once. (Adjusting state while rendering: React's "store information from previous renders" pattern.)
 */
function useRedrawnSummary(summary: WatchedSummary, step: number): WatchedSummary {
  const [drawn, setDrawn] = useState({ summary, step });
  const follow =
    drawn.summary !== summary &&
    (drawn.step !== step || drawn.summary.keys !== summary.keys || !drawn.summary.snapshots.some((s) => s?.operation?.startTime !== undefined));
  if (follow) setDrawn({ summary, step });
  return follow ? summary : drawn.summary;
}

const sameItem = (a: TimelineItem, b: TimelineItem | undefined) =>
  b?.key === a.key &&
  a.name === b.name &&
  a.full === b.full &&
  a.start === b.start &&
  a.end === b.end &&
  a.category === b.category &&
  a.cause === b.cause;

/** Polls that change nothing drawn (most of them) keep the previous array, so the memoized chart does not redraw. */
function useSameItems(items: TimelineItem[]): TimelineItem[] {
  const [kept, setKept] = useState(items);
  const same = kept === items || (kept.length === items.length && items.every((item, i) => sameItem(item, kept[i])));
  // Adjusting state while rendering (React's "store information from previous renders" pattern).
  if (!same) setKept(items);
  return same ? kept : items;
}
