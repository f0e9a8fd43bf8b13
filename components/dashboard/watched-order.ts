import { describeOperation } from "@/lib/operations/display-name";
import type { Removal, WatchItem } from "@/lib/watch-list/watch-list";
import type { ClearGroup } from "./summary-views";

/**
 * What needs the person (failed, or cannot be read) first, each group keeping the list's own order (newest first):
 * a dead row at the bottom of 300 is a dead row nobody sees.
 */
export function attentionFirst(
  items: readonly WatchItem[],
  keys: readonly string[],
  attention: readonly string[],
): { item: WatchItem; key: string }[] {
  const rows = items.map((item, i) => ({ item, key: keys[i] ?? "" }));
  if (attention.length === 0) return rows;
  const first = new Set(attention);
  return [...rows.filter((row) => first.has(row.key)), ...rows.filter((row) => !first.has(row.key))];
}

export function removeMessage(removal: Removal): string {
  const only = removal.removed.length === 1 ? removal.removed[0] : undefined;
  return only ? `Removed ${describeOperation(only.item)}.` : `Removed ${String(removal.removed.length)} operations.`;
}

export function clearMessage(removal: Removal, group: ClearGroup): string {
  const n = removal.removed.length;
  const what = group === "succeededOrCanceled" ? "succeeded or canceled" : "failed or unreadable";
  return `Cleared ${String(n)} ${what} ${n === 1 ? "operation" : "operations"}.`;
}
