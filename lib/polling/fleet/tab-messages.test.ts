import { describe, expect, it } from "vitest";
import { readErrorResult } from "@/lib/dev/test-support/fetch-results";
import { nextSnapshot } from "../snapshot";
import { readTabMessage } from "./tab-messages";

const ref = { kind: "devops", subscriptionId: "sub", resourceGroupName: "rg", securityConnectorName: "c", operationResultId: "op" };

describe("messages between tabs", () => {
  it("reads what a tab of this version sends", () => {
    const snapshot = nextSnapshot(undefined, readErrorResult(1000, 503), 1000);
    expect(readTabMessage({ type: "result", key: "devops/sub/rg/c/op", snapshot })).toEqual({ type: "result", key: "devops/sub/rg/c/op", snapshot });
    expect(readTabMessage({ type: "interest", tab: "t1", items: [{ ref, interest: "open" }], requested: ["k"] })).toEqual({
      type: "interest",
      tab: "t1",
      items: [{ ref, interest: "open" }],
      requested: ["k"],
    });
    expect(readTabMessage({ type: "leader", tab: "t2" })).toEqual({ type: "leader", tab: "t2" });
  });

  it("drops refs that fail the parameter rules and interests it does not know, keeping the rest", () => {
    const message = readTabMessage({
      type: "interest",
      tab: "t1",
      items: [{ ref: { ...ref, resourceGroupName: "bad/name" }, interest: "open" }, { ref, interest: "staring" }, { ref, interest: "watched" }],
      requested: [42, "k"],
    });
    expect(message).toEqual({ type: "interest", tab: "t1", items: [{ ref, interest: "watched" }], requested: ["k"] });
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
    ]) {
      expect(readTabMessage(data)).toBeUndefined();
    }
  });
});
