import { hashKey, type QueryCacheNotifyEvent, type QueryClient } from "@tanstack/react-query";
import { describeOperation } from "@/lib/operations/display-name";
import { isTerminal } from "@/lib/operations/model";
import type { Observed } from "@/lib/operations/notify";
import type { WatchItem } from "@/lib/watch-list/watch-list";
import { needsAttention, rowStateOf } from "@/lib/polling/read-state";
import { isSnapshotRunning, type OperationSnapshot } from "@/lib/polling/snapshot";
import { operationKeys } from "@/lib/query/keys";

/** What the dashboard's summaries (title, counts, notices, timeline, "clear finished") read of all watched operations. */
export interface WatchedSummary {
  /** The watched operations, in the order of `keys`: what names them. */
  items: readonly WatchItem[];
  keys: readonly string[];
  snapshots: readonly (OperationSnapshot | undefined)[];
  observed: readonly Observed[];
  running: number;
  /** How many of them have been read at all (a status or a failed read); none yet: there is nothing to count. */
  read: number;
  /** Keys of the operations that reached a terminal status. */
  finished: readonly string[];
  /** Keys of the succeeded and canceled operations: what "Clear finished" takes. */
  clearable: readonly string[];
  /** Keys of the failed operations. */
  failed: readonly string[];
  /** Keys of the rows whose polling stopped after a failed read (404, a refused host, ...). */
  unreadable: readonly string[];
  /**
   * Failed and unreadable, in list order. The same array as the previous summary's while its content is the same, so
   * the list (which sorts these first) re-renders only when it changes, not on every summary.
   */
  attention: readonly string[];
}

export interface WatchedSummaryStore {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => WatchedSummary;
}

/**
 * With 500 operations polling, results arrive many times a second. Summaries over all of them are recomputed and
 * re-rendered at most this often, instead of on every result: the rows show their own status at once.
 */
const SUMMARY_INTERVAL_MS = 1000;

function summarize(
  items: readonly WatchItem[],
  keys: readonly string[],
  snapshots: readonly (OperationSnapshot | undefined)[],
  previous: WatchedSummary | undefined,
): WatchedSummary {
  const observed: Observed[] = [];
  const finished: string[] = [];
  const clearable: string[] = [];
  const failed: string[] = [];
  const unreadable: string[] = [];
  const attention: string[] = [];
  let running = 0;
  let read = 0;
  items.forEach((item, i) => {
    const key = keys[i] ?? "";
    const snapshot = snapshots[i];
    if (snapshot) read++;
    const operation = snapshot?.operation;
    // The operation goes along for the notice of a failure, which names its innermost error.
    observed.push({ key, label: describeOperation(item), category: operation?.category, status: operation?.status, operation });
    if (isSnapshotRunning(snapshot)) running++;
    if (operation !== undefined && isTerminal(operation.category)) finished.push(key);
    const state = rowStateOf(snapshot);
    if (state === "succeeded" || state === "canceled") clearable.push(key);
    if (state === "failed") failed.push(key);
    if (state === "unreadable") unreadable.push(key);
    if (needsAttention(state)) attention.push(key);
  });
  const sameAttention = previous !== undefined && sameKeys(previous.attention, attention);
  return { items, keys, snapshots, observed, running, read, finished, clearable, failed, unreadable, attention: sameAttention ? previous.attention : attention };
}

const sameKeys = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((key, i) => key === b[i]);

/**
 * Reads the cached snapshots of the watched operations without observing them (no timers, no fetches: the rows own
 * the queries), and publishes a new summary at most every `intervalMs`, only when one of them changed.
 */
export function createWatchedSummaryStore(
  client: QueryClient,
  items: readonly WatchItem[],
  keys: readonly string[],
  intervalMs: number = SUMMARY_INTERVAL_MS,
): WatchedSummaryStore {
  // By query hash: the events carry it, so 500 keys are not hashed again on each of them.
  const index = new Map(keys.map((key, i) => [hashKey(operationKeys.byKey(key)), i]));
  const read = () => keys.map((key) => client.getQueryData<OperationSnapshot>(operationKeys.byKey(key)));
  let summary = summarize(items, keys, read(), undefined);
  let pending: (OperationSnapshot | undefined)[] | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastPublished = Number.NEGATIVE_INFINITY;
  let unsubscribeCache: (() => void) | undefined;
  const listeners = new Set<() => void>();

  const publish = () => {
    timer = undefined;
    if (!pending) return;
    summary = summarize(items, keys, pending, summary);
    pending = undefined;
    lastPublished = Date.now();
    for (const listener of listeners) listener();
  };

  // Never publishes synchronously: cache events also fire while a row renders, where re-rendering others is not allowed.
  const schedule = () => {
    if (timer !== undefined) return;
    timer = setTimeout(publish, Math.max(0, lastPublished + intervalMs - Date.now()));
  };

  const change = (i: number, data: OperationSnapshot | undefined) => {
    const current = pending ?? summary.snapshots;
    if (current[i] === data) return;
    pending ??= [...summary.snapshots];
    pending[i] = data;
    schedule();
  };

  const onEvent = (event: QueryCacheNotifyEvent) => {
    if (event.type !== "updated" && event.type !== "removed") return;
    const i = index.get(event.query.queryHash);
    if (i === undefined) return;
    change(i, event.type === "removed" ? undefined : (event.query.state.data as OperationSnapshot | undefined));
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!unsubscribeCache) {
        unsubscribeCache = client.getQueryCache().subscribe(onEvent);
        // Whatever changed between creating the store and the first subscriber is picked up now.
        read().forEach((data, i) => {
          change(i, data);
        });
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        unsubscribeCache?.();
        unsubscribeCache = undefined;
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
        if (pending) {
          summary = summarize(items, keys, pending, summary);
          pending = undefined;
        }
      };
    },
    getSnapshot: () => summary,
  };
}
