import { describe, expect, it } from "vitest";
import { readErrorResult, runningOperation, statusResult } from "@/lib/dev/test-support/fetch-results";
import { needsAttention, rowStateOf, unreadableLabel, unreadableOf } from "./read-state";
import { nextSnapshot } from "./snapshot";

const T0 = Date.UTC(2026, 0, 1);
const running = statusResult(T0, runningOperation(T0, "InProgress", "running", 10));

describe("read state", () => {
  it("is pending before the first read and the operation's category after it", () => {
    expect(rowStateOf(undefined)).toBe("pending");
    expect(rowStateOf(nextSnapshot(undefined, running, T0))).toBe("running");
  });

  it("is unreadable when polling stopped after a 404, even with no status ever read", () => {
    const gone = nextSnapshot(undefined, readErrorResult(T0, 404, undefined, { code: "NotFound" }), T0);
    expect(rowStateOf(gone)).toBe("unreadable");
    const unreadable = unreadableOf(gone);
    expect(unreadable?.stop).toEqual({ kind: "refused", httpStatus: 404 });
    expect(unreadable && unreadableLabel(unreadable)).toBe("Cannot be read · NotFound");
  });

  it("is unreadable after a refused host (400), keeping the last status underneath", () => {
    const first = nextSnapshot(undefined, running, T0);
    const refused = nextSnapshot(first, readErrorResult(T0 + 6000, 400, undefined, { code: "EndpointNotAllowed" }), T0 + 6000);
    expect(rowStateOf(refused)).toBe("unreadable");
    expect(refused.operation?.status).toBe("InProgress");
  });

  it("is not unreadable while reads are retried (503, 429)", () => {
    const first = nextSnapshot(undefined, running, T0);
    expect(rowStateOf(nextSnapshot(first, readErrorResult(T0 + 6000, 503), T0 + 6000))).toBe("running");
    expect(unreadableOf(nextSnapshot(undefined, readErrorResult(T0, 429, 5000), T0))).toBeUndefined();
  });

  it("names a 401 as a sign-in problem", () => {
    const signedOut = nextSnapshot(undefined, readErrorResult(T0, 401, undefined, { code: "Unauthorized", signInNeeded: true }), T0);
    const unreadable = unreadableOf(signedOut);
    expect(unreadable && unreadableLabel(unreadable)).toBe("Sign-in needed");
  });

  it("counts failed and unreadable rows as needing attention", () => {
    expect(["unreadable", "failed", "running", "succeeded", "canceled", "pending"].filter((s) => needsAttention(s as never))).toEqual([
      "unreadable",
      "failed",
    ]);
  });
});
