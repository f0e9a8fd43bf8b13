import type { ReactNode, Ref } from "react";
import { timelineHeight, timelineSummary, type TimelineRow } from "./timeline-rows";

/**
 * The boxes the charts draw in, shared by each chart and its placeholder: the page keeps its layout while the chart
 * code loads, and the timeline's label and text summary are there from the start.
 */

export function TimelineFrame({ label, rows, children, ref }: { label: string; rows: readonly TimelineRow[]; children: ReactNode; ref?: Ref<HTMLElement> }) {
  return (
    <figure ref={ref} aria-label={label} className="w-full">
      <div style={{ height: timelineHeight(rows.length) }} className="w-full text-xs">
        {children}
      </div>
      <figcaption className="sr-only">{timelineSummary(label, rows)}</figcaption>
    </figure>
  );
}

export function ProgressFrame({ children, ref }: { children: ReactNode; ref?: Ref<HTMLDivElement> }) {
  return (
    <div ref={ref} className="h-56 w-full text-xs">
      {children}
    </div>
  );
}

export function ChartLoading() {
  return <div className="flex h-full items-center justify-center text-slate-600 dark:text-slate-400">Loading chart…</div>;
}
