"use client";

import { Button } from "@/components/ui/button";
import { refKey, type OperationRef } from "@/lib/azure/operation-ref";
import { hasWatchItem } from "@/lib/watch-list/watch-list";
import { useWatchList } from "@/lib/watch-list/use-watch-list";

/** Add the open operation to the watch list, or take it off. */
export function WatchToggle({ operationRef }: { operationRef: OperationRef }) {
  const { state, store } = useWatchList();
  if (!state.loaded) return null;
  const watched = hasWatchItem(state.items, operationRef);
  return watched ? (
    <span className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
      On your watch list
      <Button
        variant="outline"
        size="xs"
        onClick={() => {
          store.remove([refKey(operationRef)]);
        }}
      >
        Remove
      </Button>
    </span>
  ) : (
    <Button
      variant="secondary"
      size="md"
      data-testid="add-to-watch-list"
      onClick={() => {
        store.add(operationRef);
      }}
    >
      Add to watch list
    </Button>
  );
}
