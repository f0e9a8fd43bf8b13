import { describe, expect, it } from "vitest";
import type { DevopsRef } from "@/lib/azure/operation-ref";
import { readErrorResult, runningOperation, statusResult } from "@/lib/dev/test-support/fetch-results";
import { nextSnapshot } from "../snapshot";
import { FleetScheduler, type FleetEntry, type ReadBudgets } from "./fleet-scheduler";
import { nextReadSentence } from "./fleet-text";
import { readScopeOf } from "./read-scope";

/** The scheduler's word on the next read, taken when a read ends: the poll log's reason for each line. */

const T0 = Date.UTC(2026, 10, 28, 12);
const BUDGETS: ReadBudgets = { devops: { capacity: 10, refillPerSecond: 5 }, devcenter: { capacity: 4, refillPerSecond: 2 } };
const ref = (id: number): DevopsRef => ({ kind: "devops", subscriptionId: "sub", resourceGroupName: "rg", securityConnectorName: "c", operationResultId: `op-${id}` });

function readEnded(scheduler: FleetScheduler, id: number, result: Parameters<typeof nextSnapshot>[1], at: number): FleetEntry {
  const entry: FleetEntry = { key: `k${id}`, ref: ref(id), interest: "open", snapshot: nextSnapshot(undefined, result, at) };
  scheduler.finished(entry, entry.snapshot, at);
  return entry;
}

const sentence = (entry: FleetEntry, scheduler: FleetScheduler, at: number) =>
  nextReadSentence(scheduler.nextAfterRead(entry, at), { scopes: [readScopeOf(entry.ref)] }, at);

describe("nextAfterRead", () => {
  it("names Retry-After after a 503 that asked for it, though the backoff waits as long", () => {
    const scheduler = new FleetScheduler(BUDGETS);
    const entry = readEnded(scheduler, 1, readErrorResult(T0, 503, 8000), T0);
    expect(scheduler.nextAfterRead(entry, T0)).toMatchObject({ at: T0 + 8000, cause: "retryAfter" });
    expect(sentence(entry, scheduler, T0)).toBe("Next read in 8 s: Azure asked not to read this operation before then (Retry-After).");
  });

  it("says when the scope is paused by another operation's 429", () => {
    const scheduler = new FleetScheduler(BUDGETS);
    readEnded(scheduler, 2, readErrorResult(T0, 429, 30_000, { code: "TooManyRequests" }), T0);
    const entry = readEnded(scheduler, 1, statusResult(T0 + 1000, runningOperation(T0, "InProgress", "running", 10)), T0 + 1000);
    expect(scheduler.nextAfterRead(entry, T0 + 1000)).toMatchObject({ at: T0 + 30_000, cause: "scopePaused" });
    expect(sentence(entry, scheduler, T0 + 1000)).toBe("Next read in 29 s: reads for sub sub are paused because Azure asked us to wait.");
  });

  it("gives the open page's own timing when nothing holds the read back", () => {
    const scheduler = new FleetScheduler(BUDGETS);
    const entry = readEnded(scheduler, 1, statusResult(T0, runningOperation(T0 - 3_600_000, "InProgress", "running", 10)), T0);
    const next = scheduler.nextAfterRead(entry, T0);
    expect(next.cause).toBe("scheduled");
    expect(next.at).toBeGreaterThan(T0);
    expect(next.at).toBeLessThanOrEqual(T0 + 5000);
  });

  it("says polling stopped, and why, once the operation ended", () => {
    const scheduler = new FleetScheduler(BUDGETS);
    const entry = readEnded(scheduler, 1, statusResult(T0, runningOperation(T0, "Succeeded", "succeeded", 100)), T0);
    expect(sentence(entry, scheduler, T0)).toBe("Polling stopped: operation succeeded.");
  });
});
