import { describe, expect, it } from "vitest";
import type { DevopsRef, OperationRef } from "@/lib/azure/operation-ref";
import { runningOperation, statusResult } from "@/lib/dev/test-support/fetch-results";
import { nextSnapshot, type OperationSnapshot } from "../snapshot";
import type { BackgroundEntry } from "./background-reads";
import { FleetScheduler, OPEN_FIRST_ALONE_MS, type FleetEntry, type ReadBudgets } from "./fleet-scheduler";
import { nextReadSentence } from "./fleet-text";
import type { Interest } from "./priority";

const T0 = Date.UTC(2026, 11, 7, 12);
const BUDGETS: ReadBudgets = { devops: { capacity: 10, refillPerSecond: 5 }, devcenter: { capacity: 4, refillPerSecond: 2 } };

const devops = (id: number): DevopsRef => ({
  kind: "devops",
  subscriptionId: "sub-a",
  resourceGroupName: "rg",
  securityConnectorName: "conn",
  operationResultId: `op-${id}`,
});
const entry = (ref: OperationRef, interest: Interest = "watched", snapshot?: OperationSnapshot): FleetEntry => ({
  key: JSON.stringify(ref),
  ref,
  interest,
  snapshot,
});
const readAt = (at: number) => nextSnapshot(undefined, statusResult(at, runningOperation(at, "InProgress", "running")), at);
const keys = (entries: readonly FleetEntry[]) => entries.map((e) => e.key);
const sweep: BackgroundEntry = { key: "sweep:dc", endpointHost: "t1-dc.westus3.devcenter.azure.com", at: T0 };

describe("FleetScheduler: an operation just opened is read first, alone", () => {
  it("starts its first read alone, ahead of rows on screen, and the others once its answer is in", () => {
    const scheduler = new FleetScheduler(BUDGETS);
    const onScreen = [entry(devops(1), "onScreen"), entry(devops(2), "onScreen")];
    const watched = [entry(devops(3))];
    const open = entry(devops(9), "open");
    const plan = scheduler.plan([...onScreen, ...watched, open], T0, [sweep]);
    expect(keys(plan.start)).toEqual([open.key]);
    expect(plan.startBackground).toEqual([]);
    expect(plan.wakeAt).toBe(T0 + OPEN_FIRST_ALONE_MS);
    const held = plan.status.next[onScreen[0]?.key ?? ""];
    expect(held).toMatchObject({ cause: "openFirst", at: undefined });
    if (held) expect(nextReadSentence(held, plan.status, T0)).toBe("Due now: an operation just opened is read first.");

    expect(scheduler.plan([...onScreen, ...watched, open], T0 + 50, [sweep]).start).toEqual([]);
    scheduler.finished(open, readAt(T0 + 80), T0 + 80);
    const after = scheduler.plan([...onScreen, ...watched, { ...open, snapshot: readAt(T0 + 80) }], T0 + 80, [sweep]);
    expect(keys(after.start)).toEqual(keys([...onScreen, ...watched]));
    expect(after.startBackground).toEqual([sweep]);
  });

  it("holds the others no longer than its time alone when its answer is slow", () => {
    const scheduler = new FleetScheduler(BUDGETS);
    const others = [entry(devops(1), "onScreen"), entry(devops(2))];
    const open = entry(devops(9), "open");
    expect(keys(scheduler.plan([...others, open], T0).start)).toEqual([open.key]);
    expect(scheduler.plan([...others, open], T0 + OPEN_FIRST_ALONE_MS - 1).start).toEqual([]);
    expect(keys(scheduler.plan([...others, open], T0 + OPEN_FIRST_ALONE_MS).start)).toEqual(keys(others));
  });

  it("holds nothing for an open page already read, nor once the operation has an answer", () => {
    const scheduler = new FleetScheduler(BUDGETS);
    const others = [entry(devops(1)), entry(devops(2))];
    const open = entry(devops(9), "open", readAt(T0 - 10_000));
    expect(keys(scheduler.plan([...others, open], T0).start)).toEqual(keys([open, ...others]));
  });

  it("still lets a second page opened on another operation read beside it", () => {
    const scheduler = new FleetScheduler(BUDGETS);
    const first = entry(devops(8), "open");
    const second = entry(devops(9), "open");
    const watched = entry(devops(1));
    expect(keys(scheduler.plan([watched, first, second], T0).start)).toEqual([first.key, second.key]);
  });
});
