import { formatPercent, formatTimestamp } from "@/lib/operations/format";
import type { LinePoint } from "./progress-line";

/**
 * The progress chart in words, for its figure's caption: the chart itself is no Tab stop (a chart a keyboard lands on
 * with nothing to say is a trap), so this is what a screen reader gets instead.
 */

/** The chart is drawn from this many reads: one dot says nothing about progress over time. */
export const MIN_CHART_POINTS = 2;

export const PROGRESS_CHART_LABEL = "Progress over the reads";

const clock = (at: number) => formatTimestamp(at).slice(11);

export function progressSummary(points: readonly LinePoint[], estimate: number | undefined): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return `${PROGRESS_CHART_LABEL}: no percentage reported yet.`;
  const moved = `${formatPercent(first.percent)} at ${clock(first.at)} to ${formatPercent(last.percent)} at ${clock(last.at)}${last.end ? " (its end)" : ""}`;
  const finish = estimate === undefined ? "" : `; estimated finish at ${clock(estimate)}`;
  return `${PROGRESS_CHART_LABEL}: ${points.length} reads, from ${moved}${finish}.`;
}
