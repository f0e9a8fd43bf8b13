import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DiscoveryListRequest } from "@/lib/azure/discovery-lists";
import type { RateWindow } from "@/lib/azure/ratelimit-headers";
import type { DevcenterRef, OperationRef } from "@/lib/azure/operation-ref";
import type { EndpointDiscovery } from "@/lib/discovery/discovery-types";
import type { ListRead } from "@/lib/discovery/fetch-list";
import type { ListAnswer } from "@/lib/discovery/sweep";
import { runningOperation, statusResult } from "@/lib/dev/test-support/fetch-results";
import { nextSnapshot, type OperationSnapshot } from "../snapshot";
import type { FleetStatus } from "./fleet-status";
import { ReadLoop } from "./read-loop";
import type { SweepLike } from "./sweep-reads";

const T0 = Date.UTC(2026, 11, 7, 12);
const HOST = "t1-dc.westus3.devcenter.azure.com";
const watchedRef: DevcenterRef = { kind: "devcenter", endpointHost: HOST, projectName: "proj", operationId: "op-1" };

/** A stand-in for lib/discovery/sweep.ts (its own tests are the sweep's): one devboxes read per interval. */
class FakeSweep implements SweepLike {
  readonly calls: string[] = [];
  /** The Retry-After of each failed answer, as the sweep was told it. */
  readonly retryAfters: (number | undefined)[] = [];
  private dueAt: number;
  private reading = false;
  constructor(
    private readonly host: string,
    now: number,
  ) {
    this.dueAt = now;
  }
  next(): { request: DiscoveryListRequest; at: number } | undefined {
    return this.reading ? undefined : { request: { list: "devboxes", endpointHost: this.host }, at: this.dueAt };
  }
  started(_request: DiscoveryListRequest, now: number): void {
    this.reading = true;
    this.calls.push(`started ${now - T0}`);
  }
  answered(_request: DiscoveryListRequest, answer: ListAnswer, now: number): void {
    this.reading = false;
    this.dueAt = now + 60_000;
    this.calls.push(`answered ${answer.ok ? "ok" : answer.httpStatus} ${now - T0}`);
    if (!answer.ok) this.retryAfters.push(answer.retryAfterMs);
  }
  requestSoon(now: number): void {
    this.dueAt = now;
    this.calls.push(`soon ${now - T0}`);
  }
  view(): EndpointDiscovery {
    return { endpointHost: this.host, sweptAt: undefined, sweeping: this.reading, nextSweepAt: this.dueAt, devBoxes: [], operations: [], problem: undefined };
  }
}

function create({ watched = [] as OperationRef[], answers = [] as ListAnswer[], rateWindow = undefined as RateWindow | undefined } = {}) {
  const sweeps = new Map<string, FakeSweep>();
  const snapshots = new Map<string, OperationSnapshot>();
  const shared: EndpointDiscovery[] = [];
  const statusReads: number[] = [];
  let hosts = [HOST];
  const soon: string[] = [];
  let status: FleetStatus | undefined;
  const fetchList = vi.fn((): Promise<ListRead> => {
    const answer = answers.shift() ?? { ok: true, body: { value: [] } };
    return Promise.resolve({ answer, at: Date.now(), remainingReads: undefined, rateWindow });
  });
  const loop = new ReadLoop({
    budgets: { devops: { capacity: 10, refillPerSecond: 5 }, devcenter: { capacity: 4, refillPerSecond: 2 } },
    read: (ref) => {
      statusReads.push(Date.now() - T0);
      const snapshot = nextSnapshot(undefined, statusResult(Date.now(), runningOperation(T0, "Running", "running")), Date.now());
      snapshots.set(JSON.stringify(ref), snapshot);
      return Promise.resolve(snapshot);
    },
    snapshotOf: (key) => snapshots.get(key),
    annotate: (key, snapshot) => snapshots.set(key, snapshot),
    memory: undefined,
    now: () => Date.now(),
    sweeps: {
      settings: { intervalMs: 60_000, readsPerMinute: 40 },
      createSweep: (host, _settings, now) => {
        const sweep = new FakeSweep(host, now);
        sweeps.set(host, sweep);
        return sweep;
      },
      fetchList,
    },
    interest: {
      lists: () => [watched.map((ref) => ({ ref, interest: "watched" as const }))],
      requestedKeys: () => [],
      isRequested: () => false,
      clearRequest: () => undefined,
      forgetSilent: () => undefined,
      sweepHosts: () => hosts,
      takeSweepRequests: () => soon.splice(0),
    },
    share: () => undefined,
    publish: (s) => (status = s),
    shareDiscovery: (discovery) => shared.push(discovery),
  });
  return {
    loop,
    sweeps,
    shared,
    statusReads,
    fetchList,
    status: () => status,
    setHosts: (next: string[]) => (hosts = next),
    askSoon: (host: string) => soon.push(host),
  };
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the read loop's sweeps", () => {
  it("keeps a sweep per endpoint wanted, makes the reads it plans and shares what it found after each", async () => {
    const { loop, sweeps, shared, fetchList, setHosts, askSoon } = create();
    loop.setPolling(true);
    await vi.advanceTimersByTimeAsync(10);
    expect(fetchList).toHaveBeenCalledWith({ list: "devboxes", endpointHost: HOST });
    expect(sweeps.get(HOST)?.calls).toEqual(["started 0", "answered ok 0"]);
    // Shared when made, when the read started and when it was answered.
    expect(shared.map((d) => d.sweeping)).toEqual([false, true, false]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetchList).toHaveBeenCalledTimes(2);
    askSoon(HOST);
    loop.queueTick();
    await vi.advanceTimersByTimeAsync(10);
    expect(fetchList).toHaveBeenCalledTimes(3);
    // No tab wants it any more: no more reads.
    setHosts([]);
    askSoon(HOST);
    loop.queueTick();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fetchList).toHaveBeenCalledTimes(3);
  });

  it("pauses the endpoint's watched reads after a list's 429, and sweeps again only after it", async () => {
    const throttled: ListAnswer = { ok: false, httpStatus: 429, code: "TooManyRequests", message: "slow down", retryAfterMs: 30_000 };
    const { loop, sweeps, statusReads, status } = create({ watched: [watchedRef], answers: [throttled] });
    loop.setPolling(true);
    await vi.advanceTimersByTimeAsync(10);
    // The watched read went first; then the sweep's, whose 429 paused the endpoint.
    expect(statusReads).toEqual([0]);
    expect(sweeps.get(HOST)?.calls).toEqual(["started 0", "answered 429 0"]);
    expect(status()?.scopes.find((s) => s.name === HOST)?.pause).toMatchObject({ cause: "throttled", until: T0 + 30_000 });
    sweeps.get(HOST)?.requestSoon(Date.now());
    await vi.advanceTimersByTimeAsync(29_000);
    expect(statusReads).toEqual([0]);
    expect(sweeps.get(HOST)?.calls).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(statusReads.length).toBeGreaterThan(1);
    expect(statusReads[1]).toBeGreaterThanOrEqual(30_000);
    expect(sweeps.get(HOST)?.calls.at(3)).toBe("started 30000");
  });

  it("tells the endpoint's budget what a list's answer said of its window, as a status read's does", async () => {
    const rateWindow: RateWindow = { remaining: 123, count: 300, windowMs: 60_000, resetAt: T0 + 30_000 };
    const { loop, status } = create({ rateWindow });
    loop.setPolling(true);
    await vi.advanceTimersByTimeAsync(10);
    expect(status()?.scopes.find((s) => s.name === HOST)?.remainingReads).toBe(123);
  });

  it("tells the sweep the Retry-After the scope honours, clamped: a year's wait would stop discovery for good", async () => {
    const throttled: ListAnswer = { ok: false, httpStatus: 429, code: "TooManyRequests", message: "slow down", retryAfterMs: 365 * 86_400_000 };
    const { loop, sweeps, status } = create({ answers: [throttled] });
    loop.setPolling(true);
    await vi.advanceTimersByTimeAsync(10);
    expect(sweeps.get(HOST)?.retryAfters).toEqual([600_000]);
    expect(status()?.scopes.find((s) => s.name === HOST)?.pause?.until).toBe(T0 + 600_000);
  });
});
