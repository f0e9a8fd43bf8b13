"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useSyncExternalStore } from "react";
import { operationKeys, type OperationSnapshot } from "@/lib/query/operation-queries";

/**
 * Reads the cached snapshots of many operations without observing them (no timers, no fetches): the rows own the
 * queries; summaries (title, timeline, notices, "clear finished") only look. Re-renders only when one of them changed.
 */
export function useOperationSnapshots(keys: readonly string[]): readonly (OperationSnapshot | undefined)[] {
  const client = useQueryClient();
  const last = useRef<(OperationSnapshot | undefined)[]>([]);
  const subscribe = useCallback(
    (listener: () => void) =>
      client.getQueryCache().subscribe((event) => {
        // Data only changes through dispatched updates or removal. "added" fires while a row renders (useQuery
        // builds the query), and re-rendering the dashboard from inside another component's render is not allowed.
        if (event.type === "updated" || event.type === "removed") listener();
      }),
    [client],
  );
  const getSnapshot = useCallback(() => {
    const next = keys.map((key) => client.getQueryData<OperationSnapshot>(operationKeys.byKey(key)));
    const previous = last.current;
    if (previous.length === next.length && next.every((s, i) => s === previous[i])) return previous;
    last.current = next;
    return next;
  }, [client, keys]);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
