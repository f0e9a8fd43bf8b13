"use client";

import { memo, useMemo } from "react";
import { LazyTimelineChart } from "@/components/charts/lazy-charts";
import type { TimelineItem } from "@/components/charts/timeline-chart";
import { useSteppedNow } from "@/components/hooks/use-now";
import { middleTruncate, SHORT_NAME_CHARS, shortenAtWord } from "@/lib/operations/display-name";
import type { Operation } from "@/lib/operations/model";
import { ChildOperations } from "./child-operations";
import { PageSection } from "./page-section";

const TimelineChart = memo(LazyTimelineChart);

/** devops child operations: their rows, and their start and end on one timeline. */
export function ChildrenSection({ operation }: { operation: Operation }) {
  const now = useSteppedNow(5000);
  const items = useMemo<TimelineItem[]>(
    () =>
      operation.children.flatMap((child, i) => {
        if (child.startTime === undefined) return [];
        const name = child.name ?? child.id ?? `child ${i + 1}`;
        // A name is cut at a word; an id (a path) keeps its end, which is what tells two apart.
        const short = child.name === undefined ? middleTruncate(name, SHORT_NAME_CHARS) : shortenAtWord(name, SHORT_NAME_CHARS);
        return [{ key: String(i), name, full: name, axis: { name: short }, start: child.startTime, end: child.endTime, category: child.category }];
      }),
    [operation.children],
  );
  return (
    <PageSection id="children" title={`Child operations (${operation.children.length})`}>
      <ChildOperations operations={operation.children} now={now} />
      {items.length > 0 ? <TimelineChart items={items} now={now} label="Start and end of the child operations" /> : null}
    </PageSection>
  );
}
