"use client";

import { useNow } from "@/components/hooks/use-now";
import { nextReadSentence } from "@/lib/polling/fleet/fleet-text";
import { useFleetView } from "./fleet-provider";

/** Why the open operation's next read is when it is: its own schedule, Retry-After, a paused scope, or the budget. */
export function NextReadLine({ operationKey }: { operationKey: string }) {
  const { status } = useFleetView();
  const now = useNow();
  const next = status?.next[operationKey];
  if (!next || now === 0) return null;
  return (
    <p data-testid="next-read" data-cause={next.cause} className="text-xs text-slate-600 dark:text-slate-400">
      {nextReadSentence(next, status, now)}
    </p>
  );
}
