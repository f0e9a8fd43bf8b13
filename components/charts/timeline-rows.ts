import { formatDuration, formatTimestamp } from "@/lib/operations/format";
import { isTerminal, type StatusCategory } from "@/lib/operations/model";

/**
 * The timeline's data, size and text summary without recharts, so that its placeholder takes the chart's exact
 * height and carries the same accessible summary before the chart code has loaded.
 */

export interface TimelineItem {
  key: string;
  /** What the figure's caption calls it: name and shortened id. */
  name: string;
  /** Everything that identifies it, for the tooltip and the axis label's hover. */
  full: string;
  /** The axis label: a name cut at a word, and the short id (if it has one) on a line of its own. */
  axis: { name: string; id?: string };
  start: number;
  /** Undefined while running: the bar grows to `now`. */
  end: number | undefined;
  category: StatusCategory;
  /** A failed operation's root cause, in one line ("PermissionDenied: …"). */
  cause?: string | undefined;
}

export interface TimelineChartProps {
  items: readonly TimelineItem[];
  now: number;
  label: string;
}

export interface TimelineRow extends Pick<TimelineItem, "key" | "name" | "full" | "axis"> {
  offset: number;
  span: number;
  category: StatusCategory;
  running: boolean;
  start: number;
  end: number;
  cause: string | undefined;
}

/** Room for the axis label's two lines (name, then short id). */
const ROW_HEIGHT = 32;

export function timelineRows(items: readonly TimelineItem[], now: number): TimelineRow[] {
  const origin = Math.min(...items.map((i) => i.start));
  return items.map((item) => {
    const end = item.end ?? Math.max(now, item.start);
    return {
      key: item.key,
      name: item.name,
      full: item.full,
      axis: item.axis,
      offset: item.start - origin,
      span: Math.max(end - item.start, 0),
      category: item.category,
      running: item.end === undefined,
      start: item.start,
      end,
      cause: item.cause,
    };
  });
}

export const timelineHeight = (rowCount: number) => Math.max(120, rowCount * ROW_HEIGHT + 50);

export const timelineSummary = (label: string, rows: readonly TimelineRow[]) =>
  `${label}: ${rows.map((r) => `${r.name} ${r.running ? "running for" : "took"} ${formatDuration(r.span)}`).join("; ")}`;

/**
 * The watched timeline draws what ran lately: two example operations from 2023 stretched its axis to +1256 d, and
 * today's operations became one-pixel slivers. Drawn: every operation still running, and every one that ended
 * within RECENT_MS before now. An ended operation whose end is unknown counts as ending when it started.
 */
export const RECENT_MS = 24 * 60 * 60 * 1000;

interface RecentSelection {
  drawn: TimelineItem[];
  /** Ended before `cutoff`: not drawn, but said. */
  leftOut: number;
  cutoff: number;
}

export function selectRecent(items: readonly TimelineItem[], now: number, windowMs: number = RECENT_MS): RecentSelection {
  const cutoff = now - windowMs;
  const drawn: TimelineItem[] = [];
  let leftOut = 0;
  for (const item of items) {
    const end = item.end ?? (isTerminal(item.category) ? item.start : undefined);
    if (end === undefined || end >= cutoff) drawn.push(item);
    else leftOut++;
  }
  return { drawn, leftOut, cutoff };
}

/** "2 operations ended before 2026-11-27 14:05 are not drawn." (to the minute: the cutoff moves with the clock) */
export function leftOutSentence({ leftOut, cutoff }: Pick<RecentSelection, "leftOut" | "cutoff">): string | undefined {
  if (leftOut === 0) return undefined;
  const when = formatTimestamp(cutoff).slice(0, 16);
  return leftOut === 1 ? `1 operation ended before ${when} is not drawn.` : `${leftOut} operations ended before ${when} are not drawn.`;
}
