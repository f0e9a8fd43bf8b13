"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { STATUS_COLORS } from "@/components/ui/status-colors";
import { formatTimestamp } from "@/lib/operations/format";
import type { LinePoint } from "./progress-line";
import { ProgressFrame } from "./chart-frames";
import { progressSummary } from "./progress-summary";

export interface ProgressChartProps {
  points: readonly LinePoint[];
  estimate: number | undefined;
}

/**
 * percentComplete over the reads, with the estimated finish drawn when the rate gives one. Steps, not curves: between
 * two reads opwatch knows nothing, so the line holds the last value read until the next one.
 */
export default function ProgressChart({ points, estimate }: ProgressChartProps) {
  const first = points[0]?.at ?? 0;
  const last = Math.max(points.at(-1)?.at ?? 0, estimate ?? 0);
  const time = (v: number) => formatTimestamp(v).slice(11);
  return (
    <ProgressFrame summary={progressSummary(points, estimate)}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={[...points]} accessibilityLayer={false} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#94a3b855" />
          <XAxis type="number" dataKey="at" domain={[first, last]} tickFormatter={time} stroke="currentColor" fontSize={11} />
          <YAxis type="number" domain={[0, 100]} unit="%" stroke="currentColor" fontSize={11} width={44} />
          <Tooltip
            labelFormatter={(v) => formatTimestamp(Number(v))}
            formatter={(v) => [`${String(v)}%`, "complete"]}
            contentStyle={{ fontSize: 12 }}
          />
          <Line type="stepAfter" dataKey="percent" stroke={STATUS_COLORS.running.chart} strokeWidth={2} dot={{ r: 2 }} isAnimationActive={false} />
          {estimate !== undefined ? (
            <ReferenceLine x={estimate} stroke={STATUS_COLORS.succeeded.chart} strokeDasharray="4 4" label={{ value: "est. finish", position: "insideTopRight", fill: "currentColor", fontSize: 11 }} />
          ) : null}
        </LineChart>
      </ResponsiveContainer>
    </ProgressFrame>
  );
}
