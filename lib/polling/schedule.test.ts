import { describe, expect, it } from "vitest";
import type { Operation } from "@/lib/operations/model";
import { readErrorResult, runningOperation, statusResult } from "@/lib/test-support/fetch-results";
import { pollSchedule, predictedFinishOf, refetchIntervalFor, shouldPollOnMount, shouldPollOnReturn } from "./schedule";
import { nextSnapshot, type OperationSnapshot } from "./snapshot";

const T0 = Date.UTC(2026, 0, 1);
const operation = (status: string, category: Operation["category"], percentComplete?: number) => runningOperation(T0, status, category, percentComplete);

const fakeQuery = (data: OperationSnapshot | undefined, fetchStatus: "idle" | "fetching" = "idle") =>
  ({ state: { data, fetchStatus } }) as unknown as Parameters<typeof refetchIntervalFor>[0];

describe("refetchInterval wiring", () => {
  it("waits until the policy's due time, and never before Retry-After", () => {
    const snap = nextSnapshot(undefined, statusResult(T0, operation("InProgress", "running"), 30_000), T0);
    const schedule = pollSchedule(snap);
    expect(schedule.notBefore).toBe(T0 + 30_000);
    expect(schedule.dueAt).toBeGreaterThanOrEqual(T0 + 30_000);
    const interval = refetchIntervalFor(fakeQuery(snap), T0 + 1000);
    expect(interval).toBe((schedule.dueAt ?? 0) - (T0 + 1000));
    // The same snapshot always gives the same due time (renders must not re-roll the jitter).
    expect(pollSchedule(snap)).toBe(schedule);
  });

  it("counts down as time passes and rounds an overdue poll up to a short timer", () => {
    const snap = nextSnapshot(undefined, statusResult(T0, operation("InProgress", "running")), T0);
    const due = pollSchedule(snap).dueAt ?? 0;
    expect(refetchIntervalFor(fakeQuery(snap), due - 2000)).toBe(2000);
    expect(refetchIntervalFor(fakeQuery(snap), due + 5000)).toBe(100);
  });

  it("stops at a terminal status and on 404", () => {
    const done = nextSnapshot(undefined, statusResult(T0, operation("succeeded", "succeeded", 100)), T0);
    expect(refetchIntervalFor(fakeQuery(done), T0)).toBe(false);
    expect(shouldPollOnReturn(fakeQuery(done), T0 + 999_999)).toBe(false);
    const gone = nextSnapshot(undefined, readErrorResult(T0, 404), T0);
    expect(refetchIntervalFor(fakeQuery(gone), T0)).toBe(false);
  });

  it("does not arm a timer while a read is in flight or before the first read", () => {
    const snap = nextSnapshot(undefined, statusResult(T0, operation("InProgress", "running")), T0);
    expect(refetchIntervalFor(fakeQuery(snap, "fetching"), T0)).toBe(false);
    expect(refetchIntervalFor(fakeQuery(undefined), T0)).toBe(false);
  });

  it("polls on return only once Retry-After has passed, and a new view waits for the due time", () => {
    const snap = nextSnapshot(undefined, readErrorResult(T0, 429, 60_000), T0);
    expect(shouldPollOnReturn(fakeQuery(snap), T0 + 59_000)).toBe(false);
    expect(shouldPollOnReturn(fakeQuery(snap), T0 + 60_000)).toBe(true);
    const due = pollSchedule(snap).dueAt ?? 0;
    expect(shouldPollOnMount(fakeQuery(snap), due - 1)).toBe(false);
    expect(shouldPollOnMount(fakeQuery(snap), due)).toBe(true);
    expect(shouldPollOnMount(fakeQuery(undefined), T0)).toBe(true);
  });
});

describe("predictedFinishOf", () => {
  it("gives the finish the schedule lands its next read just after", () => {
    let snap = nextSnapshot(undefined, statusResult(T0, operation("InProgress", "running", 10)), T0);
    snap = nextSnapshot(snap, statusResult(T0 + 10_000, operation("InProgress", "running", 20)), T0 + 10_000);
    snap = nextSnapshot(snap, statusResult(T0 + 20_000, operation("InProgress", "running", 30)), T0 + 20_000);
    // 1 % a second from 30 % at 20 s: 100 % at 90 s; the age rule says 5 s, so the far-finish rule sets the delay.
    expect(predictedFinishOf(snap)).toBe(T0 + 90_000);
    expect(pollSchedule(snap).decision.reason).toBe("adaptive: predicted finish far");
  });
});
