"use client";

import { useQuery } from "@tanstack/react-query";
import { memo } from "react";
import { useGetAccessToken } from "@/lib/auth/use-get-access-token";
import { refKey, type OperationRef } from "@/lib/azure/operation-ref";
import { operationQueryOptions } from "@/lib/query/operation-options";
import type { WatchItem } from "@/lib/watch-list/watch-list";

/** Observes one operation's query and never re-renders (no props are watched): it only keeps the entry alive. */
function KeepQuery({ operationRef }: { operationRef: OperationRef }) {
  useQuery({ ...operationQueryOptions(operationRef, useGetAccessToken()), notifyOnChangeProps: [] });
  return null;
}

/**
 * A filtered-out row is not mounted, so nothing would observe its query, and React Query drops an unobserved entry
 * after its gcTime: an ended operation hidden for half an hour would come back unread, and leave the header's counts.
 * These observers keep every watched entry while a filter hides rows. Re-rendered only when the list changes.
 */
export const KeepWatchedQueries = memo(function KeepWatchedQueries({ items }: { items: readonly WatchItem[] }) {
  return items.map((item) => <KeepQuery key={refKey(item.ref)} operationRef={item.ref} />);
});
