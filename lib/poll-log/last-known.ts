import type { OperationKind } from "@/lib/azure/operation-ref";
import type { PollRecord } from "@/lib/polling/poll-record";
import type { OperationSnapshot } from "@/lib/polling/snapshot";

/**
 * What a view shows of an operation after a reload until this page's first read of it: the operation as this browser
 * last read it (its stored read: status, percent, times), with that read as its only history, so its age is the last
 * read's. Only a view's stand-in: never put in the cache, so the scheduler reads as if nothing were known.
 */
export function lastKnownSnapshot(kind: OperationKind, record: PollRecord): OperationSnapshot | undefined {
  if (record.outcome !== "status" || record.category === undefined) return undefined;
  return {
    operation: {
      kind,
      name: undefined,
      id: undefined,
      status: record.status ?? null,
      category: record.category,
      percentComplete: record.percentComplete,
      startTime: record.startTime,
      endTime: record.endTime,
      error: undefined,
      children: [],
      resourceId: undefined,
      properties: undefined,
      issues: [],
      raw: undefined,
    },
    lastResponse: undefined,
    lastReadError: undefined,
    history: [record],
    watchStartedAt: record.at,
  };
}

/** When the shown state was read, if it is the stored one rather than this page's own read. */
export function lastKnownAt(query: { isPlaceholderData: boolean; data: OperationSnapshot | undefined }): number | undefined {
  return query.isPlaceholderData ? query.data?.history.at(-1)?.at : undefined;
}
