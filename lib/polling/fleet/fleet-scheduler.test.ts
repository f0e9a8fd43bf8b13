import { describe, expect, it } from "vitest";
import type { DevopsRef, OperationRef } from "@/lib/azure/operation-ref";
import type { FetchResult } from "@/lib/operations/fetch-operation";
import { readErrorResult, runningOperation, statusResult } from "@/lib/dev/test-support/fetch-results";
import { pollSchedule } from "../schedule";
import { nextSnapshot, type OperationSnapshot } from "../snapshot";
import { FleetScheduler, type FleetEntry, type ReadBudgets } from "./fleet-scheduler";
import type { ScopeStatus } from "./fleet-status";
import type { Interest } from "./priority";

const T0 = Date.UTC(2026, 10, 28, 12);
const BUDGETS: ReadBudgets = { devops: { capacity: 10, refillPerSecond: 5 }, devcenter: { capacity: 4, refillPerSecond: 2 } };

const devops = (subscriptionId: string, id: number): DevopsRef => ({
  kind: "devops",
  subscriptionId,
  resourceGroupName: "rg",
  securityConnectorName: "conn",
  operationResultId: `op-${id}`,
});

const entry = (ref: OperationRef, snapshot?: OperationSnapshot, interest: Interest = "watched", extra: Partial<FleetEntry> = {}): FleetEntry => ({
  key: JSON.stringify(ref),
  ref,
  interest,
  snapshot,
  ...extra,
});

const running = (at: number, startTime = at, percent?: number, retryAfterMs?: number): FetchResult =>
  statusResult(at, runningOperation(startTime, "InProgress", "running", percent), retryAfterMs);

const keys = (entries: readonly FleetEntry[]) => entries.map((e) => e.key);

const responseOf = (at: number) => {
  const result = statusResult(at, runningOperation(at, "InProgress", "running"));
  if (result.outcome !== "status") throw new Error("a status result");
  return result.response;
};

describe("FleetScheduler", () => {
  it("starts no more reads in a scope than its burst, then one per refill", () => {
    const scheduler = new FleetScheduler(BUDGETS, 100);
    const entries = Array.from({ length: 50 }, (_, i) => entry(devops("sub-a", i)));
    const first = scheduler.plan(entries, T0);
    expect(first.start).toHaveLength(10);
    for (const e of first.start) scheduler.finished(e, nextSnapshot(undefined, running(T0), T0), T0);
    const rest = entries.filter((e) => !first.start.includes(e));
    // The plan says when a token is back (5 per second: 200 ms), and nothing starts before.
    const second = scheduler.plan(rest, T0);
    expect(second.start).toHaveLength(0);
    expect(second.wakeAt).toBe(T0 + 200);
    expect(scheduler.plan(rest, T0 + 199).start).toHaveLength(0);
    expect(scheduler.plan(rest, T0 + 200).start).toHaveLength(1);
  });

  it("budgets scopes apart: a second subscription is not slowed by the first", () => {
    const scheduler = new FleetScheduler(BUDGETS, 100);
    const a = Array.from({ length: 20 }, (_, i) => entry(devops("sub-a", i)));
    const b = Array.from({ length: 20 }, (_, i) => entry(devops("sub-b", i)));
    const plan = scheduler.plan([...a, ...b], T0);
    expect(plan.start.filter((e) => e.ref.kind === "devops" && e.ref.subscriptionId === "sub-a")).toHaveLength(10);
    expect(plan.start.filter((e) => e.ref.kind === "devops" && e.ref.subscriptionId === "sub-b")).toHaveLength(10);
    expect(plan.status.scopes.find((s) => s.name === "sub-a")?.waiting).toBe(10);
  });

  it("pauses the whole scope for the Retry-After of Azure's 429 on one operation", () => {
    const scheduler = new FleetScheduler(BUDGETS);
    const throttled = entry(devops("sub-a", 1));
    const sibling = entry(devops("sub-a", 2), nextSnapshot(undefined, running(T0 - 5000, T0 - 5000), T0 - 5000));
    const elsewhere = entry(devops("sub-b", 3), nextSnapshot(undefined, running(T0 - 5000, T0 - 5000), T0 - 5000));
    expect(keys(scheduler.plan([throttled], T0).start)).toEqual([throttled.key]);
    const answer = nextSnapshot(undefined, readErrorResult(T0 + 100, 429, 12_000, { code: "TooManyRequests" }), T0 + 100);
    scheduler.finished(throttled, answer, T0 + 100);

    const during = scheduler.plan([{ ...throttled, snapshot: answer }, sibling, elsewhere], T0 + 6000);
    expect(keys(during.start)).toEqual([elsewhere.key]);
    expect(during.status.scopes.find((s) => s.name === "sub-a")?.pause).toMatchObject({ until: T0 + 12_100, cause: "throttled", httpStatus: 429 });
    expect(during.wakeAt).toBe(T0 + 12_100);

    const after = scheduler.plan([{ ...throttled, snapshot: answer }, sibling], T0 + 12_100);
    expect(keys(after.start).sort()).toEqual([throttled.key, sibling.key].sort());
  });

  it("does not pause the scope for a 429 while ARM reports reads left (the service throttled that operation)", () => {
    const scheduler = new FleetScheduler(BUDGETS);
    const a = entry(devops("sub-a", 1));
    scheduler.plan([a], T0);
    const answer = readErrorResult(T0, 429, 20_000, { code: "TooManyRequests" });
    scheduler.finished(a, nextSnapshot(undefined, { ...answer, response: { ...responseOf(T0), httpStatus: 429, remainingReads: 240 } }, T0), T0);
    expect(scheduler.plan([entry(devops("sub-a", 2))], T0 + 10).start).toHaveLength(1);
  });

  it("serves a first read before young and old reads, and in the order operations were first seen", () => {
    const scheduler = new FleetScheduler({ ...BUDGETS, devops: { capacity: 1, refillPerSecond: 1 } });
    const young = entry(devops("s", 1), nextSnapshot(undefined, running(T0 - 30_000, T0 - 30_000), T0 - 30_000));
    const first = entry(devops("s", 2));
    const later = entry(devops("s", 3));
    // Both unread; `first` is seen a second before `later` (while the one read of the budget goes to a row on screen),
    // and keeps its place though each plan is "now".
    const onScreen = entry(devops("s", 4), undefined, "onScreen");
    expect(keys(scheduler.plan([onScreen, first], T0 - 1000).start)).toEqual([onScreen.key]);
    scheduler.finished(onScreen, undefined, T0 - 1000);
    const order: string[] = [];
    let pending = [young, later, first];
    for (let t = T0; pending.length > 0 && t < T0 + 60_000; t += 1000) {
      const started = scheduler.plan(pending, t).start;
      order.push(...keys(started));
      pending = pending.filter((e) => !started.includes(e));
      for (const e of started) scheduler.finished(e, undefined, t);
    }
    expect(order).toEqual(keys([first, later, young]));
  });

  it("pauses every scope when the opwatch server itself asks to slow down", () => {
    const scheduler = new FleetScheduler(BUDGETS);
    const a = entry(devops("sub-a", 1));
    scheduler.plan([a], T0);
    const refused = nextSnapshot(undefined, readErrorResult(T0, 429, 5000, { code: "ProxyRateLimited" }), T0);
    scheduler.finished(a, refused, T0);
    const other = entry(devops("sub-b", 2));
    const plan = scheduler.plan([other], T0 + 1000);
    expect(plan.start).toHaveLength(0);
    expect(plan.status.allPaused).toMatchObject({ until: T0 + 5000, code: "ProxyRateLimited" });
    expect(scheduler.plan([other], T0 + 5000).start).toHaveLength(1);
  });

  it("does not pause the scope for a 503 without Retry-After (one operation's trouble)", () => {
    const scheduler = new FleetScheduler(BUDGETS);
    const a = entry(devops("sub-a", 1));
    scheduler.plan([a], T0);
    scheduler.finished(a, nextSnapshot(undefined, readErrorResult(T0, 503), T0), T0);
    expect(scheduler.plan([entry(devops("sub-a", 2))], T0 + 10).start).toHaveLength(1);
  });

  it("serves what the person looks at first, then near finish, then young, then the rest", () => {
    const scheduler = new FleetScheduler({ ...BUDGETS, devops: { capacity: 1, refillPerSecond: 1 } });
    const old = T0 - 3_600_000;
    // Overdue for a long time, but nobody looks at it and its finish is not near.
    const rest = entry(devops("s", 1), nextSnapshot(undefined, running(old, old), old));
    const young = entry(devops("s", 2), nextSnapshot(undefined, running(T0 - 60_000, T0 - 60_000), T0 - 60_000));
    let nearSnap = nextSnapshot(undefined, running(T0 - 20_000, T0 - 600_000, 80), T0 - 20_000);
    nearSnap = nextSnapshot(nearSnap, running(T0 - 10_000, T0 - 600_000, 90), T0 - 10_000);
    const near = entry(devops("s", 3), nearSnap);
    const onScreen = entry(devops("s", 4), nextSnapshot(undefined, running(old, old), old), "onScreen");
    const order: string[] = [];
    let pending = [rest, young, near, onScreen];
    for (let t = T0; pending.length > 0 && t < T0 + 60_000; t += 1000) {
      const started = scheduler.plan(pending, t).start;
      expect(started.length).toBeLessThanOrEqual(1);
      order.push(...keys(started));
      pending = pending.filter((e) => !started.includes(e));
      for (const e of started) scheduler.finished(e, undefined, t);
    }
    expect(order).toEqual(keys([onScreen, near, young, rest]));
  });

  it("never starts a read before the operation's Retry-After, even when asked to read now", () => {
    const scheduler = new FleetScheduler(BUDGETS);
    const snap = nextSnapshot(undefined, running(T0, T0, undefined, 30_000), T0);
    const asked = entry(devops("s", 1), snap, "open", { requested: true });
    const plan = scheduler.plan([asked], T0 + 1000);
    expect(plan.start).toHaveLength(0);
    expect(plan.status.next[asked.key]).toMatchObject({ cause: "retryAfter", at: T0 + 30_000 });
    expect(scheduler.plan([asked], T0 + 30_000).start).toHaveLength(1);
  });

  it("honours a Retry-After remembered from an earlier page for an operation not read yet", () => {
    const scheduler = new FleetScheduler(BUDGETS);
    const e = entry(devops("s", 1), undefined, "watched", { rememberedNotBefore: T0 + 9000 });
    expect(scheduler.plan([e], T0).start).toHaveLength(0);
    expect(scheduler.plan([e], T0 + 9000).start).toHaveLength(1);
  });

  it("reads a requested operation at once, ahead of the policy's due time and of other due reads", () => {
    const scheduler = new FleetScheduler({ ...BUDGETS, devops: { capacity: 1, refillPerSecond: 1 } });
    const snap = nextSnapshot(undefined, running(T0 - 1000, T0 - 3_600_000), T0 - 1000);
    expect(pollSchedule(snap).dueAt).toBeGreaterThan(T0);
    const asked = entry(devops("s", 1), snap, "watched", { requested: true });
    const other = entry(devops("s", 2));
    expect(keys(scheduler.plan([other, asked], T0).start)).toEqual([asked.key]);
  });

  it("reads an open page at least every 5 s, where only watching it waits for the age rule", () => {
    const scheduler = new FleetScheduler(BUDGETS);
    const hourOld = T0 - 3_600_000;
    const snap = nextSnapshot(undefined, running(T0, hourOld), T0);
    expect(pollSchedule(snap).dueAt).toBeGreaterThan(T0 + 40_000);
    const open = entry(devops("s", 1), snap, "open");
    const watched = entry(devops("s", 2), snap);
    expect(scheduler.plan([open, watched], T0 + 4999).start).toHaveLength(0);
    const plan = scheduler.plan([open, watched], T0 + 5000);
    expect(keys(plan.start)).toEqual([open.key]);
  });

  it("waits longer than 5 s on an open page when Retry-After or a paused scope asks, and says until when", () => {
    const scheduler = new FleetScheduler(BUDGETS);
    const hourOld = T0 - 3_600_000;
    const asked = entry(devops("s", 1), nextSnapshot(undefined, running(T0, hourOld, undefined, 20_000), T0), "open");
    const early = scheduler.plan([asked], T0 + 5000);
    expect(early.start).toHaveLength(0);
    expect(early.status.next[asked.key]).toMatchObject({ at: T0 + 20_000, hold: { until: T0 + 20_000, cause: "retryAfter" } });
    // Asking to read now changes nothing before Retry-After.
    expect(scheduler.plan([{ ...asked, requested: true }], T0 + 19_999).start).toHaveLength(0);
    expect(scheduler.plan([asked], T0 + 20_000).start).toHaveLength(1);

    // A 429 on a sibling pauses the scope for 30 s: the open page waits with it.
    const sibling = entry(devops("s", 2));
    expect(scheduler.plan([sibling], T0 + 20_000).start).toHaveLength(1);
    scheduler.finished(sibling, nextSnapshot(undefined, readErrorResult(T0 + 20_000, 429, 30_000, { code: "TooManyRequests" }), T0 + 20_000), T0 + 20_000);
    const read = entry(devops("s", 1), nextSnapshot(asked.snapshot, running(T0 + 21_000, hourOld), T0 + 21_000), "open");
    scheduler.finished(read, read.snapshot, T0 + 21_000);
    const paused = scheduler.plan([read], T0 + 26_000);
    expect(paused.start).toHaveLength(0);
    expect(paused.status.next[read.key]).toMatchObject({ cause: "scopePaused", hold: { until: T0 + 50_000, cause: "scopePaused" } });
    expect(scheduler.plan([read], T0 + 50_000).start).toHaveLength(1);
  });

  it("says nothing holds a read back once Retry-After has passed, though the schedule waits", () => {
    const scheduler = new FleetScheduler(BUDGETS);
    const snap = nextSnapshot(undefined, running(T0, T0 - 3_600_000, undefined, 2000), T0);
    const onScreen = entry(devops("s", 1), snap, "onScreen");
    const next = scheduler.plan([onScreen], T0 + 3000).status.next[onScreen.key];
    expect(next?.cause).toBe("scheduled");
    expect(next?.hold).toBeUndefined();
  });

  it("leaves stopped operations alone, says why, and reports no scope that has nothing left to read", () => {
    const scheduler = new FleetScheduler(BUDGETS);
    const gone = entry(devops("s", 1), nextSnapshot(undefined, readErrorResult(T0, 404), T0), "open");
    const plan = scheduler.plan([gone], T0 + 60_000);
    expect(plan.start).toHaveLength(0);
    expect(plan.wakeAt).toBeUndefined();
    expect(plan.status.next[gone.key]?.cause).toBe("stopped");
    expect(plan.status.scopes).toEqual([]);
  });

  it("slows a scope in proportion when Azure reports few reads left", () => {
    const scheduler = new FleetScheduler(BUDGETS);
    const a = entry(devops("s", 1));
    scheduler.plan([a], T0);
    const answer = statusResult(T0, runningOperation(T0, "InProgress", "running"));
    if (answer.outcome === "status") answer.response.remainingReads = 25;
    scheduler.finished(a, nextSnapshot(undefined, answer, T0), T0);
    const many = Array.from({ length: 20 }, (_, i) => entry(devops("s", i + 10)));
    const plan = scheduler.plan(many, T0);
    const scope = plan.status.scopes[0];
    expect(scope?.ratePerSecond).toBeCloseTo(1); // 5/s × 25/125
    // Reads are spaced at the slower rate even though the burst still has tokens.
    expect(plan.start).toHaveLength(0);
    expect(plan.wakeAt).toBe(T0 + 1000);
  });

  it("reads above the budget while Azure reports the bucket idle and reads wait, and says how fast", () => {
    const scheduler = new FleetScheduler({ ...BUDGETS, headroom: { enabled: true, ceilingShare: 0.5 } }, 100);
    let next = 0;
    const starts: number[] = [];
    let status: ScopeStatus | undefined;
    // Planned again when the plan asks, as the read loop does.
    for (let now = T0, wakeAt: number | undefined = T0; now < T0 + 20_000; now = Math.max(now + 1, wakeAt ?? now + 50)) {
      // Always more operations due than the budget allows, each read answered at once with the bucket nearly full.
      const due = Array.from({ length: 20 }, (_, i) => entry(devops("s", next + i)));
      const plan = scheduler.plan(due, now);
      next += 20;
      for (const started of plan.start) {
        starts.push(now);
        const answer = running(now);
        if (answer.outcome === "status") answer.response.remainingReads = 249;
        scheduler.finished(started, nextSnapshot(undefined, answer, now), now);
      }
      status = plan.status.scopes[0];
      wakeAt = plan.wakeAt;
    }
    expect(status?.budgetPerSecond).toBe(5);
    expect(status?.ratePerSecond).toBe(12.5);
    const lastTen = starts.filter((at) => at >= T0 + 10_000).length;
    expect(lastTen).toBeGreaterThanOrEqual(124);
    expect(lastTen).toBeLessThanOrEqual(126);
  });

  it("keeps at most six reads in flight across scopes", () => {
    const scheduler = new FleetScheduler(BUDGETS);
    const entries = ["a", "b", "c"].flatMap((sub) => Array.from({ length: 5 }, (_, i) => entry(devops(sub, i))));
    const plan = scheduler.plan(entries, T0);
    expect(plan.start).toHaveLength(6);
    expect(scheduler.plan(entries.filter((e) => !plan.start.includes(e)), T0).start).toHaveLength(0);
  });

  it("starts the open page's read with six reads of others in flight, taking one token of its scope's budget", () => {
    const scheduler = new FleetScheduler(BUDGETS);
    const watched = Array.from({ length: 20 }, (_, i) => entry(devops("sub-a", i)));
    const first = scheduler.plan(watched, T0);
    expect(first.start).toHaveLength(6);
    const open = entry(devops("sub-a", 99), undefined, "open");
    const second = scheduler.plan([...watched, open], T0);
    expect(keys(second.start)).toEqual([open.key]);
    // Six reads and the open page's took 7 of the burst of 10: three are left for the others.
    for (const e of [...first.start, open]) scheduler.finished(e, nextSnapshot(undefined, running(T0), T0), T0);
    const rest = watched.filter((e) => !first.start.includes(e));
    expect(scheduler.plan(rest, T0).start).toHaveLength(3);
  });

  it("puts the open page first in line when its scope's budget is spent", () => {
    const scheduler = new FleetScheduler(BUDGETS, 100);
    const watched = Array.from({ length: 20 }, (_, i) => entry(devops("sub-a", i)));
    expect(scheduler.plan(watched, T0).start).toHaveLength(10);
    const open = entry(devops("sub-a", 99), undefined, "open");
    const later = watched.slice(10);
    expect(scheduler.plan([...later, open], T0).status.next[open.key]).toMatchObject({ cause: "budget", ahead: 0, at: T0 + 200 });
    expect(keys(scheduler.plan([...later, open], T0 + 200).start)).toEqual([open.key]);
  });
});
