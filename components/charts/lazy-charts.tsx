"use client";

import { lazy, Suspense, type ReactNode } from "react";
import { ChartLoading, ProgressFrame, TimelineFrame } from "./chart-frames";
import type { ProgressChartProps } from "./progress-chart";
import { progressSummary } from "./progress-summary";
import { timelineRows, type TimelineChartProps } from "./timeline-rows";
import { useNearScreen } from "@/components/hooks/use-in-view";

/**
 * recharts is most of the dashboard's JavaScript, and its charts sit below the fold: the code of a chart is fetched
 * only once its place comes near the screen. Until it has loaded, a placeholder of the chart's exact size holds the
 * place (with the timeline's label and text summary), so nothing moves when the chart appears.
 */

const TimelineChart = lazy(() => import("./timeline-chart"));
const ProgressChart = lazy(() => import("./progress-chart"));

/** The chart once its place is near the screen; until then, and while its code loads, the frame it will draw in. */
function WhenNear({ frame, children }: { frame: (ref: ((element: Element | null) => void) | undefined) => ReactNode; children: ReactNode }) {
  const [ref, near] = useNearScreen();
  if (!near) return frame(ref);
  return <Suspense fallback={frame(undefined)}>{children}</Suspense>;
}

export function LazyTimelineChart(props: TimelineChartProps) {
  return (
    <WhenNear
      frame={(ref) => (
        <TimelineFrame ref={ref} label={props.label} rows={timelineRows(props.items, props.now)}>
          <ChartLoading />
        </TimelineFrame>
      )}
    >
      <TimelineChart {...props} />
    </WhenNear>
  );
}

export function LazyProgressChart(props: ProgressChartProps) {
  return (
    <WhenNear
      frame={(ref) => (
        <ProgressFrame ref={ref} summary={progressSummary(props.points, props.estimate)}>
          <ChartLoading />
        </ProgressFrame>
      )}
    >
      <ProgressChart {...props} />
    </WhenNear>
  );
}
