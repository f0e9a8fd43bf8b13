"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useSyncExternalStore } from "react";
import { progressLine, type LinePoint } from "@/components/charts/progress-line";
import { useAccountId } from "@/lib/auth/use-account-id";
import { refKey, type OperationRef } from "@/lib/azure/operation-ref";
import { browserPollLog } from "@/lib/poll-log/browser-poll-log";
import { lastKnownSnapshot } from "@/lib/poll-log/last-known";
import { mergeReads } from "@/lib/poll-log/merge-reads";
import type { PollLogState } from "@/lib/poll-log/poll-log-writer";
import type { PollRecord } from "@/lib/polling/poll-record";
import type { OperationSnapshot } from "@/lib/polling/snapshot";
import { operationKeys } from "@/lib/query/keys";

/**
 * An operation's reads as the page shows them: what this browser stored before (read once, so a reload shows them at
 * once) merged with the live snapshot's. The snapshot itself, and the policy's history in it, stay as read.
 */

const noSubscription = () => () => undefined;
const offState = (): PollLogState => "unavailable";

export interface PollLogView {
  /** Oldest first, at most 200. */
  reads: PollRecord[];
  /** Whether this browser keeps the log ("opening" until its database answered). */
  state: PollLogState;
}

function useStoredReads(operationKey: string): { stored: PollRecord[] | undefined; state: PollLogState } {
  const accountId = useAccountId();
  const writer = browserPollLog(accountId);
  const state = useSyncExternalStore(writer?.subscribe ?? noSubscription, writer?.state ?? offState, () => "opening" as const);
  const query = useQuery({
    queryKey: operationKeys.storedLog(accountId ?? "", operationKey),
    queryFn: async () => (await writer?.read(operationKey)) ?? [],
    enabled: writer !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  return { stored: query.data, state };
}

/**
 * The operation as this browser last read it (from its stored log), once the log has answered; undefined when nothing
 * is stored for the signed-in account. Read once per page: after the first live read it is no longer shown.
 */
export function useLastKnown(ref: OperationRef): OperationSnapshot | undefined {
  const accountId = useAccountId();
  const writer = browserPollLog(accountId);
  const key = refKey(ref);
  const query = useQuery({
    queryKey: operationKeys.lastStatus(accountId ?? "", key),
    // A query's data may not be undefined: null is "nothing stored".
    queryFn: async () => (await writer?.lastStatus(key)) ?? null,
    enabled: writer !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const record = query.data;
  return useMemo(() => (record ? lastKnownSnapshot(ref.kind, record) : undefined), [record, ref.kind]);
}

export function usePollLog(operationKey: string, snapshot: OperationSnapshot | undefined): PollLogView {
  const { stored, state } = useStoredReads(operationKey);
  const history = snapshot?.history;
  const reads = useMemo(() => mergeReads(stored, history ?? []), [stored, history]);
  return { reads, state };
}

/**
 * The progress chart's line: from the stored reads and the live ones (so a reload does not start empty), on the
 * operation's own clock as last read.
 */
export function useProgressLine(operationKey: string, snapshot: OperationSnapshot | undefined): readonly LinePoint[] {
  const { stored } = useStoredReads(operationKey);
  const history = snapshot?.history;
  const operation = snapshot?.operation;
  return useMemo(() => progressLine(mergeReads(stored, history ?? []), operation), [stored, history, operation]);
}
