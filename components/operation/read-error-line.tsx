"use client";

import { useNow } from "@/components/hooks/use-now";
import { useFleetViewAtRender } from "@/components/polling/fleet-provider";
import { Button } from "@/components/ui/button";
import { READ_ERROR_COLORS } from "@/components/ui/status-colors";
import type { ReadError } from "@/lib/operations/fetch-operation";
import { describeReadError } from "@/lib/polling/describe-read-error";
import { readTroubleOf } from "@/lib/polling/read-trouble";
import { pollSchedule, type PollSchedule } from "@/lib/polling/schedule";
import type { OperationSnapshot } from "@/lib/polling/snapshot";

/**
 * A failure to read the status, shown apart from the status itself (which stays the last one known). `lastingOnly`: a
 * view that says a passing failure where it explains the next read shows here only one that keeps failing.
 */
export function ReadErrorLine({
  snapshot,
  operationKey,
  onRetry,
  lastingOnly = false,
}: {
  snapshot: OperationSnapshot;
  operationKey: string;
  onRetry?: () => void;
  lastingOnly?: boolean;
}) {
  const error = snapshot.lastReadError;
  // Only rows with a failure subscribe to the clock (for "retrying in 20 s").
  if (!error || (lastingOnly && readTroubleOf(snapshot)?.kind !== "lasting")) return null;
  return <ReadErrorText error={error} schedule={pollSchedule(snapshot)} operationKey={operationKey} onRetry={onRetry} />;
}

function ReadErrorText({
  error,
  schedule,
  operationKey,
  onRetry,
}: {
  error: ReadError;
  schedule: PollSchedule;
  operationKey: string;
  onRetry: (() => void) | undefined;
}) {
  const now = useNow();
  // The scheduler's plan is when the read really happens: later than the policy asked for a paused scope or the
  // budget, sooner on an open page (read at least every 5 s).
  const planned = useFleetViewAtRender().status?.next[operationKey]?.at;
  const shown: PollSchedule = schedule.dueAt === undefined ? schedule : { ...schedule, dueAt: planned ?? schedule.dueAt };
  return (
    <div
      data-testid="read-error"
      data-http-status={error.httpStatus}
      className={`flex flex-wrap items-baseline gap-x-2 rounded border-l-4 px-2 py-1 text-xs ${READ_ERROR_COLORS.box}`}
    >
      <span className="font-medium">{describeReadError(error, shown, Math.max(now, error.at))}</span>
      <span className={`break-all ${READ_ERROR_COLORS.message}`}>{error.message}</span>
      {error.requestId ? <span className={READ_ERROR_COLORS.detail}>request id {error.requestId}</span> : null}
      {schedule.dueAt === undefined && onRetry ? (
        <Button variant="warning" onClick={onRetry}>
          {error.signInNeeded ? "Sign in and retry" : "Retry"}
        </Button>
      ) : null}
    </div>
  );
}
