"use client";

import { useNow } from "@/components/hooks/use-now";
import { passingReadErrorText } from "@/lib/polling/describe-read-error";
import { headroomText, nextReadSentence } from "@/lib/polling/fleet/fleet-text";
import { readTroubleOf } from "@/lib/polling/read-trouble";
import type { OperationSnapshot } from "@/lib/polling/snapshot";
import { useFleetView } from "./fleet-provider";

/**
 * Why the open operation's next read is when it is: its own schedule, Retry-After, a paused scope, or the budget; and,
 * first, a passing failure of the last read (one that keeps failing is shown in full elsewhere: read-trouble.ts); last,
 * whether its scope reads above the budget on idle capacity.
 */
export function NextReadLine({ operationKey, snapshot }: { operationKey: string; snapshot: OperationSnapshot | undefined }) {
  const { status } = useFleetView();
  const now = useNow();
  const next = status?.next[operationKey];
  if (!next || now === 0) return null;
  const trouble = readTroubleOf(snapshot);
  const headroom = headroomText(next.scopeId, status, now);
  return (
    <p data-testid="next-read" data-cause={next.cause} className="text-xs text-slate-600 dark:text-slate-400">
      {trouble?.kind === "passing" ? `${passingReadErrorText(trouble.error)} ` : null}
      {nextReadSentence(next, status, now)}
      {headroom === undefined ? null : ` ${headroom}`}
    </p>
  );
}
