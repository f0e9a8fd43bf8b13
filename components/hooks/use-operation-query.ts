"use client";

import { useQuery } from "@tanstack/react-query";
import { useGetAccessToken } from "@/lib/auth/use-get-access-token";
import type { OperationRef } from "@/lib/azure/operation-ref";
import { operationQueryOptions } from "@/lib/query/operation-options";
import { useLastKnown } from "./use-poll-log";

/**
 * The one shared query of an operation (every view of the same ref shares its cache entry and schedule). Until its
 * first read, every view shows the operation as this browser last read it (`isPlaceholderData`, see last-known.ts).
 */
export function useOperationQuery(ref: OperationRef) {
  const getAccessToken = useGetAccessToken();
  const lastKnown = useLastKnown(ref);
  return useQuery({ ...operationQueryOptions(ref, getAccessToken), placeholderData: lastKnown });
}
