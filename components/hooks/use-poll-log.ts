"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useSyncExternalStore } from "react";
import { useAccountId } from "@/lib/auth/use-account-id";
import { browserPollLog } from "@/lib/poll-log/browser-poll-log";
import { mergeReads, progressPointsOf } from "@/lib/poll-log/merge-reads";
import type { PollLogState } from "@/lib/poll-log/poll-log-writer";
import type { PollRecord } from "@/lib/polling/poll-record";
import type { OperationSnapshot, ProgressPoint } from "@/lib/polling/snapshot";
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

export function usePollLog(operationKey: string, snapshot: OperationSnapshot | undefined): PollLogView {
  const { stored, state } = useStoredReads(operationKey);
  const history = snapshot?.history;
  const reads = useMemo(() => mergeReads(stored, history ?? []), [stored, history]);
  return { reads, state };
}

/** The progress chart's points: the stored reads' percentages, then the live ones (so a reload does not start empty). */
export function useProgressPoints(operationKey: string, snapshot: OperationSnapshot | undefined): readonly ProgressPoint[] {
  const { stored } = useStoredReads(operationKey);
  const progress = snapshot?.progress;
  return useMemo(() => (stored && stored.length > 0 ? progressPointsOf(stored, progress ?? []) : (progress ?? [])), [stored, progress]);
}
