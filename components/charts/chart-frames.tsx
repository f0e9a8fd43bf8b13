import type { ReactNode, Ref } from "react";
import { PROGRESS_CHART_LABEL } from "./progress-summary";
import { timelineHeight, timelineSummary, type TimelineRow } from "./timeline-rows";

/**
 * The boxes the charts draw in, shared by each chart and its placeholder: the page keeps its layout while the chart
 * code loads, and each chart's label and text summary are there from the start. The charts themselves are drawn
 * without recharts' keyboard layer (no Tab stop): the figure's name and caption say what they show.
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

export function ProgressFrame({ summary, children, ref }: { summary: string; children: ReactNode; ref?: Ref<HTMLElement> }) {
  return (
    <figure ref={ref} aria-label={PROGRESS_CHART_LABEL} data-testid="progress-chart" className="w-full">
      <div className="h-56 w-full text-xs">{children}</div>
      <figcaption className="sr-only">{summary}</figcaption>
    </figure>
  );
}

export function ChartLoading() {
  return <div className="flex h-full items-center justify-center text-slate-600 dark:text-slate-400">Loading chart…</div>;
}
