import { queryOptions } from "@tanstack/react-query";
import type { GetAccessToken } from "@/lib/auth/use-get-access-token";
import type { OperationRef } from "@/lib/azure/operation-ref";
import { fetchOperation } from "@/lib/operations/fetch-operation";
import { browserNotBeforeMemory, waitUntil } from "@/lib/polling/not-before-memory";
import { pollSchedule, refetchIntervalFor, shouldPollOnMount, shouldPollOnReturn } from "@/lib/polling/schedule";
import { nextSnapshot, type OperationSnapshot } from "@/lib/polling/snapshot";
import { operationKeys } from "./keys";

/**
 * One query per operation, shared by every view of it; its data is the operation's snapshot. When it fetches is the
 * polling schedule's decision alone, carried out through `refetchInterval` and the focus/mount/reconnect triggers.
 */
export function operationQueryOptions(ref: OperationRef, getAccessToken: GetAccessToken) {
  return queryOptions({
    queryKey: operationKeys.detail(ref),
    queryFn: async ({ client, queryKey, signal }): Promise<OperationSnapshot> => {
      const previous = client.getQueryData<OperationSnapshot>(queryKey);
      const key = queryKey[1];
      const memory = browserNotBeforeMemory();
      // A first read after a reload still honours the Retry-After an earlier page was given.
      if (!previous) {
        const remembered = memory?.get(key, Date.now());
        if (remembered !== undefined) await waitUntil(remembered, Date.now(), signal);
      }
      const result = await fetchOperation(ref, getAccessToken, { signal });
      const snapshot = nextSnapshot(previous, result, Date.now());
      memory?.remember(key, pollSchedule(snapshot).notBefore, Date.now());
      return snapshot;
    },
    refetchInterval: (query) => refetchIntervalFor(query),
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: (query) => shouldPollOnReturn(query),
    refetchOnReconnect: (query) => shouldPollOnReturn(query),
    refetchOnMount: (query) => shouldPollOnMount(query),
    retry: false,
    staleTime: 0,
    // A watched operation's history is what the charts and the policy read; keep it while any view may come back.
    gcTime: 30 * 60_000,
  });
}
