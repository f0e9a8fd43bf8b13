"use client";

import { useNow } from "@/components/hooks/use-now";
import type { ReadError } from "@/lib/operations/fetch-operation";
import { describeReadError } from "@/lib/operations/format";
import { pollSchedule, type OperationSnapshot } from "@/lib/query/operation-queries";

/** A failure to read the status, shown apart from the status itself (which stays the last one known). */
export function ReadErrorLine({ snapshot, onRetry }: { snapshot: OperationSnapshot; onRetry?: () => void }) {
  const error = snapshot.lastReadError;
  // Only rows with a failure subscribe to the clock (for "retrying in 20 s").
  if (!error) return null;
  return <ReadErrorText error={error} dueAt={pollSchedule(snapshot).dueAt} onRetry={onRetry} />;
}

function ReadErrorText({ error, dueAt, onRetry }: { error: ReadError; dueAt: number | undefined; onRetry: (() => void) | undefined }) {
  const now = useNow();
  return (
    <div
      data-testid="read-error"
      data-http-status={error.httpStatus}
      className="flex flex-wrap items-baseline gap-x-2 rounded border-l-4 border-amber-500 bg-amber-50 px-2 py-1 text-xs text-amber-950 dark:bg-amber-950/50 dark:text-amber-100"
    >
      <span className="font-medium">{describeReadError(error, dueAt, Math.max(now, error.at))}</span>
      <span className="break-all text-amber-900 dark:text-amber-200">{error.message}</span>
      {error.requestId ? <span className="text-amber-800 dark:text-amber-300">request id {error.requestId}</span> : null}
      {dueAt === undefined && onRetry ? (
        <button
          type="button"
          onClick={onRetry}
          className="rounded border border-amber-600 px-1.5 text-xs hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-amber-900"
        >
          {error.signInNeeded ? "Sign in and retry" : "Retry"}
        </button>
      ) : null}
    </div>
  );
}
