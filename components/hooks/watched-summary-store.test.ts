import { QueryClient } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { refKey, type OperationRef } from "@/lib/azure/operation-ref";
import type { Operation, StatusCategory } from "@/lib/operations/model";
import type { WatchItem } from "@/lib/watch-list/watch-list";
import type { OperationSnapshot } from "@/lib/polling/snapshot";
import { nextSnapshot } from "@/lib/polling/snapshot";
import { operationKeys } from "@/lib/query/keys";
import { readErrorResult } from "@/lib/dev/test-support/fetch-results";
import { createWatchedSummaryStore } from "./watched-summary-store";

const ref = (id: string): OperationRef => ({ kind: "devops", subscriptionId: "S", resourceGroupName: "RG", securityConnectorName: "c", operationResultId: id });
const items: WatchItem[] = ["a", "b", "c"].map((id) => ({ ref: ref(id), addedAt: 0 }));
const keys = items.map((i) => refKey(i.ref));

const snapshot = (status: string, category: StatusCategory): OperationSnapshot => ({
  operation: { kind: "devops", name: "op", status, category, children: [], issues: [] } as unknown as Operation,
  lastResponse: undefined,
  lastReadError: undefined,
  history: [],
  watchStartedAt: 0,
});

const set = (client: QueryClient, i: number, data: OperationSnapshot) => {
  client.setQueryData(operationKeys.byKey(keys[i] ?? ""), data);
};

describe("createWatchedSummaryStore", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("reads what is cached when created, and counts running and finished", () => {
    const client = new QueryClient();
    set(client, 0, snapshot("InProgress", "running"));
    set(client, 1, snapshot("Failed", "failed"));
    const summary = createWatchedSummaryStore(client, items, keys).getSnapshot();
    expect(summary.running).toBe(1);
    expect(summary.finished).toEqual([keys[1]]);
    expect(summary.observed.map((o) => o.status)).toEqual(["InProgress", "Failed", undefined]);
  });

  it("publishes a burst of results once, and later ones no more than once per interval", () => {
    const client = new QueryClient();
    const store = createWatchedSummaryStore(client, items, keys, 1000);
    const listener = vi.fn();
    store.subscribe(listener);

    set(client, 0, snapshot("InProgress", "running"));
    set(client, 1, snapshot("InProgress", "running"));
    expect(listener).not.toHaveBeenCalled(); // never synchronously, inside the cache's event
    vi.advanceTimersByTime(0);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot().running).toBe(2);

    set(client, 2, snapshot("InProgress", "running"));
    vi.advanceTimersByTime(500);
    set(client, 0, snapshot("Succeeded", "succeeded"));
    vi.advanceTimersByTime(499);
    expect(listener).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(store.getSnapshot().running).toBe(2);
    expect(store.getSnapshot().finished).toEqual([keys[0]]);
  });

  it("ignores operations it does not watch and results that change nothing", () => {
    const client = new QueryClient();
    const data = snapshot("InProgress", "running");
    set(client, 0, data);
    const store = createWatchedSummaryStore(client, items, keys);
    const listener = vi.fn();
    store.subscribe(listener);
    client.setQueryData(operationKeys.byKey("other"), snapshot("Succeeded", "succeeded"));
    client.setQueryData(operationKeys.byKey(keys[0] ?? ""), data);
    vi.advanceTimersByTime(5000);
    expect(listener).not.toHaveBeenCalled();
  });

  it("forgets removed operations and stops listening after the last subscriber leaves", () => {
    const client = new QueryClient();
    set(client, 0, snapshot("InProgress", "running"));
    const store = createWatchedSummaryStore(client, items, keys);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    client.removeQueries({ queryKey: operationKeys.byKey(keys[0] ?? ""), exact: true });
    vi.advanceTimersByTime(0);
    expect(store.getSnapshot().snapshots[0]).toBeUndefined();
    expect(store.getSnapshot().running).toBe(0);
    unsubscribe();
    set(client, 1, snapshot("InProgress", "running"));
    vi.advanceTimersByTime(5000);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(client.getQueryCache().hasListeners()).toBe(false);
  });

  it("counts unreadable rows apart, and failed ones with them as needing attention, in list order", () => {
    const client = new QueryClient();
    set(client, 0, snapshot("Succeeded", "succeeded"));
    set(client, 1, nextSnapshot(undefined, readErrorResult(0, 404, undefined, { code: "NotFound" }), 0));
    set(client, 2, snapshot("Failed", "failed"));
    const summary = createWatchedSummaryStore(client, items, keys).getSnapshot();
    expect(summary.unreadable).toEqual([keys[1]]);
    expect(summary.failed).toEqual([keys[2]]);
    expect(summary.clearable).toEqual([keys[0]]);
    expect(summary.attention).toEqual([keys[1], keys[2]]);
    expect(summary.running).toBe(0);
  });

  it("keeps the same attention array while its content does not change", () => {
    const client = new QueryClient();
    set(client, 0, snapshot("Failed", "failed"));
    const store = createWatchedSummaryStore(client, items, keys);
    store.subscribe(() => undefined);
    const before = store.getSnapshot().attention;
    set(client, 1, snapshot("InProgress", "running"));
    vi.advanceTimersByTime(1000);
    expect(store.getSnapshot().running).toBe(1);
    expect(store.getSnapshot().attention).toBe(before);
    set(client, 2, snapshot("Failed", "failed"));
    vi.advanceTimersByTime(1000);
    expect(store.getSnapshot().attention).toEqual([keys[0], keys[2]]);
  });

  it("names operations by their resource in what the notices read", () => {
    const client = new QueryClient();
    const summary = createWatchedSummaryStore(client, [{ ref: ref("2a7b1c9e-3f00-4b1a-9c1d-5e6f7a9f3e1d"), addedAt: 0 }], ["k"]).getSnapshot();
    expect(summary.observed[0]?.label).toBe("c in RG (2a7b1c9e…9f3e1d)");
  });
});
