import { describe, expect, it } from "vitest";
import { refKey, type DevcenterRef } from "@/lib/azure/operation-ref";
import type { EndpointDiscovery } from "@/lib/discovery/discovery-types";
import { readErrorResult } from "@/lib/dev/test-support/fetch-results";
import { nextSnapshot } from "../snapshot";
import { readTabMessage } from "./tab-messages";

const HOST = "t1-dc.westus3.devcenter.azure.com";
const opRef: DevcenterRef = { kind: "devcenter", endpointHost: HOST, projectName: "proj", operationId: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee" };
const discovery: EndpointDiscovery = {
  endpointHost: HOST,
  sweptAt: 1000,
  sweeping: true,
  nextSweepAt: undefined,
  devBoxes: [
    {
      endpointHost: HOST,
      projectName: "proj",
      name: "box-1",
      poolName: undefined,
      provisioningState: "Creating",
      actionState: undefined,
      powerState: "Running",
      transitional: true,
      createdTime: 900,
      error: undefined,
    },
  ],
  operations: [
    {
      ref: opRef,
      key: refKey(opRef),
      projectName: "proj",
      devBoxName: "box-1",
      kind: "Repair",
      status: "Running",
      group: "active",
      createdByObjectId: "me",
      startTime: 950,
      endTime: undefined,
      error: undefined,
    },
  ],
  problem: undefined,
};
const ref = { kind: "devops", subscriptionId: "sub", resourceGroupName: "rg", securityConnectorName: "c", operationResultId: "op" };

describe("messages between tabs", () => {
  it("reads what a tab of this version sends", () => {
    const snapshot = nextSnapshot(undefined, readErrorResult(1000, 503), 1000);
    expect(readTabMessage({ type: "result", key: "devops/sub/rg/c/op", snapshot })).toEqual({ type: "result", key: "devops/sub/rg/c/op", snapshot });
    expect(readTabMessage({ type: "interest", tab: "t1", items: [{ ref, interest: "open" }], requested: ["k"], sweeps: [HOST], sweepSoon: [HOST] })).toEqual({
      type: "interest",
      tab: "t1",
      items: [{ ref, interest: "open" }],
      requested: ["k"],
      sweeps: [HOST],
      sweepSoon: [HOST],
    });
    expect(readTabMessage({ type: "discovery", discovery })).toEqual({ type: "discovery", discovery });
    expect(readTabMessage({ type: "leader", tab: "t2" })).toEqual({ type: "leader", tab: "t2" });
  });

  it("drops refs that fail the parameter rules and interests it does not know, keeping the rest", () => {
    const message = readTabMessage({
      type: "interest",
      tab: "t1",
      items: [{ ref: { ...ref, resourceGroupName: "bad/name" }, interest: "open" }, { ref, interest: "staring" }, { ref, interest: "watched" }],
      requested: [42, "k"],
      sweeps: ["https://" + HOST, HOST.toUpperCase(), 7],
    });
    expect(message).toEqual({ type: "interest", tab: "t1", items: [{ ref, interest: "watched" }], requested: ["k"], sweeps: [HOST], sweepSoon: [] });
  });

  it("drops discovered rows that fail their checks, and an operation whose ref would not pass the proxy", () => {
    const good = discovery.operations[0];
    const message = readTabMessage({
      type: "discovery",
      discovery: {
        ...discovery,
        devBoxes: [...discovery.devBoxes, { name: "no project" }],
        operations: [good, { ...good, ref: { ...good?.ref, projectName: "bad/name" } }, { ...good, key: "another" }, { ...good, group: "soon" }],
        problem: { kind: "throttled", httpStatus: 429, until: 5 },
      },
    });
    expect(message).toEqual({ type: "discovery", discovery: { ...discovery, problem: { kind: "throttled", httpStatus: 429, until: 5 } } });
    expect(readTabMessage({ type: "discovery", discovery: { ...discovery, problem: { kind: "refused", message: 3 } } })).toMatchObject({
      discovery: { problem: undefined },
    });
  });

  it("ignores anything else: another version, a bug, a stranger on the channel", () => {
    for (const data of [
      null,
      "result",
      { type: "result", key: "k", snapshot: { history: "no" } },
      { type: "result", key: "k", snapshot: { history: [{ at: "yesterday", outcome: "status" }], watchStartedAt: 1 } },
      { type: "status", status: { at: 1, scopes: {} } },
      { type: "leader" },
      { type: "token", value: "eyJ..." },
      { type: "interest", tab: "t", items: "all", requested: [] },
      { type: "interest", tab: "t", items: [], requested: [], sweeps: "all" },
      { type: "discovery", discovery: { ...discovery, endpointHost: "https://x/" } },
      { type: "discovery", discovery: { ...discovery, operations: "many" } },
    ]) {
      expect(readTabMessage(data)).toBeUndefined();
    }
  });
});
