import { describe, expect, it } from "vitest";
import type { Operation } from "@/lib/operations/model";
import { readErrorResult, runningOperation, statusResult } from "@/lib/dev/test-support/fetch-results";
import { HISTORY_LIMIT, nextSnapshot, type OperationSnapshot } from "./snapshot";

const T0 = Date.UTC(2026, 0, 1);
const operation = (status: string, category: Operation["category"], percentComplete?: number) => runningOperation(T0, status, category, percentComplete);

describe("operation snapshot", () => {
  it("keeps the last good status through read errors and clears the error on recovery", () => {
    const first = nextSnapshot(undefined, statusResult(T0, operation("InProgress", "running", 10)), T0);
    const failed = nextSnapshot(first, readErrorResult(T0 + 5000, 503, 20_000), T0 + 5000);
    expect(failed.operation?.status).toBe("InProgress");
    expect(failed.lastReadError?.httpStatus).toBe(503);
    expect(failed.history.map((h) => h.outcome)).toEqual(["status", "readError"]);
    const recovered = nextSnapshot(failed, statusResult(T0 + 30_000, operation("InProgress", "running", 30)), T0 + 30_000);
    expect(recovered.lastReadError).toBeUndefined();
    expect(recovered.history.map((h) => h.percentComplete)).toEqual([10, undefined, 30]);
    expect(recovered.watchStartedAt).toBe(T0);
  });

  it("keeps at most HISTORY_LIMIT records", () => {
    let snap: OperationSnapshot | undefined;
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) snap = nextSnapshot(snap, statusResult(T0 + i, operation("Running", "running", i % 100)), T0);
    expect(snap?.history).toHaveLength(HISTORY_LIMIT);
    expect(snap?.history.at(-1)?.at).toBe(T0 + HISTORY_LIMIT + 19);
  });
});

