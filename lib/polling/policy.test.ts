import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StatusCategory } from "@/lib/operations/model";
import type { PollRecord } from "./poll-record";
import { decideNextPoll, type PollContext, type PollDecision, POLLING_LIMITS } from "./policy";
import { isReadReason } from "./read-reasons";
import { isStopReason, stopReasonText } from "./stop-reasons";

const T0 = Date.UTC(2026, 10, 24, 8, 0, 0);
const S = 1000;
const fixed = (value: number) => () => value;

const running = (atS: number, extra: Partial<PollRecord> = {}): PollRecord => ({ at: T0 + atS * S, outcome: "status", category: "running", ...extra });
const readError = (atS: number, httpStatus: number, extra: Partial<PollRecord> = {}): PollRecord => ({ at: T0 + atS * S, outcome: "readError", httpStatus, ...extra });
const ctx = (history: PollRecord[], nowS?: number, random: () => number = fixed(0.5)): PollContext => ({
  now: nowS === undefined ? (history.at(-1)?.at ?? T0) : T0 + nowS * S,
  startedAt: T0,
  history,
  random,
});
const polls = (d: PollDecision): Extract<PollDecision, { poll: true }> => {
  if (!d.poll) throw new Error(`expected a poll, got stop: ${stopReasonText(d.stop)}`);
  return d;
};

describe("decideNextPoll", () => {
  it("polls at once when nothing is known yet", () => {
    expect(decideNextPoll({ now: T0, startedAt: T0, history: [] })).toEqual({ poll: true, delayMs: 0, notBefore: T0, reason: { kind: "firstRead" } });
  });

  it.each<StatusCategory>(["succeeded", "failed", "canceled"])("stops at %s, even after later read errors", (category) => {
    const done = decideNextPoll(ctx([running(0), running(5, { category })]));
    expect(done).toEqual({ poll: false, stop: { kind: "ended", category } });
    expect(decideNextPoll(ctx([running(0), running(5, { category }), readError(9, 503)])).poll).toBe(false);
  });

  it.each<StatusCategory>(["notStarted", "running", "unknown"])("keeps polling while %s", (category) => {
    expect(decideNextPoll(ctx([running(0, { category })])).poll).toBe(true);
  });

  it.each([
    [400, /^the operation's address was refused/],
    [401, /^sign in again/],
    [403, /not allowed to read this operation$/],
    [404, /^the operation id is wrong, or Azure no longer keeps its status/],
  ])("stops on read error %i and says why", (httpStatus, reason) => {
    const decision = decideNextPoll(ctx([running(0), readError(3, httpStatus)]));
    expect(decision).toEqual({ poll: false, stop: { kind: "refused", httpStatus } });
    expect(decision.poll ? "" : stopReasonText(decision.stop)).toMatch(reason);
  });

  it("keeps polling once a 404 is followed by a good read", () => {
    expect(decideNextPoll(ctx([readError(0, 404), running(3)])).poll).toBe(true);
  });

  it("never polls before Retry-After, and measures the delay from now", () => {
    const history = [running(0), running(100, { retryAfterMs: 30 * S })];
    const atOnce = polls(decideNextPoll(ctx(history)));
    expect(atOnce.notBefore).toBe(T0 + 130 * S);
    expect(atOnce.delayMs).toBeGreaterThanOrEqual(30 * S);
    const later = polls(decideNextPoll(ctx(history, 120)));
    expect(later.notBefore).toBe(T0 + 130 * S);
    expect(T0 + 120 * S + later.delayMs).toBeGreaterThanOrEqual(later.notBefore);
    expect(later.delayMs).toBe(atOnce.delayMs - 20 * S);
  });

  it("clamps absurd Retry-After values", () => {
    const huge = polls(decideNextPoll(ctx([running(0, { retryAfterMs: 86_400 * S })])));
    expect(huge.notBefore).toBe(T0 + POLLING_LIMITS.maxDelayMs);
    expect(huge.delayMs).toBe(POLLING_LIMITS.maxDelayMs);
    const negative = polls(decideNextPoll(ctx([running(0, { retryAfterMs: -5 * S })])));
    expect(negative.notBefore).toBe(T0 + 1 * S);
    const nan = polls(decideNextPoll(ctx([running(0, { retryAfterMs: Number.NaN })])));
    expect(nan.notBefore).toBe(T0);
  });

  it("treats Retry-After as a floor: a young operation waits for it, an old one keeps its slower cadence", () => {
    // Young: the age rule says 6 s, Retry-After 10 s, so 10 s.
    const young = polls(decideNextPoll(ctx([running(5, { retryAfterMs: 10 * S })])));
    expect(young.delayMs).toBe(10 * S);
    expect(young.reason).toEqual({ kind: "retryAfter" });
    // Old: the age rule says 50 s; a shorter Retry-After changes nothing (we may wait longer than it asks).
    const old = polls(decideNextPoll(ctx([running(3600, { retryAfterMs: 10 * S })])));
    const withoutRetryAfter = polls(decideNextPoll(ctx([running(3600)])));
    expect(old.delayMs).toBe(withoutRetryAfter.delayMs);
    expect(old.delayMs).toBe(50 * S);
    expect(old.reason).toEqual({ kind: "age" });
  });

  it("stretches the interval while the predicted finish is far, within a minute", () => {
    // 1% per 10 s at age 100 s: about 900 s to go.
    const history = [60, 80, 100].map((t) => running(t, { percentComplete: t / 10 }));
    const d = polls(decideNextPoll(ctx(history)));
    expect(d.reason).toEqual({ kind: "predictedFinishFar" });
    expect(d.delayMs).toBe(POLLING_LIMITS.maxIntervalMs);
    const withoutPercent = polls(decideNextPoll(ctx(history.map((r) => ({ ...r, percentComplete: undefined })))));
    expect(withoutPercent.delayMs).toBeLessThan(d.delayMs);
  });

  it("fits the rate from the end of a plateau, not across a queue", () => {
    // Queued at 0% for 60 s, then 2% per second: 100% is due at t = 110 s.
    const history = [...[0, 20, 40, 60].map((t) => running(t, { percentComplete: 0 })), running(62, { percentComplete: 4 }), running(64, { percentComplete: 8 })];
    const d = polls(decideNextPoll(ctx(history)));
    expect(d.reason).toEqual({ kind: "predictedFinishFar" });
    expect(d.delayMs).toBeCloseTo(23 * S, -2); // half of the 46 s left; across the queue it would be far longer
    const late = [...history, running(100, { percentComplete: 80 }), running(107, { percentComplete: 94 })];
    const near = polls(decideNextPoll(ctx(late)));
    expect(near.reason).toEqual({ kind: "predictedFinish" });
    expect(near.delayMs).toBeCloseTo(4 * S, -2); // 3 s to go, plus the margin
  });

  it("polls every 6 s in the first minute, then climbs by a second per second of age to 50 s", () => {
    const after = (ageS: number) => polls(decideNextPoll(ctx([running(ageS)])));
    // Young: the interval is the delay aimed for, from the first read on (not a share of the age).
    for (const ageS of [0, 2, 30, 59]) expect(after(ageS).delayMs).toBe(6 * S);
    // Climbing: 6 s plus the time past the first minute.
    expect(after(60).delayMs).toBe(6 * S);
    expect(after(80).delayMs).toBe(26 * S);
    expect(after(100).delayMs).toBe(46 * S);
    // Old: 50 s from 104 s of age on, under ARM's 60 s, so that most ends are seen within 45 s.
    for (const ageS of [104, 600, 3600, 86_400]) expect(after(ageS).delayMs).toBe(50 * S);
    expect(after(3600).reason).toEqual({ kind: "age" });
  });

  it("lands just after the finish predicted from a steady percentComplete", () => {
    // 1% per 10 s, at 97% at t = 970 s: 100% is due at t = 1000 s, well before the age rule's minute.
    const history = [900, 920, 940, 960, 970].map((t) => running(t, { percentComplete: t / 10 }));
    const d = polls(decideNextPoll(ctx(history)));
    expect(d.reason).toEqual({ kind: "predictedFinish" });
    expect(d.delayMs).toBeGreaterThanOrEqual(30 * S);
    expect(d.delayMs).toBeLessThanOrEqual(32 * S);
  });

  it("polls at the young 6 s once at 100 % and still running, and slows to a 50th of the time overdue", () => {
    // 97..100 % from 600 s to 660 s: overdue since 660 s. The age rule alone would say 50 s at this age.
    const base = [600, 620, 640, 660].map((t) => running(t, { percentComplete: 97 + (t - 600) / 20 }));
    const overdueFor = (s: number) => polls(decideNextPoll(ctx([...base, running(660 + s, { percentComplete: 100 })])));
    const justOver = overdueFor(2);
    expect(justOver.reason).toEqual({ kind: "pastPredictedFinish" });
    expect(justOver.delayMs).toBe(6 * S);
    expect(overdueFor(300).delayMs).toBe(6 * S); // a 50th of 5 min is 6 s
    expect(overdueFor(1800).delayMs).toBe(36 * S); // a 50th of 30 min
    expect(overdueFor(7200).delayMs).toBe(polls(decideNextPoll(ctx([running(7860)]))).delayMs); // never slower than the age rule
  });

  it.each([
    ["stalled", [40, 40, 40, 40]],
    ["going backwards", [50, 45, 40, 35]],
  ])("falls back to the age rule when percentComplete is %s", (_label, percents) => {
    const history = percents.map((p, i) => running(300 + 20 * i, { percentComplete: p }));
    const withPercent = polls(decideNextPoll(ctx(history)));
    const without = polls(decideNextPoll(ctx(history.map((r) => ({ ...r, percentComplete: undefined })))));
    expect(withPercent.delayMs).toBe(without.delayMs);
  });

  it("backs off exponentially on consecutive read errors, from the age rule's interval when that is longer, with bounded jitter", () => {
    const errors = (n: number) => [running(0), ...Array.from({ length: n }, (_, i) => readError(1 + i, 503))];
    const delays = [1, 2, 3, 4, 5, 6, 8].map((n) => polls(decideNextPoll(ctx(errors(n)))).delayMs);
    // 2 s doubling per error; the first two (2 s, 4 s) are below the young operation's 6 s, so 6 s.
    expect(delays.slice(0, 5)).toEqual([6, 6, 8, 16, 32].map((s) => s * S));
    expect(delays.at(-1)).toBe(POLLING_LIMITS.maxIntervalMs);
    expect(polls(decideNextPoll(ctx(errors(3)))).reason).toEqual({ kind: "backoff", readErrors: 3 });
    const low = polls(decideNextPoll(ctx(errors(3), undefined, fixed(0)))).delayMs;
    const high = polls(decideNextPoll(ctx(errors(3), undefined, fixed(0.999999)))).delayMs;
    expect(low).toBeCloseTo(8 * S * 0.8, 0);
    expect(high).toBeCloseTo(8 * S * 1.2, 0);
  });

  it.each([0, 408, 429, 500, 502, 503, 504])("keeps polling after read error %i", (httpStatus) => {
    expect(decideNextPoll(ctx([running(0), readError(1, httpStatus)])).poll).toBe(true);
  });

  it("puts a 429's Retry-After before the backoff", () => {
    const d = polls(decideNextPoll(ctx([running(0), readError(1, 429, { retryAfterMs: 20 * S })])));
    expect(d.notBefore).toBe(T0 + 21 * S);
    expect(d.delayMs).toBe(20 * S);
  });

  it("never backs off to faster than the normal cadence of an old operation", () => {
    const d = polls(decideNextPoll(ctx([running(3600), readError(3601, 0)], undefined, fixed(0.5))));
    expect(d.delayMs).toBe(polls(decideNextPoll(ctx([running(3601)]))).delayMs);
    expect(d.delayMs).toBeGreaterThan(2 * S); // the first backoff step
  });

  it("on an open page reads at least every 5 s, yet never before Retry-After and never faster than the error back-off", () => {
    const open = (history: PollRecord[], random?: () => number) => ({ ...ctx(history, undefined, random), maxIntervalMs: 5 * S });
    // An hour old: the age rule alone would wait 50 s.
    const old = polls(decideNextPoll(open([running(3600)])));
    expect(old.delayMs).toBe(5 * S);
    expect(old.reason).toEqual({ kind: "openPage", maxIntervalMs: 5 * S });
    // A predicted finish 2 s away stays sooner than the cap.
    expect(polls(decideNextPoll(open([running(100, { percentComplete: 50 }), running(110, { percentComplete: 98 })]))).delayMs).toBeLessThan(5 * S);
    // Retry-After asks for longer: it wins, and says so.
    const waited = polls(decideNextPoll(open([running(3600, { retryAfterMs: 30 * S })])));
    expect(waited.delayMs).toBe(30 * S);
    expect(waited.reason).toEqual({ kind: "retryAfter" });
    // After read errors the back-off doubles from the cap: 5 s, 5 s, 8 s, 16 s (the first steps, 2 s and 4 s, are below it).
    const errors = (n: number) => [running(3600), ...Array.from({ length: n }, (_, i) => readError(3601 + i, 503))];
    expect([1, 2, 3, 4].map((n) => polls(decideNextPoll(open(errors(n)))).delayMs)).toEqual([5, 5, 8, 16].map((s) => s * S));
  });
});

const categoryArb = fc.constantFrom<StatusCategory>("notStarted", "running", "succeeded", "failed", "canceled", "unknown");
const anyNumber = fc.oneof(fc.double(), fc.integer(), fc.constant(Number.NaN), fc.constant(Number.POSITIVE_INFINITY));
const recordArb: fc.Arbitrary<PollRecord> = fc.record(
  {
    at: anyNumber,
    outcome: fc.constantFrom<PollRecord["outcome"]>("status", "readError"),
    category: categoryArb,
    percentComplete: anyNumber,
    httpStatus: fc.oneof(fc.constantFrom(0, 401, 403, 404, 429, 500, 503), fc.integer()),
    retryAfterMs: anyNumber,
  },
  { requiredKeys: ["at", "outcome"] },
);

/** Plausible histories: time moves forward, Retry-After already clamped, the clock at or after the last record. */
const saneCtxArb: fc.Arbitrary<PollContext> = fc
  .tuple(
    fc.array(
      fc.record({
        gap: fc.integer({ min: 0, max: 600_000 }),
        outcome: fc.constantFrom<PollRecord["outcome"]>("status", "readError"),
        category: fc.constantFrom<StatusCategory>("notStarted", "running", "unknown"),
        percentComplete: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined }),
        httpStatus: fc.constantFrom(0, 429, 500, 502, 503),
        retryAfterMs: fc.option(fc.integer({ min: 1_000, max: 600_000 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 100 },
    ),
    fc.integer({ min: 0, max: 900_000 }),
    fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  )
  .map(([steps, wait, r]) => {
    let at = T0;
    const history = steps.map((s): PollRecord => {
      at += s.gap;
      const common = { at, ...(s.retryAfterMs === undefined ? {} : { retryAfterMs: s.retryAfterMs }) };
      return s.outcome === "status"
        ? { ...common, outcome: "status", category: s.category, ...(s.percentComplete === undefined ? {} : { percentComplete: s.percentComplete }) }
        : { ...common, outcome: "readError", httpStatus: s.httpStatus };
    });
    return { now: at + wait, startedAt: T0, history, random: () => r };
  });

describe("decideNextPoll properties", () => {
  it("never throws on arbitrary input, and any delay is within [0, 10 min]", () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 120 }), anyNumber, anyNumber, fc.oneof(fc.double(), fc.constant(Number.NaN)), (history, now, startedAt, r) => {
        const d = decideNextPoll({ now, startedAt, history, random: () => r });
        if (d.poll) {
          expect(Number.isFinite(d.delayMs)).toBe(true);
          expect(d.delayMs).toBeGreaterThanOrEqual(0);
          expect(d.delayMs).toBeLessThanOrEqual(POLLING_LIMITS.maxDelayMs);
        }
        expect(d.poll ? isReadReason(d.reason) : isStopReason(d.stop)).toBe(true);
      }),
    );
  });

  it("never schedules a poll before the last Retry-After allows", () => {
    fc.assert(
      fc.property(saneCtxArb, (c) => {
        const d = polls(decideNextPoll(c));
        const last = c.history.at(-1);
        if (!last) return;
        expect(d.notBefore).toBeGreaterThanOrEqual(last.at + (last.retryAfterMs ?? 0));
        expect(c.now + d.delayMs).toBeGreaterThanOrEqual(d.notBefore);
        expect(d.delayMs).toBeLessThanOrEqual(POLLING_LIMITS.maxDelayMs);
      }),
    );
  });

  it("on an open page never waits longer than 5 s after a status, unless Retry-After asks for longer", () => {
    fc.assert(
      fc.property(saneCtxArb, (c) => {
        const last = c.history.at(-1);
        if (last?.outcome !== "status") return;
        const d = polls(decideNextPoll({ ...c, maxIntervalMs: 5 * S }));
        const target = c.now + d.delayMs;
        expect(target).toBeGreaterThanOrEqual(d.notBefore);
        expect(target).toBeLessThanOrEqual(Math.max(d.notBefore, last.at + 5 * S, c.now));
      }),
    );
  });

  it("never polls after a terminal status, whatever follows it", () => {
    fc.assert(
      fc.property(
        saneCtxArb,
        fc.constantFrom<StatusCategory>("succeeded", "failed", "canceled"),
        fc.array(fc.constantFrom(0, 429, 500, 503), { maxLength: 5 }),
        (c, category, errors) => {
          const last = c.history.at(-1)?.at ?? T0;
          const history: PollRecord[] = [
            ...c.history,
            { at: last + 1, outcome: "status", category },
            ...errors.map((httpStatus, i): PollRecord => ({ at: last + 2 + i, outcome: "readError", httpStatus })),
          ];
          expect(decideNextPoll({ ...c, now: last + 10, history }).poll).toBe(false);
        },
      ),
    );
  });
});
