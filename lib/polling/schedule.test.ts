import { describe, expect, it } from "vitest";
import type { Operation } from "@/lib/operations/model";
import { readErrorResult, runningOperation, statusResult } from "@/lib/dev/test-support/fetch-results";
import { decideNextPoll } from "./policy";
import { pollSchedule, predictedFinishOf } from "./schedule";
import { seededRandom } from "./seeded-random";
import { nextSnapshot } from "./snapshot";

const T0 = Date.UTC(2026, 0, 1);
const operation = (status: string, category: Operation["category"], percentComplete?: number) => runningOperation(T0, status, category, percentComplete);

describe("pollSchedule", () => {
  it("takes one decision per snapshot, never before Retry-After", () => {
    const snap = nextSnapshot(undefined, statusResult(T0, operation("InProgress", "running"), 30_000), T0);
    const schedule = pollSchedule(snap);
    expect(schedule.notBefore).toBe(T0 + 30_000);
    expect(schedule.dueAt).toBeGreaterThanOrEqual(T0 + 30_000);
    // The same snapshot always gives the same due time (renders and the scheduler must not re-roll the jitter).
    expect(pollSchedule(snap)).toBe(schedule);
  });

  it("counts from the last response, not from when it is asked", () => {
    const snap = nextSnapshot(undefined, statusResult(T0, operation("InProgress", "running")), T0);
    const decision = decideNextPoll({ now: T0, startedAt: T0, history: snap.history, random: seededRandom(T0) });
    expect(decision.poll).toBe(true);
    expect(pollSchedule(snap).dueAt).toBe(T0 + (decision.poll ? decision.delayMs : Number.NaN));
  });

  it("stops at a terminal status and on 404", () => {
    const done = nextSnapshot(undefined, statusResult(T0, operation("succeeded", "succeeded", 100)), T0);
    expect(pollSchedule(done)).toMatchObject({ dueAt: undefined, notBefore: undefined, decision: { poll: false } });
    const gone = nextSnapshot(undefined, readErrorResult(T0, 404), T0);
    expect(pollSchedule(gone).dueAt).toBeUndefined();
  });

  it("keeps a read error's Retry-After as the floor", () => {
    const snap = nextSnapshot(undefined, readErrorResult(T0, 429, 60_000), T0);
    expect(pollSchedule(snap).notBefore).toBe(T0 + 60_000);
  });
});

describe("predictedFinishOf", () => {
  it("gives the finish the schedule lands its next read just after", () => {
    let snap = nextSnapshot(undefined, statusResult(T0, operation("InProgress", "running", 10)), T0);
    snap = nextSnapshot(snap, statusResult(T0 + 10_000, operation("InProgress", "running", 20)), T0 + 10_000);
    snap = nextSnapshot(snap, statusResult(T0 + 20_000, operation("InProgress", "running", 30)), T0 + 20_000);
    // 1 % a second from 30 % at 20 s: 100 % at 90 s; the age rule says 5 s, so the far-finish rule sets the delay.
    expect(predictedFinishOf(snap)).toBe(T0 + 90_000);
    expect(pollSchedule(snap).decision).toMatchObject({ reason: { kind: "predictedFinishFar" } });
  });
});
