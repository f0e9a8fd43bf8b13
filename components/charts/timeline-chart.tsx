"use client";

import { Bar, BarChart, CartesianGrid, Rectangle, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps, type YAxisTickContentProps } from "recharts";
import { STATUS_COLORS } from "@/components/ui/status-colors";
import { formatDuration, formatTimestamp } from "@/lib/operations/format";
import { TimelineFrame } from "./chart-frames";
import { timelineRows, type TimelineChartProps, type TimelineRow } from "./timeline-rows";

export type { TimelineItem } from "./timeline-rows";

/** Bars from startTime to endTime (or now): a stacked pair, an invisible offset and the visible span. */
export default function TimelineChart({ items, now, label }: TimelineChartProps) {
  const rows = timelineRows(items, now);
  const byKey = new Map(rows.map((row) => [row.key, row]));

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
          <YAxis type="category" dataKey="key" width={AXIS_WIDTH} stroke="currentColor" fontSize={11} interval={0} tick={(tick: YAxisTickContentProps) => <AxisLabel tick={tick} row={byKey.get(String(tick.payload.value))} />} />
          <Tooltip
            cursor={{ fill: "#94a3b822" }}
            content={({ active, payload }) => {
              const row = active ? (payload[0]?.payload as TimelineRow | undefined) : undefined;
              if (!row) return null;
              return (
                <div className="rounded border border-slate-300 bg-white p-2 text-xs text-slate-900 shadow dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100">
                  <div className="font-medium break-all">{row.full}</div>
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

const AXIS_WIDTH = 140;

/**
 * The operation's name, cut at a word, over its short id (which tells two of one resource apart); hovering shows
 * everything that names it.
 */
function AxisLabel({ tick, row }: { tick: YAxisTickContentProps; row: TimelineRow | undefined }) {
  if (!row) return null;
  const x = Number(tick.x) - 6;
  return (
    <g transform={`translate(${x},${Number(tick.y)})`} data-testid="timeline-axis-label">
      <title>{row.full}</title>
      <text textAnchor="end" fill="currentColor" fontSize={11}>
        <tspan x={0} dy={row.axis.id === undefined ? 4 : -3}>
          {row.axis.name}
        </tspan>
        {row.axis.id === undefined ? null : (
          <tspan x={0} dy={12} fillOpacity={0.8} className="font-mono">
            {row.axis.id}
          </tspan>
        )}
      </text>
    </g>
  );
}
