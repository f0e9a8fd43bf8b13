"use client";

import { Bar, BarChart, CartesianGrid, Rectangle, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { STATUS_COLORS } from "@/components/ui/status-colors";
import { middleTruncate } from "@/lib/operations/display-name";
import { formatDuration, formatTimestamp } from "@/lib/operations/format";
import { TimelineFrame } from "./chart-frames";
import { timelineRows, type TimelineChartProps, type TimelineRow } from "./timeline-rows";

export type { TimelineItem } from "./timeline-rows";

/** Bars from startTime to endTime (or now): a stacked pair, an invisible offset and the visible span. */
export default function TimelineChart({ items, now, label }: TimelineChartProps) {
  const rows = timelineRows(items, now);

  return (
    <TimelineFrame label={label} rows={rows}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} barCategoryGap={4}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#94a3b855" />
          <XAxis
            type="number"
            domain={[0, "dataMax"]}
            tickFormatter={(v: number) => `+${formatDuration(v)}`}
            stroke="currentColor"
            fontSize={11}
          />
          <YAxis type="category" dataKey="name" width={140} stroke="currentColor" fontSize={11} tickFormatter={shorten} />
          <Tooltip
            cursor={{ fill: "#94a3b822" }}
            content={({ active, payload }) => {
              const row = active ? (payload[0]?.payload as TimelineRow | undefined) : undefined;
              if (!row) return null;
              return (
                <div className="rounded border border-slate-300 bg-white p-2 text-xs text-slate-900 shadow dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100">
                  <div className="font-medium">{row.name}</div>
                  <div>start {formatTimestamp(row.start)}</div>
                  <div>{row.running ? `running for ${formatDuration(row.span)}` : `end ${formatTimestamp(row.end)} · ${formatDuration(row.span)}`}</div>
                  {row.cause ? <div className={`mt-1 line-clamp-3 max-w-xs break-words ${STATUS_COLORS.failed.text}`}>{row.cause}</div> : null}
                </div>
              );
            }}
          />
          <Bar dataKey="offset" stackId="t" fill="transparent" isAnimationActive={false} />
          <Bar
            dataKey="span"
            stackId="t"
            isAnimationActive={false}
            minPointSize={2}
            shape={(props: BarShapeProps) => {
              const row = rows[props.index];
              return (
                <Rectangle
                  x={props.x}
                  y={props.y}
                  width={props.width}
                  height={props.height}
                  fill={STATUS_COLORS[row?.category ?? "unknown"].chart}
                  fillOpacity={row?.running ? 0.75 : 1}
                />
              );
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </TimelineFrame>
  );
}

/** Axis labels are narrow; a GUID in a name keeps its start and end, which is how people tell two apart. */
const shorten = (name: string) => middleTruncate(name, 22);
