import { describe, expect, it } from "vitest";
import { readErrorResult, runningOperation, statusResult } from "@/lib/dev/test-support/fetch-results";
import { toPollRecord } from "./poll-record";
import { clampRetryAfterMs, RETRY_AFTER_MAX_MS, RETRY_AFTER_MIN_MS } from "./retry-after";

const T0 = Date.UTC(2026, 10, 24, 8);

describe("Retry-After as polling honours it", () => {
  it.each([
    [5_000, 5_000],
    [600_000, 600_000],
    [0, RETRY_AFTER_MIN_MS],
    [601_000, RETRY_AFTER_MAX_MS],
    [86_400_000, RETRY_AFTER_MAX_MS],
    [Number.POSITIVE_INFINITY, RETRY_AFTER_MAX_MS],
  ])("%d ms is waited as %d ms", (ms, expected) => {
    expect(clampRetryAfterMs(ms)).toBe(expected);
  });

  it("is what a read's record keeps, whatever the header said", () => {
    const running = runningOperation(T0, "InProgress", "running");
    expect(toPollRecord(statusResult(T0, running, 0)).retryAfterMs).toBe(RETRY_AFTER_MIN_MS);
    expect(toPollRecord(statusResult(T0, running, 30_000)).retryAfterMs).toBe(30_000);
    expect(toPollRecord(readErrorResult(T0, 429, 86_400_000)).retryAfterMs).toBe(RETRY_AFTER_MAX_MS);
    expect(toPollRecord(readErrorResult(T0, 503)).retryAfterMs).toBeUndefined();
  });
});
