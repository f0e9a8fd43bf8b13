import { queryOptions, type Query } from "@tanstack/react-query";
import type { GetAccessToken } from "@/lib/auth/use-get-access-token";
import { refKey, type OperationRef } from "@/lib/azure/operation-ref";
import { fetchOperation, toPollRecord, type FetchResult, type ReadError, type ResponseInfo } from "@/lib/operations/fetch-operation";
import { rememberNotBefore, storedNotBefore, waitUntil, type NotBeforeStorage } from "@/lib/operations/fetch-operation-not-before";
import { isTerminal, type Operation } from "@/lib/operations/model";
import { decideNextPoll, type PollDecision, type PollRecord } from "@/lib/operations/polling-policy";
import { seededRandom } from "@/lib/operations/seeded-random";

/**
 * One query per operation, shared by every view of it. Its data is a snapshot that survives read failures: the last
 * good status stays while `lastReadError` says why it could not be refreshed. The polling policy alone decides when
 * the next request goes out; React Query runs it through `refetchInterval` and the focus/mount/reconnect triggers.
 */

export const HISTORY_LIMIT = 100;

export interface OperationSnapshot {
  /** The last status read successfully. */
  operation: Operation | undefined;
  /** The last response of any outcome (its body is the raw JSON shown on the page). */
  lastResponse: ResponseInfo | undefined;
  /** Set when the latest read failed; cleared by the next good read. */
  lastReadError: ReadError | undefined;
  /** Oldest first, at most HISTORY_LIMIT. */
  history: PollRecord[];
  /** percentComplete seen per poll (oldest first, bounded like history), for the progress chart. */
  progress: { at: number; percent: number }[];
  watchStartedAt: number;
}

export const operationKeys = {
  all: ["operation"] as const,
  /** By `refKey`, for views that hold keys rather than refs. */
  byKey: (key: string) => ["operation", key] as const,
  detail: (ref: OperationRef) => operationKeys.byKey(refKey(ref)),
};

/** Folds one read into the previous snapshot. */
export function nextSnapshot(previous: OperationSnapshot | undefined, result: FetchResult, now: number): OperationSnapshot {
  const history = [...(previous?.history ?? []), toPollRecord(result)].slice(-HISTORY_LIMIT);
  const base = {
    history,
    watchStartedAt: previous?.watchStartedAt ?? now,
    progress: previous?.progress ?? [],
  };
  if (result.outcome === "status") {
    const percent = result.operation.percentComplete;
    return {
      ...base,
      operation: result.operation,
      lastResponse: result.response,
      lastReadError: undefined,
      progress:
        percent === undefined ? base.progress : [...base.progress, { at: result.response.at, percent }].slice(-HISTORY_LIMIT),
    };
  }
  return {
    ...base,
    operation: previous?.operation,
    lastResponse: result.response ?? previous?.lastResponse,
    lastReadError: result.error,
  };
}

export interface PollSchedule {
  decision: PollDecision;
  /** When the next poll is due (epoch ms); undefined when polling has stopped. */
  dueAt: number | undefined;
  /** Never poll before this (Retry-After). */
  notBefore: number | undefined;
}

const schedules = new WeakMap<OperationSnapshot, PollSchedule>();

/**
 * The decision is taken once per snapshot, as of the moment its last response arrived, with jitter seeded by that
 * moment: every view, render and timer reset then agrees on the same due time instead of re-rolling the jitter.
 */
export function pollSchedule(snapshot: OperationSnapshot): PollSchedule {
  const cached = schedules.get(snapshot);
  if (cached) return cached;
  const last = snapshot.history.at(-1);
  const decidedAt = last?.at ?? snapshot.watchStartedAt;
  const decision = decideNextPoll({
    now: decidedAt,
    startedAt: snapshot.operation?.startTime ?? snapshot.watchStartedAt,
    history: snapshot.history,
    random: seededRandom(decidedAt),
  });
  const schedule: PollSchedule = decision.poll
    ? { decision, dueAt: decidedAt + decision.delayMs, notBefore: decision.notBefore }
    : { decision, dueAt: undefined, notBefore: undefined };
  schedules.set(snapshot, schedule);
  return schedule;
}

/** Timers shorter than this are rounded up, so an overdue poll never spins a timer. */
const MIN_TIMER_MS = 100;

type SnapshotQuery = Pick<Query<OperationSnapshot>, "state">;

/** refetchInterval: the time left until the policy's due time, or false when polling has stopped. */
export function refetchIntervalFor(query: SnapshotQuery, now: number = Date.now()): number | false {
  const data = query.state.data;
  // While a read is in flight the next decision is not known yet; the result re-arms the timer.
  if (!data || query.state.fetchStatus === "fetching") return false;
  const { dueAt } = pollSchedule(data);
  if (dueAt === undefined) return false;
  return Math.max(MIN_TIMER_MS, Math.ceil(dueAt - now));
}

/** Back to the tab (or the network): poll at once if still running, but never before Retry-After allowed. */
export function shouldPollOnReturn(query: SnapshotQuery, now: number = Date.now()): boolean {
  const data = query.state.data;
  if (!data) return true;
  const { decision, notBefore } = pollSchedule(data);
  return decision.poll && now >= (notBefore ?? 0);
}

/** A new view of an already-watched operation does not poll early: it waits for the due time like the others. */
export function shouldPollOnMount(query: SnapshotQuery, now: number = Date.now()): boolean {
  const data = query.state.data;
  if (!data) return true;
  const { dueAt } = pollSchedule(data);
  return dueAt !== undefined && now >= dueAt;
}

const STORAGE_WRITE_MS = 1000;
let coalesced: NotBeforeStorage | undefined;

/**
 * localStorage for the Retry-After memory, written at most once a second (and when the page goes away): with 500
 * operations each sending Retry-After, writing the whole map on every poll took a tenth of the main thread.
 */
function notBeforeStorage(): NotBeforeStorage | undefined {
  if (coalesced) return coalesced;
  let storage: Storage;
  try {
    if (typeof window === "undefined") return undefined;
    storage = window.localStorage;
  } catch {
    return undefined;
  }
  const pending = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    for (const [key, value] of pending) {
      try {
        storage.setItem(key, value);
      } catch {
        // A full storage only costs the memory across reloads.
      }
    }
    pending.clear();
  };
  window.addEventListener("pagehide", flush);
  coalesced = {
    getItem: (key) => pending.get(key) ?? storage.getItem(key),
    setItem: (key, value) => {
      pending.set(key, value);
      timer ??= setTimeout(flush, STORAGE_WRITE_MS);
    },
  };
  return coalesced;
}

export function operationQueryOptions(ref: OperationRef, getAccessToken: GetAccessToken) {
  return queryOptions({
    queryKey: operationKeys.detail(ref),
    queryFn: async ({ client, queryKey, signal }): Promise<OperationSnapshot> => {
      const previous = client.getQueryData<OperationSnapshot>(queryKey);
      const key = queryKey[1];
      // A first read after a reload still honours the Retry-After an earlier page was given.
      if (!previous) {
        const remembered = storedNotBefore(key, Date.now(), notBeforeStorage());
        if (remembered !== undefined) await waitUntil(remembered, Date.now(), signal);
      }
      const result = await fetchOperation(ref, getAccessToken, { signal });
      const snapshot = nextSnapshot(previous, result, Date.now());
      rememberNotBefore(key, pollSchedule(snapshot).notBefore, Date.now(), notBeforeStorage());
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

/** Running: a status was read and it is not terminal (an operation never read, or gone, is not counted). */
export function isSnapshotRunning(snapshot: OperationSnapshot | undefined): boolean {
  const category = snapshot?.operation?.category;
  return category !== undefined && !isTerminal(category);
}
