import { formatDuration } from "@/lib/operations/format";
import type { StatusCategory } from "@/lib/operations/model";

/**
 * The timeline's data, size and text summary without recharts, so that its placeholder takes the chart's exact
 * height and carries the same accessible summary before the chart code has loaded.
 */

export interface TimelineItem {
  key: string;
  name: string;
  start: number;
  /** Undefined while running: the bar grows to `now`. */
  end: number | undefined;
  category: StatusCategory;
}

export interface TimelineChartProps {
  items: readonly TimelineItem[];
  now: number;
  label: string;
}

export interface TimelineRow {
  key: string;
  name: string;
  offset: number;
  span: number;
  category: StatusCategory;
  running: boolean;
  start: number;
  end: number;
}

const ROW_HEIGHT = 28;

export function timelineRows(items: readonly TimelineItem[], now: number): TimelineRow[] {
  const origin = Math.min(...items.map((i) => i.start));
  return items.map((item) => {
    const end = item.end ?? Math.max(now, item.start);
    return {
      key: item.key,
      name: item.name,
      offset: item.start - origin,
      span: Math.max(end - item.start, 0),
      category: item.category,
      running: item.end === undefined,
      start: item.start,
      end,
    };
  });
}

export const timelineHeight = (rowCount: number) => Math.max(120, rowCount * ROW_HEIGHT + 50);

export const timelineSummary = (label: string, rows: readonly TimelineRow[]) =>
  `${label}: ${rows.map((r) => `${r.name} ${r.running ? "running for" : "took"} ${formatDuration(r.span)}`).join("; ")}`;
