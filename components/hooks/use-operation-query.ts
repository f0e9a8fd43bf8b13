"use client";

import { useQuery } from "@tanstack/react-query";
import { useGetAccessToken } from "@/lib/auth/use-get-access-token";
import type { OperationRef } from "@/lib/azure/operation-ref";
import { operationQueryOptions } from "@/lib/query/operation-options";

/** The one shared query of an operation (every view of the same ref shares its cache entry and schedule). */
export function useOperationQuery(ref: OperationRef) {
  const getAccessToken = useGetAccessToken();
  return useQuery(operationQueryOptions(ref, getAccessToken));
}
