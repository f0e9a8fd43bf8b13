import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DevopsRef } from "@/lib/azure/operation-ref";
import type { EndpointDiscovery } from "@/lib/discovery/discovery-types";
import { readErrorResult } from "@/lib/dev/test-support/fetch-results";
import { nextSnapshot } from "../snapshot";
import { OtherTabs, type TabEvents } from "./other-tabs";
import type { TabMessage } from "./tab-messages";

const T0 = Date.UTC(2026, 10, 28, 12);
const ref = (id: string): DevopsRef => ({ kind: "devops", subscriptionId: "sub", resourceGroupName: "rg", securityConnectorName: "c", operationResultId: id });
const KEY_A = "devops/sub/rg/c/a";
const KEY_B = "devops/sub/rg/c/b";
const HOST = "t1-dc.westus3.devcenter.azure.com";
const discoveryOf = (endpointHost: string): EndpointDiscovery => ({
  endpointHost,
  sweptAt: T0,
  sweeping: false,
  nextSweepAt: T0 + 60_000,
  devBoxes: [],
  operations: [],
  problem: undefined,
});

/** One tab's OtherTabs on a channel the test speaks into, and what it said and told. */
function create({ polling = false } = {}) {
  const posted: TabMessage[] = [];
  const told: string[] = [];
  let listener: (data: unknown) => void = () => undefined;
  const tell = (name: string) => () => {
    told.push(name);
  };
  const events: TabEvents = {
    othersChanged: tell("othersChanged"),
    interestArrived: tell("interestArrived"),
    leaderArrived: tell("leaderArrived"),
    resultArrived: (key) => told.push(`result ${key}`),
    statusArrived: tell("statusArrived"),
    discoveryArrived: (discovery) => told.push(`discovery ${discovery.endpointHost}`),
  };
  const known = nextSnapshot(undefined, readErrorResult(T0, 503), T0);
  const tabs = new OtherTabs({
    channel: { postMessage: (message) => posted.push(message), onMessage: (l) => (listener = l), close: () => undefined },
    tabId: "me",
    now: () => Date.now(),
    polling: () => polling,
    snapshotOf: (key) => (key === KEY_A ? known : undefined),
    discoveryOf: (host) => (host === HOST ? discoveryOf(HOST) : undefined),
    events,
  });
  tabs.start();
  const hear = (data: unknown) => {
    listener(data);
  };
  return { tabs, posted, told, hear, known };
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the other tabs", () => {
  it("keep each tab's requests until the read starts, though its interest changes meanwhile", () => {
    const { tabs, hear, told } = create();
    hear({ type: "interest", tab: "t1", items: [{ ref: ref("a"), interest: "watched" }], requested: [KEY_A] });
    hear({ type: "interest", tab: "t1", items: [{ ref: ref("a"), interest: "open" }, { ref: ref("b"), interest: "watched" }], requested: [KEY_B] });
    expect(tabs.interests()).toEqual([[{ ref: ref("a"), interest: "open" }, { ref: ref("b"), interest: "watched" }]]);
    expect(tabs.requestedKeys()).toEqual([KEY_A, KEY_B]);
    tabs.clearRequest(KEY_A);
    expect(tabs.isRequested(KEY_A)).toBe(false);
    // A request for an operation the tab no longer uses goes with it.
    hear({ type: "interest", tab: "t1", items: [{ ref: ref("a"), interest: "open" }], requested: [] });
    expect(tabs.requestedKeys()).toEqual([]);
    expect(told).toEqual(["othersChanged", "interestArrived", "othersChanged", "interestArrived", "othersChanged", "interestArrived"]);
  });

  it("forget a tab that said bye or fell silent, but not one that says it is alive", async () => {
    const { tabs, hear, told } = create();
    hear({ type: "interest", tab: "t1", items: [{ ref: ref("a"), interest: "watched" }], requested: [] });
    hear({ type: "interest", tab: "t2", items: [{ ref: ref("b"), interest: "watched" }], requested: [] });
    hear({ type: "interest", tab: "t3", items: [], requested: [] });
    hear({ type: "bye", tab: "t3" });
    expect(tabs.interests()).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(25_000);
    hear({ type: "alive", tab: "t2" });
    await vi.advanceTimersByTimeAsync(10_000);
    told.length = 0;
    tabs.forgetSilent(Date.now());
    expect(tabs.interests()).toEqual([[{ ref: ref("b"), interest: "watched" }]]);
    expect(told).toEqual(["othersChanged"]);
  });

  it("say they are alive, and bye at the end", async () => {
    const { tabs, posted } = create();
    await vi.advanceTimersByTimeAsync(20_000);
    tabs.stop();
    expect(posted).toEqual([
      { type: "alive", tab: "me" },
      { type: "alive", tab: "me" },
      { type: "bye", tab: "me" },
    ]);
  });

  it("when polling: give a tab what is known of the operations it newly uses, and ask a lost tab for its interest", () => {
    const { hear, posted, known } = create({ polling: true });
    hear({ type: "interest", tab: "t1", items: [{ ref: ref("a"), interest: "watched" }, { ref: ref("b"), interest: "watched" }], requested: [] });
    hear({ type: "interest", tab: "t1", items: [{ ref: ref("a"), interest: "open" }], requested: [] });
    expect(posted).toEqual([{ type: "result", key: KEY_A, snapshot: known }]);
    hear({ type: "alive", tab: "t9" });
    expect(posted.at(-1)).toEqual({ type: "leader", tab: "me" });
  });

  it("pass on what concerns this tab's reads, and ignore what is not a message", () => {
    const { hear, told, known } = create();
    hear({ type: "leader", tab: "t1" });
    hear({ type: "result", key: KEY_A, snapshot: known });
    hear({ type: "status", status: { at: T0, allPaused: undefined, scopes: [], next: {} } });
    hear({ type: "discovery", discovery: discoveryOf(HOST) });
    hear({ type: "discovery", discovery: { ...discoveryOf(HOST), endpointHost: "https://evil.example/" } });
    hear({ type: "token", value: "x" });
    expect(told).toEqual(["leaderArrived", `result ${KEY_A}`, "statusArrived", `discovery ${HOST}`]);
  });

  it("keep which endpoints each tab wants swept, and hand over each sooner sweep once", () => {
    const { tabs, hear } = create();
    hear({ type: "interest", tab: "t1", items: [], requested: [], sweeps: [HOST, "T2-DC.example.com"], sweepSoon: [HOST] });
    hear({ type: "interest", tab: "t2", items: [], requested: [], sweeps: [HOST], sweepSoon: [] });
    // A later interest of the same tab keeps the sooner sweep it asked for until it is handed over.
    hear({ type: "interest", tab: "t1", items: [], requested: [], sweeps: [HOST, "t2-dc.example.com"], sweepSoon: [] });
    expect(tabs.sweepHosts()).toEqual([HOST, "t2-dc.example.com"]);
    expect(tabs.takeSweepRequests()).toEqual([HOST]);
    expect(tabs.takeSweepRequests()).toEqual([]);
    hear({ type: "bye", tab: "t1" });
    expect(tabs.sweepHosts()).toEqual([HOST]);
  });

  it("when polling: give a tab what the sweeps found of an endpoint it newly wants swept", () => {
    const { hear, posted } = create({ polling: true });
    hear({ type: "interest", tab: "t1", items: [], requested: [], sweeps: [HOST, "t2-dc.example.com"], sweepSoon: [] });
    hear({ type: "interest", tab: "t1", items: [], requested: [], sweeps: [HOST], sweepSoon: [] });
    expect(posted).toEqual([{ type: "discovery", discovery: discoveryOf(HOST) }]);
  });
});
