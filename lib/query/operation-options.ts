import { queryOptions } from "@tanstack/react-query";
import type { GetAccessToken } from "@/lib/auth/use-get-access-token";
import type { OperationRef } from "@/lib/azure/operation-ref";
import { fetchOperation } from "@/lib/operations/fetch-operation";
import { nextSnapshot, type OperationSnapshot } from "@/lib/polling/snapshot";
import { operationKeys } from "./keys";

/**
 * One query per operation, shared by every view of it; its data is the operation's snapshot. Views only observe it
 * (`enabled: false`: no fetch on mount, focus or reconnect): the fleet scheduler (lib/polling/fleet) decides every
 * read and starts it with `queryClient.query`, which ignores `enabled` and, with `staleTime: 0`, always reads.
 * `query` rather than `refetchInterval`: a timer per query cannot see the other queries, and the scheduler's
 * choice of what goes next depends on all of them. In the tabs that do not poll, results arrive by `setQueryData`.
 */
export function operationQueryOptions(ref: OperationRef, getAccessToken: GetAccessToken) {
  return queryOptions({
    queryKey: operationKeys.detail(ref),
    queryFn: async ({ client, queryKey, signal }): Promise<OperationSnapshot> => {
      const previous = client.getQueryData<OperationSnapshot>(queryKey);
      const result = await fetchOperation(ref, getAccessToken, { signal });
      return nextSnapshot(previous, result, Date.now());
    },
    enabled: false,
    retry: false,
    staleTime: 0,
    // A watched operation's history is what the charts and the policy read; keep it while any view may come back.
    gcTime: 30 * 60_000,
  });
}
