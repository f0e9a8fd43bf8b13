import { describe, expect, it } from "vitest";
import type { DevcenterRef } from "@/lib/azure/operation-ref";
import { readErrorResult } from "@/lib/dev/test-support/fetch-results";
import { nextSnapshot } from "../snapshot";
import type { BackgroundEntry } from "./background-reads";
import { FleetScheduler, type FleetEntry, type ReadBudgets } from "./fleet-scheduler";
import { answerSignals } from "./throttle-signal";

const T0 = Date.UTC(2026, 11, 7, 12);
/** An endpoint's budget: a burst of 4, then one read every 500 ms. */
const BUDGETS: ReadBudgets = { devops: { capacity: 10, refillPerSecond: 5 }, devcenter: { capacity: 4, refillPerSecond: 2 } };
const HOST = "t1-dc.westus3.devcenter.azure.com";
const OTHER = "t2-dc.westus3.devcenter.azure.com";

const watched = (id: number, endpointHost = HOST): FleetEntry => {
  const ref: DevcenterRef = { kind: "devcenter", endpointHost, projectName: "proj", operationId: `op-${id}` };
  return { key: `${endpointHost}/${id}`, ref, interest: "watched", snapshot: undefined };
};
const sweep = (endpointHost = HOST, at = T0): BackgroundEntry => ({ key: `sweep:${endpointHost}`, endpointHost, at });

describe("FleetScheduler: background reads (discovery sweeps)", () => {
  it("never starts a sweep read while a watched read of its endpoint is due and waiting", () => {
    const scheduler = new FleetScheduler(BUDGETS, 100);
    const reads = Array.from({ length: 5 }, (_, i) => watched(i));
    const first = scheduler.plan(reads, T0, [sweep(), sweep(OTHER)]);
    expect(first.start).toHaveLength(4);
    // The fifth watched read waits for the endpoint's budget, so its sweep waits too; another endpoint's does not.
    expect(first.startBackground).toEqual([sweep(OTHER)]);
    const waiting = reads.slice(4);
    expect(scheduler.plan(waiting, T0 + 500, [sweep()])).toMatchObject({ start: [reads[4]], startBackground: [] });
    // Nothing due in the scope: the sweep goes once it can leave a token for the next watched read (2 tokens: 1 s).
    const idle = scheduler.plan([], T0 + 600, [sweep()]);
    expect(idle.startBackground).toEqual([]);
    expect(idle.wakeAt).toBe(T0 + 1500);
    expect(scheduler.plan([], T0 + 1500, [sweep()]).startBackground).toEqual([sweep()]);
  });

  it("waits for the sweep's own time, and spends the endpoint's budget", () => {
    const scheduler = new FleetScheduler(BUDGETS, 100);
    const later = sweep(HOST, T0 + 2000);
    expect(scheduler.plan([], T0, [later])).toMatchObject({ startBackground: [], wakeAt: T0 + 2000 });
    expect(scheduler.plan([], T0 + 2000, [later]).startBackground).toEqual([later]);
    // One token went to the sweep: of four watched reads due now, three start.
    const reads = Array.from({ length: 4 }, (_, i) => watched(i));
    expect(scheduler.plan(reads, T0 + 2000).start).toHaveLength(3);
  });

  it("keeps a connection for watched reads", () => {
    const scheduler = new FleetScheduler(BUDGETS, 2);
    const started = scheduler.plan([watched(1, OTHER)], T0, [sweep()]);
    expect(started.start).toHaveLength(1);
    expect(started.startBackground).toEqual([]);
  });

  it("pauses the endpoint on a list's 429 with Retry-After: its watched reads wait too", () => {
    const scheduler = new FleetScheduler(BUDGETS, 100);
    expect(scheduler.plan([], T0, [sweep()]).startBackground).toHaveLength(1);
    const signals = answerSignals({ at: T0 + 100, httpStatus: 429, code: "TooManyRequests", retryAfterMs: 30_000, remainingReads: undefined });
    scheduler.finishedBackground(sweep(), signals, T0 + 100);
    const plan = scheduler.plan([watched(1), watched(2, OTHER)], T0 + 200, [sweep()]);
    expect(plan.start.map((e) => e.key)).toEqual([`${OTHER}/2`]);
    expect(plan.startBackground).toEqual([]);
    expect(plan.status.scopes.find((s) => s.name === HOST)?.pause).toEqual({ until: T0 + 30_100, cause: "throttled", httpStatus: 429 });
    expect(plan.status.next[`${HOST}/1`]).toBeUndefined(); // only watched: nothing shown
    expect(scheduler.plan([watched(1)], T0 + 30_100, [sweep()]).start).toHaveLength(1);
  });

  it("holds the sweep while a status read's 429 pauses the endpoint", () => {
    const scheduler = new FleetScheduler(BUDGETS, 100);
    const read = watched(1);
    expect(scheduler.plan([read], T0).start).toEqual([read]);
    scheduler.finished(read, nextSnapshot(undefined, readErrorResult(T0 + 100, 429, 20_000, { code: "TooManyRequests" }), T0 + 100), T0 + 100);
    const held = scheduler.plan([], T0 + 200, [sweep()]);
    expect(held).toMatchObject({ startBackground: [], wakeAt: T0 + 20_100 });
    expect(scheduler.plan([], T0 + 20_100, [sweep()]).startBackground).toEqual([sweep()]);
  });

  it("takes a list read that says nothing of the scope as no pause, and starts one read per sweep at a time", () => {
    const scheduler = new FleetScheduler(BUDGETS, 100);
    expect(scheduler.plan([], T0, [sweep()]).startBackground).toHaveLength(1);
    expect(scheduler.plan([], T0 + 1000, [sweep()]).startBackground).toEqual([]); // still in flight
    scheduler.finishedBackground(sweep(), answerSignals({ at: T0, httpStatus: 403, code: "Forbidden", retryAfterMs: undefined, remainingReads: undefined }), T0 + 1000);
    expect(scheduler.plan([], T0 + 1000, [sweep()]).startBackground).toHaveLength(1);
  });
});
