"use client";

import { useRef } from "react";
import { useInView } from "@/components/hooks/use-in-view";
import { useNow } from "@/components/hooks/use-now";
import { useFleetViewAtRender } from "@/components/polling/fleet-provider";
import { elapsedMs, formatAgo, formatDuration, formatIn, formatTimestamp } from "@/lib/operations/format";
import { isTerminal } from "@/lib/operations/model";
import { nextReadShort } from "@/lib/polling/fleet/fleet-text";
import { pollSchedule } from "@/lib/polling/schedule";
import type { OperationSnapshot } from "@/lib/polling/snapshot";

/**
 * The live part of a row: it alone re-renders on the shared clock's tick, and only while on screen (500 rows ticking
 * every second, mostly unseen, made long tasks); off screen it catches up when it scrolls back in or its row updates.
 */
export function OperationTimes({
  snapshot,
  operationKey,
  compact = false,
}: {
  snapshot: OperationSnapshot | undefined;
  operationKey: string;
  compact?: boolean;
}) {
  const ref = useRef<HTMLDListElement>(null);
  const now = useNow(useInView(ref));
  // Read at each tick of the clock rather than subscribed: 500 rows must not all re-render with every status.
  const next = useFleetViewAtRender().status?.next[operationKey];
  const operation = snapshot?.operation;
  const ended = operation !== undefined && isTerminal(operation.category);
  const elapsed = now === 0 ? undefined : elapsedMs(operation?.startTime, operation?.endTime, now);
  const lastPolled = snapshot?.history.at(-1)?.at;
  const dueAt = snapshot ? pollSchedule(snapshot).dueAt : undefined;

  const items: [string, string][] = [
    ["Started", formatTimestamp(operation?.startTime)],
    [ended ? "Duration" : "Elapsed", elapsed === undefined ? "—" : formatDuration(elapsed)],
  ];
  if (!compact || ended) items.splice(1, 0, ["Ended", formatTimestamp(operation?.endTime)]);
  items.push(["Last polled", lastPolled === undefined || now === 0 ? "—" : formatAgo(lastPolled, Math.max(now, lastPolled))]);
  items.push(["Next read", now === 0 ? "—" : next ? nextReadShort(next, now) : dueAt === undefined ? (snapshot ? "stopped" : "—") : formatIn(dueAt, now)]);

  return (
    <dl ref={ref} className="grid grid-cols-2 gap-x-3 gap-y-0.5 text-xs sm:grid-cols-3 lg:flex lg:flex-wrap lg:gap-x-4">
      {items.map(([term, value]) => (
        <div key={term} className="flex gap-1">
          <dt className="text-slate-600 dark:text-slate-400">{term}</dt>
          <dd className="tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
