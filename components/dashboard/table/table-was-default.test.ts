import { describe, expect, it, vi } from "vitest";
import type { WatchListState } from "@/lib/watch-list/store";
import type { WatchItem } from "@/lib/watch-list/watch-list";
import { sampleDevopsRef } from "@/lib/dev/test-support/operation-fixtures";
import { createTableWasDefault } from "./table-was-default";
import { TABLE_THRESHOLD } from "./table-query";

const items = (count: number): WatchItem[] =>
  Array.from({ length: count }, (_, i) => ({ ref: { ...sampleDevopsRef, operationResultId: `op-${String(i)}` }, addedAt: i }));

/** A watch list that holds `count` items and tells its listeners when that changes, as the store does. */
function fakeList(count: number, loaded = true) {
  let state: WatchListState = { loaded, items: items(count), endpoints: [], notice: undefined };
  const listeners = new Set<() => void>();
  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getSnapshot: () => state,
    set(next: number) {
      state = { loaded: true, items: items(next), endpoints: [], notice: undefined };
      for (const listener of listeners) listener();
    },
  };
}

describe("createTableWasDefault", () => {
  it("follows the list's size while it never passed the threshold", () => {
    const list = fakeList(TABLE_THRESHOLD);
    const latch = createTableWasDefault(list);
    latch.subscribe(() => undefined);
    expect(latch.getSnapshot()).toBe(false);
    list.set(3);
    expect(latch.getSnapshot()).toBe(false);
    list.set(TABLE_THRESHOLD + 1);
    expect(latch.getSnapshot()).toBe(true);
  });

  it("stays true when removals bring the list back to the threshold or below", () => {
    const list = fakeList(TABLE_THRESHOLD + 1);
    const latch = createTableWasDefault(list);
    latch.subscribe(() => undefined);
    list.set(TABLE_THRESHOLD);
    expect(latch.getSnapshot()).toBe(true);
    list.set(0);
    expect(latch.getSnapshot()).toBe(true);
  });

  it("learns from a list that loads long after the dashboard first rendered it empty", () => {
    const list = fakeList(0, false);
    const latch = createTableWasDefault(list);
    expect(latch.getSnapshot()).toBe(false);
    latch.subscribe(() => undefined);
    list.set(15);
    list.set(TABLE_THRESHOLD);
    expect(latch.getSnapshot()).toBe(true);
  });

  it("learns from the list as it is when listening starts, though it never changed while listened to", () => {
    const list = fakeList(TABLE_THRESHOLD + 1);
    const latch = createTableWasDefault(list);
    const unsubscribe = latch.subscribe(() => undefined);
    unsubscribe();
    list.set(TABLE_THRESHOLD);
    expect(latch.getSnapshot()).toBe(true);
  });

  it("tells its listener of every change of the list, after learning from it, and stops when unsubscribed", () => {
    const list = fakeList(TABLE_THRESHOLD);
    const latch = createTableWasDefault(list);
    const seen: boolean[] = [];
    const listener = vi.fn(() => {
      seen.push(latch.getSnapshot());
    });
    const unsubscribe = latch.subscribe(listener);
    list.set(TABLE_THRESHOLD + 1);
    list.set(2);
    unsubscribe();
    list.set(1);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(seen).toEqual([true, true]);
  });

  it("starts again from the list as it is for a dashboard opened again", () => {
    const list = fakeList(TABLE_THRESHOLD + 1);
    createTableWasDefault(list).subscribe(() => undefined);
    list.set(TABLE_THRESHOLD);
    expect(createTableWasDefault(list).getSnapshot()).toBe(false);
  });
});
