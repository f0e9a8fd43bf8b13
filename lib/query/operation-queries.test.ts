import { describe, expect, it, vi } from "vitest";
import type { OperationRef } from "@/lib/azure/operation-ref";
import type { FetchResult, ReadError, ResponseInfo } from "@/lib/operations/fetch-operation";
import type { Operation } from "@/lib/operations/model";
import {
  HISTORY_LIMIT,
  nextSnapshot,
  operationKeys,
  operationQueryOptions,
  pollSchedule,
  refetchIntervalFor,
  shouldPollOnMount,
  shouldPollOnReturn,
  type OperationSnapshot,
} from "./operation-queries";
import { sampleOperation } from "@/lib/test-support/operation-fixtures";

const ref: OperationRef = { kind: "devops", subscriptionId: "S", resourceGroupName: "RG", securityConnectorName: "c", operationResultId: "op" };
const T0 = Date.UTC(2026, 0, 1);

const operation = (status: string, category: Operation["category"], percentComplete?: number): Operation =>
  sampleOperation({ status, category, percentComplete, startTime: T0, raw: { status } });

const response = (at: number, retryAfterMs?: number): ResponseInfo => ({
  httpStatus: 200,
  at,
  errorCode: undefined,
  requestId: undefined,
  correlationId: undefined,
  retryAfterMs,
  body: {},
});

const statusResult = (at: number, op: Operation, retryAfterMs?: number): FetchResult => ({
  outcome: "status",
  operation: op,
  response: response(at, retryAfterMs),
});

const readError = (at: number, httpStatus: number, retryAfterMs?: number): FetchResult => {
  const error: ReadError = {
    httpStatus,
    responseStatus: httpStatus,
    code: "ServiceUnavailable",
    message: "x",
    retryAfterMs,
    requestId: undefined,
    correlationId: undefined,
    errorTree: undefined,
    signInNeeded: false,
    at,
  };
  return { outcome: "readError", error, response: undefined };
};

const fakeQuery = (data: OperationSnapshot | undefined, fetchStatus: "idle" | "fetching" = "idle") =>
  ({ state: { data, fetchStatus } }) as unknown as Parameters<typeof refetchIntervalFor>[0];

describe("operation snapshot", () => {
  it("keeps the last good status through read errors and clears the error on recovery", () => {
    const first = nextSnapshot(undefined, statusResult(T0, operation("InProgress", "running", 10)), T0);
    const failed = nextSnapshot(first, readError(T0 + 5000, 503, 20_000), T0 + 5000);
    expect(failed.operation?.status).toBe("InProgress");
    expect(failed.lastReadError?.httpStatus).toBe(503);
    expect(failed.history.map((h) => h.outcome)).toEqual(["status", "readError"]);
    const recovered = nextSnapshot(failed, statusResult(T0 + 30_000, operation("InProgress", "running", 30)), T0 + 30_000);
    expect(recovered.lastReadError).toBeUndefined();
    expect(recovered.progress.map((p) => p.percent)).toEqual([10, 30]);
    expect(recovered.watchStartedAt).toBe(T0);
  });

  it("keeps at most HISTORY_LIMIT records", () => {
    let snap: OperationSnapshot | undefined;
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) snap = nextSnapshot(snap, statusResult(T0 + i, operation("Running", "running", i % 100)), T0);
    expect(snap?.history).toHaveLength(HISTORY_LIMIT);
    expect(snap?.history.at(-1)?.at).toBe(T0 + HISTORY_LIMIT + 19);
  });

  it("keys by refKey, so case variants share one query", () => {
    expect(operationKeys.detail(ref)).toEqual(operationKeys.detail({ ...ref, resourceGroupName: "rg" }));
    expect(operationQueryOptions(ref, () => Promise.resolve("t")).queryKey).toEqual(["operation", "devops/s/rg/c/op"]);
  });
});

describe("refetchInterval wiring", () => {
  it("waits until the policy's due time, and never before Retry-After", () => {
    const snap = nextSnapshot(undefined, statusResult(T0, operation("InProgress", "running"), 30_000), T0);
    const schedule = pollSchedule(snap);
    expect(schedule.notBefore).toBe(T0 + 30_000);
    expect(schedule.dueAt).toBeGreaterThanOrEqual(T0 + 30_000);
    const interval = refetchIntervalFor(fakeQuery(snap), T0 + 1000);
    expect(interval).toBe((schedule.dueAt ?? 0) - (T0 + 1000));
    // The same snapshot always gives the same due time (renders must not re-roll the jitter).
    expect(pollSchedule(snap)).toBe(schedule);
  });

  it("counts down as time passes and rounds an overdue poll up to a short timer", () => {
    const snap = nextSnapshot(undefined, statusResult(T0, operation("InProgress", "running")), T0);
    const due = pollSchedule(snap).dueAt ?? 0;
    expect(refetchIntervalFor(fakeQuery(snap), due - 2000)).toBe(2000);
    expect(refetchIntervalFor(fakeQuery(snap), due + 5000)).toBe(100);
  });

  it("stops at a terminal status and on 404", () => {
    const done = nextSnapshot(undefined, statusResult(T0, operation("succeeded", "succeeded", 100)), T0);
    expect(refetchIntervalFor(fakeQuery(done), T0)).toBe(false);
    expect(shouldPollOnReturn(fakeQuery(done), T0 + 999_999)).toBe(false);
    const gone = nextSnapshot(undefined, readError(T0, 404), T0);
    expect(refetchIntervalFor(fakeQuery(gone), T0)).toBe(false);
  });

  it("does not arm a timer while a read is in flight or before the first read", () => {
    const snap = nextSnapshot(undefined, statusResult(T0, operation("InProgress", "running")), T0);
    expect(refetchIntervalFor(fakeQuery(snap, "fetching"), T0)).toBe(false);
    expect(refetchIntervalFor(fakeQuery(undefined), T0)).toBe(false);
  });

  it("polls on return only once Retry-After has passed, and a new view waits for the due time", () => {
    const snap = nextSnapshot(undefined, readError(T0, 429, 60_000), T0);
    expect(shouldPollOnReturn(fakeQuery(snap), T0 + 59_000)).toBe(false);
    expect(shouldPollOnReturn(fakeQuery(snap), T0 + 60_000)).toBe(true);
    const due = pollSchedule(snap).dueAt ?? 0;
    expect(shouldPollOnMount(fakeQuery(snap), due - 1)).toBe(false);
    expect(shouldPollOnMount(fakeQuery(snap), due)).toBe(true);
    expect(shouldPollOnMount(fakeQuery(undefined), T0)).toBe(true);
  });
});

describe("with a real QueryClient and observer (fake clock)", () => {
  interface Step {
    status: number;
    body: string;
    headers?: Record<string, string>;
  }

  async function run(steps: Step[], runForMs: number, onTick?: (elapsedMs: number) => void) {
    const { QueryClient, QueryObserver, environmentManager, focusManager } = await import("@tanstack/react-query");
    // Node has no window, so React Query would treat this as a server and arm no timers.
    environmentManager.setIsServer(() => false);
    vi.useFakeTimers({ now: T0 });
    focusManager.setFocused(true);
    const requests: number[] = [];
    vi.stubGlobal("fetch", () => {
      requests.push(Date.now());
      const step = steps[Math.min(requests.length - 1, steps.length - 1)] ?? { status: 500, body: "" };
      return Promise.resolve(new Response(step.body, { status: step.status, headers: step.headers }));
    });
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    client.mount(); // as QueryClientProvider does: listens to focus and online changes
    const observer = new QueryObserver(client, operationQueryOptions(ref, () => Promise.resolve("token")));
    const unsubscribe = observer.subscribe(() => undefined);
    try {
      for (let t = 0; t < runForMs; t += 250) {
        onTick?.(t);
        await vi.advanceTimersByTimeAsync(250);
      }
      return { requests: requests.map((at) => at - T0), data: observer.getCurrentResult().data };
    } finally {
      unsubscribe();
      client.unmount();
      client.clear();
      vi.unstubAllGlobals();
      vi.useRealTimers();
      focusManager.setFocused(undefined);
      environmentManager.setIsServer(() => typeof window === "undefined");
    }
  }

  it("polls until the end, never earlier than Retry-After, and then stops", async () => {
    const running = { status: 200, body: JSON.stringify({ status: "InProgress", percentComplete: 50 }), headers: { "retry-after": "5" } };
    const done = { status: 200, body: JSON.stringify({ status: "Succeeded", percentComplete: 100 }) };
    const { requests, data } = await run([running, running, running, done], 60_000);
    expect(requests).toHaveLength(4);
    for (let i = 1; i < requests.length; i++) expect((requests[i] ?? 0) - (requests[i - 1] ?? 0)).toBeGreaterThanOrEqual(5_000);
    expect(data?.operation?.status).toBe("Succeeded");
  });

  it("keeps the last status through a 503 and recovers", async () => {
    const running = { status: 200, body: JSON.stringify({ status: "InProgress" }) };
    const unavailable = { status: 503, body: JSON.stringify({ error: { code: "ServiceUnavailable", message: "later" } }), headers: { "retry-after": "3" } };
    const done = { status: 200, body: JSON.stringify({ status: "Failed", error: { code: "Boom", message: "x" } }) };
    const { requests, data } = await run([running, unavailable, done], 60_000);
    expect(requests).toHaveLength(3);
    expect((requests[2] ?? 0) - (requests[1] ?? 0)).toBeGreaterThanOrEqual(3_000);
    expect(data?.operation?.category).toBe("failed");
    expect(data?.lastReadError).toBeUndefined();
    expect(data?.history.map((h) => h.outcome)).toEqual(["status", "readError", "status"]);
  });

  it("pauses while the tab is hidden and polls at once when it returns, but not before Retry-After", async () => {
    const { focusManager } = await import("@tanstack/react-query");
    const running = { status: 200, body: JSON.stringify({ status: "InProgress" }), headers: { "retry-after": "10" } };
    const { requests } = await run([running], 40_000, (t) => {
      if (t === 1_000) focusManager.setFocused(false);
      if (t === 5_000) focusManager.setFocused(true); // back before Retry-After allows: no poll yet
      if (t === 6_000) focusManager.setFocused(false);
      if (t === 30_000) focusManager.setFocused(true); // back long after: poll at once
    });
    expect(requests[0]).toBe(0);
    expect(requests.filter((at) => at > 0 && at < 30_000)).toEqual([]);
    expect(requests.some((at) => at >= 30_000 && at <= 30_250)).toBe(true);
  });
});
