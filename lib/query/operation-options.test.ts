import { describe, expect, it, vi } from "vitest";
import type { OperationRef } from "@/lib/azure/operation-ref";
import { operationKeys } from "./keys";
import { operationQueryOptions } from "./operation-options";

const ref: OperationRef = { kind: "devops", subscriptionId: "S", resourceGroupName: "RG", securityConnectorName: "c", operationResultId: "op" };
const T0 = Date.UTC(2026, 0, 1);

describe("operation query keys", () => {
  it("keys by refKey, so case variants share one query", () => {
    expect(operationKeys.detail(ref)).toEqual(operationKeys.detail({ ...ref, resourceGroupName: "rg" }));
    expect(operationQueryOptions(ref, () => Promise.resolve("t")).queryKey).toEqual(["operation", "devops/s/rg/c/op"]);
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
