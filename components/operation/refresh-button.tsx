"use client";

import { useId } from "react";
import { useNow } from "@/components/hooks/use-now";
import { useFleetView, useRequestRead } from "@/components/polling/fleet-provider";
import { Button } from "@/components/ui/button";
import type { OperationRef } from "@/lib/azure/operation-ref";
import { refreshHoldSentence, refreshStateOf } from "@/lib/polling/fleet/fleet-text";

/**
 * "Refresh now", through the scheduler: a read at once when nothing holds it back. While Azure's Retry-After or a
 * paused scope does, the button is marked unavailable (still focusable, so keyboard focus is not lost under it) and
 * the line next to it counts down to when it will be allowed. A click during a read in flight does nothing: the read
 * on its way is the refresh.
 */
export function RefreshButton({ operationRef, operationKey }: { operationRef: OperationRef; operationKey: string }) {
  const { status } = useFleetView();
  const now = useNow();
  const requestRead = useRequestRead();
  const holdId = useId();
  const next = status?.next[operationKey];
  const refresh = refreshStateOf(next, now);
  const held = refresh.state === "held" ? refresh.hold : undefined;
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <Button
        variant="outline"
        size="sm"
        data-testid="refresh-now"
        aria-disabled={held ? true : undefined}
        aria-describedby={held ? holdId : undefined}
        className="aria-disabled:cursor-not-allowed aria-disabled:opacity-50"
        onClick={() => {
          if (refresh.state === "ready") requestRead(operationRef);
        }}
      >
        Refresh now
      </Button>
      {held && next ? (
        <span id={holdId} data-testid="refresh-hold" data-until={held.until} className="text-xs text-slate-600 dark:text-slate-400">
          {refreshHoldSentence(held, next.scopeId, status, now)}
        </span>
      ) : null}
    </div>
  );
}
