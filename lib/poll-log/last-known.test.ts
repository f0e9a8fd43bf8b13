import { describe, expect, it } from "vitest";
import type { PollRecord } from "@/lib/polling/poll-record";
import { lastKnownAt, lastKnownSnapshot } from "./last-known";

const T0 = Date.UTC(2026, 10, 28, 12);
const stored: PollRecord = { at: T0, outcome: "status", category: "running", status: "InProgress", percentComplete: 30, startTime: T0 - 600_000, requestId: "r-1" };

describe("lastKnownSnapshot", () => {
  it("is the operation as last read: status, percent and its own times, aged by that read", () => {
    const snapshot = lastKnownSnapshot("devops", stored);
    expect(snapshot?.operation).toMatchObject({ kind: "devops", status: "InProgress", category: "running", percentComplete: 30, startTime: T0 - 600_000, endTime: undefined });
    expect(snapshot?.history).toEqual([stored]);
    expect(snapshot?.lastReadError).toBeUndefined();
    expect(lastKnownAt({ isPlaceholderData: true, data: snapshot })).toBe(T0);
  });

  it("is nothing for a read that did not read a status", () => {
    expect(lastKnownSnapshot("devops", { at: T0, outcome: "readError", httpStatus: 503 })).toBeUndefined();
    const { category: _category, ...noCategory } = stored;
    expect(lastKnownSnapshot("devops", noCategory)).toBeUndefined();
  });

  it("has no age once the page's own read is shown", () => {
    expect(lastKnownAt({ isPlaceholderData: false, data: lastKnownSnapshot("devops", stored) })).toBeUndefined();
  });
});
