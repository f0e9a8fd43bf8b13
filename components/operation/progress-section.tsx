"use client";

import { memo } from "react";
import { LazyProgressChart } from "@/components/charts/lazy-charts";
import { MIN_CHART_POINTS } from "@/components/charts/progress-summary";
import { useProgressLine } from "@/components/hooks/use-poll-log";
import { NextReadLine } from "@/components/polling/next-read-line";
import type { OperationRef } from "@/lib/azure/operation-ref";
import { formatTimestamp } from "@/lib/operations/format";
import { isTerminal } from "@/lib/operations/model";
import { pollSchedule, predictedFinishOf } from "@/lib/polling/schedule";
import type { OperationSnapshot } from "@/lib/polling/snapshot";
import { OperationTimes } from "./operation-times";
import { PageSection } from "./page-section";
import { ProgressBar } from "./progress-bar";
import { RefreshButton } from "./refresh-button";

const ProgressChart = memo(LazyProgressChart);

/**
 * Progress and times: the bar, when it started and was last read, when it will be read next (and "Refresh now"
 * while it runs), the estimated finish, and the chart once there are two readings to draw between (stored ones count).
 */
export function ProgressSection({
  operationRef,
  operationKey,
  snapshot,
  label,
  stopped,
}: {
  operationRef: OperationRef;
  operationKey: string;
  snapshot: OperationSnapshot | undefined;
  label: string;
  stopped: boolean;
}) {
  const operation = snapshot?.operation;
  const running = operation !== undefined && !isTerminal(operation.category) && !stopped;
  // The stored reads' percentages too: after a reload the chart goes on from where it was, not from nothing.
  const points = useProgressLine(operationKey, snapshot);
  // The schedule's own prediction: what the page shows is what the next read was timed by.
  const estimate = snapshot && running && pollSchedule(snapshot).decision.poll ? predictedFinishOf(snapshot) : undefined;
  return (
    <PageSection id="progress" title="Progress and times" testId="progress-section">
      <ProgressBar percent={operation?.percentComplete} category={operation?.category} label={`Progress of ${label}`} stopped={stopped} />
      <OperationTimes snapshot={snapshot} operationKey={operationKey} />
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <NextReadLine operationKey={operationKey} snapshot={snapshot} />
        {running ? <RefreshButton operationRef={operationRef} operationKey={operationKey} /> : null}
      </div>
      {running && snapshot && points.length > 0 ? <EstimateLine snapshot={snapshot} estimate={estimate} /> : null}
      {points.length >= MIN_CHART_POINTS ? <ProgressChart points={points} estimate={estimate} /> : null}
    </PageSection>
  );
}

function EstimateLine({ snapshot, estimate }: { snapshot: OperationSnapshot; estimate: number | undefined }) {
  const lastReadAt = snapshot.history.at(-1)?.at ?? 0;
  return (
    <p className="text-sm" data-testid="estimated-finish">
      {estimate === undefined
        ? "No estimate yet: the percentage has not moved enough."
        : estimate > lastReadAt
          ? `Estimated finish at the current rate: ${formatTimestamp(estimate)}`
          : `Past the estimated finish (${formatTimestamp(estimate)}): the last steps take longer than the percentage suggested.`}
    </p>
  );
}
