import type { FetchResult, ReadError, ResponseInfo } from "@/lib/operations/fetch-operation";
import { isTerminal, type Operation } from "@/lib/operations/model";
import { toPollRecord, type NextReadNote, type PollRecord } from "./poll-record";

/**
 * What opwatch knows of one operation, folded read by read. It survives read failures: the last good status stays
 * while `lastReadError` says why it could not be refreshed.
 */

/** The poll log keeps the last 200 reads of an operation (and the policy reads them). */
export const HISTORY_LIMIT = 200;

export interface OperationSnapshot {
  /** The last status read successfully. */
  operation: Operation | undefined;
  /** The last response of any outcome (its body is the raw JSON shown on the page). */
  lastResponse: ResponseInfo | undefined;
  /** Set when the latest read failed; cleared by the next good read. */
  lastReadError: ReadError | undefined;
  /** Oldest first, at most HISTORY_LIMIT. */
  history: PollRecord[];
  watchStartedAt: number;
}

export function nextSnapshot(previous: OperationSnapshot | undefined, result: FetchResult, now: number): OperationSnapshot {
  const history = [...(previous?.history ?? []), toPollRecord(result)].slice(-HISTORY_LIMIT);
  const base = {
    history,
    watchStartedAt: previous?.watchStartedAt ?? now,
  };
  if (result.outcome === "status") {
    return { ...base, operation: result.operation, lastResponse: result.response, lastReadError: undefined };
  }
  return {
    ...base,
    operation: previous?.operation,
    lastResponse: result.response ?? previous?.lastResponse,
    lastReadError: result.error,
  };
}

/** The snapshot with its last read saying why the next read is when it is (the poll log's line); nothing else changes. */
export function withNextRead(snapshot: OperationSnapshot, next: NextReadNote): OperationSnapshot {
  const last = snapshot.history.at(-1);
  if (!last) return snapshot;
  return { ...snapshot, history: [...snapshot.history.slice(0, -1), { ...last, next }] };
}

/** Running: a status was read and it is not terminal (an operation never read, or gone, is not counted). */
export function isSnapshotRunning(snapshot: OperationSnapshot | undefined): boolean {
  const category = snapshot?.operation?.category;
  return category !== undefined && !isTerminal(category);
}

/** Whether `candidate` knows of a later read than `current` (another tab's result must not replace a newer one). */
export function isNewerSnapshot(candidate: OperationSnapshot, current: OperationSnapshot | undefined): boolean {
  return (candidate.history.at(-1)?.at ?? Number.NEGATIVE_INFINITY) > (current?.history.at(-1)?.at ?? Number.NEGATIVE_INFINITY);
}
