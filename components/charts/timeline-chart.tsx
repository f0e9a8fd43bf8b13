"use client";

import { Bar, BarChart, CartesianGrid, Rectangle, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { formatDuration, formatTimestamp } from "@/lib/operations/format";
import type { StatusCategory } from "@/lib/operations/model";
import { CATEGORY_COLORS } from "./chart-colors";

export interface TimelineItem {
  key: string;
  name: string;
  start: number;
  /** Undefined while running: the bar grows to `now`. */
  end: number | undefined;
  category: StatusCategory;
}

interface Row {
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

/** Bars from startTime to endTime (or now): a stacked pair, an invisible offset and the visible span. */
export default function TimelineChart({ items, now, label }: { items: readonly TimelineItem[]; now: number; label: string }) {
  const origin = Math.min(...items.map((i) => i.start));
  const rows: Row[] = items.map((item) => {
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
  const height = Math.max(120, rows.length * ROW_HEIGHT + 50);

  return (
    <figure aria-label={label} className="w-full">
      <div style={{ height }} className="w-full text-xs">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }} barCategoryGap={4}>
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
                const row = active ? (payload[0]?.payload as Row | undefined) : undefined;
                if (!row) return null;
                return (
                  <div className="rounded border border-slate-300 bg-white p-2 text-xs text-slate-900 shadow dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100">
                    <div className="font-medium">{row.name}</div>
                    <div>start {formatTimestamp(row.start)}</div>
                    <div>{row.running ? `running for ${formatDuration(row.span)}` : `end ${formatTimestamp(row.end)} · ${formatDuration(row.span)}`}</div>
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
                    fill={row ? CATEGORY_COLORS[row.category] : CATEGORY_COLORS.unknown}
                    fillOpacity={row?.running ? 0.75 : 1}
                  />
                );
              }}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">
        {label}: {rows.map((r) => `${r.name} ${r.running ? "running for" : "took"} ${formatDuration(r.span)}`).join("; ")}
      </figcaption>
    </figure>
  );
}

const shorten = (name: string) => (name.length > 22 ? `${name.slice(0, 21)}…` : name);
