import { hasWatchItem } from "@/lib/watch-list/watch-list";
import type { WatchListStore } from "@/lib/watch-list/store";
import type { BoardItem } from "./board-codec";

/**
 * Puts a board's operations on the watch list, with the board's labels. An operation already watched is skipped, so
 * the person's own label (or no label) stays as it is.
 */
export function addBoardItems(store: Pick<WatchListStore, "getSnapshot" | "add">, items: readonly BoardItem[]): { added: number; skipped: number } {
  let added = 0;
  for (const item of items) {
    if (hasWatchItem(store.getSnapshot().items, item.ref)) continue;
    store.add(item.ref, item.label);
    added++;
  }
  return { added, skipped: items.length - added };
}

export function addedMessage({ added, skipped }: { added: number; skipped: number }): string {
  const already = skipped === 0 ? "" : `; ${skipped} ${skipped === 1 ? "was" : "were"} already on it`;
  return `Added ${added} ${added === 1 ? "operation" : "operations"} to your watch list${already}.`;
}
