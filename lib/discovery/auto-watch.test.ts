import { describe, expect, it } from "vitest";
import type { DiscoveryEndpoint } from "@/lib/watch-list/discovery-endpoint";
import { operationsToAutoWatch } from "./auto-watch";
import type { DiscoveredGroup, DiscoveredOperation, EndpointDiscovery } from "./discovery-types";

const HOST = "tenant-dc.westeurope.devcenter.azure.com";
const SINCE = 1_000_000;

const operation = (n: number, group: DiscoveredGroup, startTime: number | undefined): DiscoveredOperation => {
  const operationId = `00000000-0000-0000-0000-${String(n).padStart(12, "0")}`;
  return {
    ref: { kind: "devcenter", endpointHost: HOST, projectName: "proj", operationId },
    key: `devcenter/${HOST}/proj/${operationId}`,
    projectName: "proj",
    devBoxName: "box",
    kind: "Start",
    status: group === "active" ? "Running" : "Failed",
    group,
    createdByObjectId: undefined,
    startTime,
    endTime: undefined,
    error: undefined,
  };
};

const discovery = (operations: DiscoveredOperation[], endpointHost = HOST): EndpointDiscovery => ({
  endpointHost,
  sweptAt: SINCE,
  sweeping: false,
  nextSweepAt: undefined,
  devBoxes: [],
  operations,
  problem: undefined,
});

const endpoint = (fields: Partial<DiscoveryEndpoint> = {}): DiscoveryEndpoint => ({
  host: HOST,
  addedAt: 0,
  autoWatch: true,
  autoWatchSince: SINCE,
  autoWatched: [],
  ...fields,
});

const numbers = (ops: DiscoveredOperation[]) => ops.map((o) => Number(o.ref.operationId.slice(-12)));

describe("operationsToAutoWatch", () => {
  const found = [
    operation(1, "active", SINCE),
    operation(2, "active", SINCE - 1),
    operation(3, "failed", SINCE + 5),
    operation(4, "active", SINCE + 10),
    operation(5, "active", undefined),
    operation(6, "active", SINCE + 20),
    operation(7, "done", SINCE + 30),
  ];

  it("adds active operations started since the switch was turned on, not watched and never added before", () => {
    const keys = (...ns: number[]) => ns.map((n) => found[n - 1]?.key ?? "");
    expect(numbers(operationsToAutoWatch(endpoint(), discovery(found), new Set()))).toEqual([1, 4, 6]);
    expect(numbers(operationsToAutoWatch(endpoint({ autoWatched: keys(4) }), discovery(found), new Set(keys(6))))).toEqual([1]);
  });

  it("adds nothing while the switch is off, or for another endpoint's discovery", () => {
    expect(operationsToAutoWatch(endpoint({ autoWatch: false }), discovery(found), new Set())).toEqual([]);
    expect(operationsToAutoWatch(endpoint({ autoWatchSince: undefined }), discovery(found), new Set())).toEqual([]);
    expect(operationsToAutoWatch(endpoint(), discovery(found, "other.devcenter.azure.com"), new Set())).toEqual([]);
  });
});
