import { describe, expect, it } from "vitest";
import { refKey } from "@/lib/azure/operation-ref";
import { nextSnapshot } from "@/lib/polling/snapshot";
import { runningOperation, statusResult } from "@/lib/dev/test-support/fetch-results";
import { sampleDevopsRef } from "@/lib/dev/test-support/operation-fixtures";
import type { WatchItem } from "@/lib/watch-list/watch-list";
import { parseTableQuery } from "./table-query";
import { createRowsSelector } from "./use-visible-rows";

const T0 = Date.UTC(2026, 0, 1);
const items: WatchItem[] = ["a", "b", "c"].map((id) => ({ ref: { ...sampleDevopsRef, operationResultId: id }, addedAt: 0 }));
const keys = items.map((i) => refKey(i.ref));
const readAt = (at: number, percent: number) => nextSnapshot(undefined, statusResult(at, runningOperation(T0, "InProgress", "running", percent)), at);
const summary = (snapshots: ReturnType<typeof readAt>[]) => ({ keys, snapshots, attention: [] });

describe("createRowsSelector", () => {
  it("returns the same array while the shown rows and their order do not change", () => {
    const select = createRowsSelector(() => T0);
    const byProgress = parseTableQuery(new URLSearchParams("sort=progress"));
    const first = select(summary([readAt(T0, 10), readAt(T0, 50), readAt(T0, 90)]), items, byProgress);
    expect(first.map((row) => row.item)).toEqual([items[2], items[1], items[0]]);
    // New reads that keep the order: the same array, so nothing re-renders.
    const again = select(summary([readAt(T0 + 1, 20), readAt(T0 + 1, 60), readAt(T0 + 1, 95)]), items, byProgress);
    expect(again).toBe(first);
    // A read that changes the order: a new array.
    const moved = select(summary([readAt(T0 + 2, 99), readAt(T0 + 2, 60), readAt(T0 + 2, 95)]), items, byProgress);
    expect(moved).not.toBe(first);
    expect(moved.map((row) => row.item)).toEqual([items[0], items[2], items[1]]);
  });

  it("recomputes for a new query or list, not for the same summary", () => {
    const select = createRowsSelector(() => T0);
    const state = summary([readAt(T0, 10), readAt(T0, 50), readAt(T0, 90)]);
    const query = parseTableQuery(new URLSearchParams(""));
    const first = select(state, items, query);
    expect(select(state, items, query)).toBe(first);
    expect(select(state, items, parseTableQuery(new URLSearchParams("q=zzz")))).toEqual([]);
  });
});
