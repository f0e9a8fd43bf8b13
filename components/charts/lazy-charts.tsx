"use client";

import { lazy, Suspense } from "react";
import { ChartLoading, ProgressFrame, TimelineFrame } from "./chart-frames";
import type { ProgressChartProps } from "./progress-chart";
import { timelineRows, type TimelineChartProps } from "./timeline-rows";
import { useNearScreen } from "@/components/hooks/use-in-view";

/**
 * recharts is most of the dashboard's JavaScript, and its charts sit below the fold: the code of a chart is fetched
 * only once its place comes near the screen. Until it has loaded, a placeholder of the chart's exact size holds the
 * place (with the timeline's label and text summary), so nothing moves when the chart appears.
 */

const TimelineChart = lazy(() => import("./timeline-chart"));
const ProgressChart = lazy(() => import("./progress-chart"));

export function LazyTimelineChart(props: TimelineChartProps) {
  const [ref, near] = useNearScreen();
  const placeholder = (
    <TimelineFrame ref={near ? undefined : ref} label={props.label} rows={timelineRows(props.items, props.now)}>
      <ChartLoading />
    </TimelineFrame>
  );
  if (!near) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <TimelineChart {...props} />
    </Suspense>
  );
}

export function LazyProgressChart(props: ProgressChartProps) {
  const [ref, near] = useNearScreen();
  const placeholder = (
    <ProgressFrame ref={near ? undefined : ref}>
      <ChartLoading />
    </ProgressFrame>
  );
  if (!near) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <ProgressChart {...props} />
    </Suspense>
  );
}
