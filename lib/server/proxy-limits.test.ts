import { describe, expect, it } from "vitest";
import { ClientRateLimiter, InFlightGate, MAX_TRACKED_CLIENTS, createProxyLimiter, processProxyLimiter } from "./proxy-limits";

const T0 = 1_000_000;

describe("ClientRateLimiter", () => {
  it("gives each address a bucket of its own", () => {
    const limiter = new ClientRateLimiter({ capacity: 2, refillPerSecond: 1 });
    expect(limiter.take("a", T0)).toEqual({ ok: true });
    expect(limiter.take("a", T0)).toEqual({ ok: true });
    expect(limiter.take("a", T0).ok).toBe(false);
    expect(limiter.take("b", T0)).toEqual({ ok: true });
    expect(limiter.take("b", T0)).toEqual({ ok: true });
    expect(limiter.take("b", T0).ok).toBe(false);
  });

  it("refills at its rate", () => {
    const limiter = new ClientRateLimiter({ capacity: 1, refillPerSecond: 4 });
    expect(limiter.take("a", T0).ok).toBe(true);
    expect(limiter.take("a", T0 + 100).ok).toBe(false);
    expect(limiter.take("a", T0 + 250).ok).toBe(true);
  });

  it("says how long until a token, in whole seconds and at least 1", () => {
    const slow = new ClientRateLimiter({ capacity: 1, refillPerSecond: 0.25 });
    slow.take("a", T0);
    expect(slow.take("a", T0)).toEqual({ ok: false, retryAfterSeconds: 4 });
    expect(slow.take("a", T0 + 1500)).toEqual({ ok: false, retryAfterSeconds: 3 });
    const fast = new ClientRateLimiter({ capacity: 1, refillPerSecond: 150 });
    fast.take("a", T0);
    expect(fast.take("a", T0)).toEqual({ ok: false, retryAfterSeconds: 1 });
  });

  it("keeps at most its bound of addresses, forgetting the least recently seen", () => {
    const limiter = new ClientRateLimiter({ capacity: 1, refillPerSecond: 0.001 }, 3);
    for (const key of ["a", "b", "c"]) limiter.take(key, T0);
    // "a" is seen again, so "b" is now the oldest.
    expect(limiter.take("a", T0).ok).toBe(false);
    limiter.take("d", T0);
    expect(limiter.trackedClients).toBe(3);
    // "b" was forgotten: it starts over with a full bucket; "a", "c" and "d" were kept, still empty.
    expect(limiter.take("b", T0).ok).toBe(true);
    expect(limiter.take("a", T0).ok).toBe(false);
    expect(limiter.take("d", T0).ok).toBe(false);
    expect(limiter.trackedClients).toBe(3);
  });

  it("bounds the map at 10,000 addresses by default", () => {
    expect(MAX_TRACKED_CLIENTS).toBe(10_000);
    const limiter = new ClientRateLimiter({ capacity: 1, refillPerSecond: 1 });
    for (let i = 0; i < MAX_TRACKED_CLIENTS + 500; i++) limiter.take(`10.0.${Math.floor(i / 256)}.${i % 256}`, T0);
    expect(limiter.trackedClients).toBe(MAX_TRACKED_CLIENTS);
  });
});

describe("InFlightGate", () => {
  it("lets in up to its maximum, and one more for each slot given back", () => {
    const gate = new InFlightGate(2);
    const first = gate.tryEnter();
    const second = gate.tryEnter();
    expect(first).toBeTypeOf("function");
    expect(second).toBeTypeOf("function");
    expect(gate.tryEnter()).toBeUndefined();
    expect(gate.inFlight).toBe(2);
    first?.();
    expect(gate.inFlight).toBe(1);
    expect(gate.tryEnter()).toBeTypeOf("function");
    expect(gate.tryEnter()).toBeUndefined();
  });

  it("gives a slot back only once however often its release is called", () => {
    const gate = new InFlightGate(1);
    const release = gate.tryEnter();
    release?.();
    release?.();
    expect(gate.inFlight).toBe(0);
    gate.tryEnter();
    expect(gate.tryEnter()).toBeUndefined();
  });
});

describe("processProxyLimiter", () => {
  const limits = { perClient: { capacity: 300, refillPerSecond: 150 }, maxInFlight: 256 };

  it("is one limiter per process for the same limits", () => {
    const a = processProxyLimiter(limits);
    expect(processProxyLimiter({ perClient: { ...limits.perClient }, maxInFlight: 256 })).toBe(a);
    expect(a.inFlight.max).toBe(256);
    expect(a.clients.spec).toEqual(limits.perClient);
  });

  it("is made anew when the limits change (tests reading other environments)", () => {
    const a = processProxyLimiter(limits);
    const b = processProxyLimiter({ ...limits, maxInFlight: 3 });
    expect(b).not.toBe(a);
    expect(b.inFlight.max).toBe(3);
  });

  it("createProxyLimiter takes the clock to use", () => {
    const limiter = createProxyLimiter(limits, () => 42);
    expect(limiter.now()).toBe(42);
  });
});
