import { describe, expect, it } from "vitest";
import { readErrorResult, runningOperation, statusResult } from "@/lib/dev/test-support/fetch-results";
import { KEEPS_FAILING_AFTER, readTroubleOf } from "./read-trouble";
import { nextSnapshot, type OperationSnapshot } from "./snapshot";
import type { FetchResult } from "@/lib/operations/fetch-operation";

const T0 = Date.UTC(2026, 0, 1);
const running = statusResult(T0, runningOperation(T0, "InProgress", "running", 10));

/** A snapshot after a good read and then these results, six seconds apart. */
const after = (...results: FetchResult[]): OperationSnapshot =>
  results.reduce((snapshot, result, i) => nextSnapshot(snapshot, result, T0 + (i + 1) * 6000), nextSnapshot(undefined, running, T0));

const kindAfter = (...results: FetchResult[]) => readTroubleOf(after(...results))?.kind;

describe("how a failed read is shown", () => {
  it("is nothing when the last read worked", () => {
    expect(readTroubleOf(undefined)).toBeUndefined();
    expect(readTroubleOf(after())).toBeUndefined();
    expect(readTroubleOf(after(readErrorResult(T0, 429, 2000), running))).toBeUndefined();
  });

  it("is passing for a throttled read, no answer, a timeout or a 5xx", () => {
    for (const status of [429, 0, 408, 500, 502, 503, 504]) expect(kindAfter(readErrorResult(T0, status)), String(status)).toBe("passing");
  });

  it("is lasting once reads keep failing, whatever the failure", () => {
    const failures = Array.from({ length: KEEPS_FAILING_AFTER }, () => readErrorResult(T0, 503));
    expect(kindAfter(...failures.slice(1))).toBe("passing");
    expect(kindAfter(...failures)).toBe("lasting");
    // A good read in between starts the count again.
    expect(kindAfter(...failures.slice(1), running, readErrorResult(T0, 429, 2000))).toBe("passing");
  });

  it("is lasting at once when asking again cannot mend it", () => {
    expect(kindAfter(readErrorResult(T0, 404, undefined, { code: "NotFound" }))).toBe("lasting");
    expect(kindAfter(readErrorResult(T0, 400, undefined, { code: "EndpointNotAllowed" }))).toBe("lasting");
    expect(kindAfter(readErrorResult(T0, 409, undefined, { code: "Conflict" }))).toBe("lasting");
    expect(kindAfter(readErrorResult(T0, 401, undefined, { code: "SignInNeeded", signInNeeded: true }))).toBe("lasting");
    expect(kindAfter(readErrorResult(T0, 0, undefined, { code: "SignInNeeded", signInNeeded: true }))).toBe("lasting");
  });

  it("carries the read's error", () => {
    expect(readTroubleOf(after(readErrorResult(T0, 429, 2000, { code: "TooManyRequests" })))?.error.code).toBe("TooManyRequests");
  });
});
