import { describe, expect, it } from "vitest";
import type { RateWindow } from "@/lib/azure/ratelimit-headers";
import { DEFAULT_HEADROOM } from "@/lib/config/headroom-settings";
import { Headroom } from "./headroom";

const T0 = 1_000_000;
const BASE = 5;

/** Answers every `everyMs` from `from` to `to` (exclusive), each saying `remaining`, with reads waiting before each. */
function feed(headroom: Headroom, from: number, to: number, remaining: (at: number) => number, everyMs = 100): void {
  for (let at = from; at < to; at += everyMs) {
    headroom.noteWaiting();
    headroom.observeArm(remaining(at), at);
  }
}

describe("headroom on ARM's remainder", () => {
  it("rises additively while the bucket stays well filled and reads wait, up to half of ARM's refill", () => {
    const headroom = new Headroom(BASE, DEFAULT_HEADROOM);
    expect(headroom.ratePerSecond(T0)).toBe(BASE);
    feed(headroom, T0, T0 + 1_000, () => 249);
    const afterOne = headroom.ratePerSecond(T0 + 1_000);
    expect(afterOne).toBeGreaterThan(BASE);
    expect(afterOne).toBeLessThan(BASE + 2.5);
    feed(headroom, T0 + 1_000, T0 + 10_000, () => 249);
    expect(headroom.ratePerSecond(T0 + 10_000)).toBe(12.5);
    feed(headroom, T0 + 10_000, T0 + 60_000, () => 250);
    expect(headroom.ratePerSecond(T0 + 60_000)).toBe(12.5);
  });

  it("does not rise while no read waits for the budget", () => {
    const headroom = new Headroom(BASE, DEFAULT_HEADROOM);
    for (let at = T0; at < T0 + 10_000; at += 100) headroom.observeArm(249, at);
    expect(headroom.ratePerSecond(T0 + 10_000)).toBe(BASE);
  });

  it("falls back to the base at once when the remainder drops below 80%, and below the base under half", () => {
    const headroom = new Headroom(BASE, DEFAULT_HEADROOM);
    feed(headroom, T0, T0 + 10_000, () => 249);
    expect(headroom.ratePerSecond(T0 + 10_000)).toBe(12.5);
    headroom.observeArm(199, T0 + 10_000);
    expect(headroom.ratePerSecond(T0 + 10_000)).toBe(BASE);
    headroom.observeArm(100, T0 + 10_100);
    expect(headroom.ratePerSecond(T0 + 10_100)).toBe(4);
    headroom.observeArm(0, T0 + 10_200);
    expect(headroom.ratePerSecond(T0 + 10_200)).toBe(0.5);
    headroom.observeArm(240, T0 + 10_300);
    expect(headroom.ratePerSecond(T0 + 10_300)).toBe(BASE);
  });

  it("falls back to the base when the remainder falls fast though still high, and holds there 2 s after the fall", () => {
    const headroom = new Headroom(BASE, DEFAULT_HEADROOM);
    feed(headroom, T0, T0 + 10_000, () => 249);
    // Someone else's burst: 12 reads gone in 400 ms, the bucket still above 80%.
    feed(headroom, T0 + 10_000, T0 + 10_500, (at) => 249 - Math.round((at - T0 - 10_000) / 33));
    expect(headroom.ratePerSecond(T0 + 10_500)).toBe(BASE);
    // It stops, and the bucket refills: no rise for 2 s after the last fall was seen.
    feed(headroom, T0 + 10_500, T0 + 12_000, (at) => Math.min(249, 236 + Math.floor((25 * (at - T0 - 10_500)) / 1000)));
    expect(headroom.ratePerSecond(T0 + 12_000)).toBe(BASE);
    feed(headroom, T0 + 12_000, T0 + 14_000, () => 249);
    expect(headroom.ratePerSecond(T0 + 14_000)).toBeGreaterThan(BASE);
  });

  it("keeps rising when its own reads explain the remainder's fall, and falls back when they do not", () => {
    const ownBunches = (headroom: Headroom, noted: number) => {
      // Every 500 ms six reads go at once and take six from a full bucket, which refills 2.5 every 100 ms.
      for (let at = T0; at < T0 + 10_000; at += 100) {
        const phase = (at - T0) % 500;
        if (phase === 0) for (let i = 0; i < noted; i++) headroom.noteRead(at);
        headroom.noteWaiting();
        headroom.observeArm(Math.min(249, 243 + 2.5 * (phase / 100)), at);
      }
    };
    const ours = new Headroom(BASE, DEFAULT_HEADROOM);
    ownBunches(ours, 6);
    expect(ours.ratePerSecond(T0 + 10_000)).toBe(12.5);
    const someoneElse = new Headroom(BASE, DEFAULT_HEADROOM);
    ownBunches(someoneElse, 0);
    expect(someoneElse.ratePerSecond(T0 + 10_000)).toBe(BASE);
  });

  it("falls back when the remainder stays below the top though opwatch reads nothing: someone draws the refill", () => {
    const headroom = new Headroom(BASE, DEFAULT_HEADROOM);
    feed(headroom, T0, T0 + 10_000, () => 249);
    feed(headroom, T0 + 10_000, T0 + 11_000, () => 230);
    expect(headroom.ratePerSecond(T0 + 11_000)).toBe(BASE);
  });

  it("holds the base without the header, and goes back to it when Azure has said nothing for 5 s", () => {
    const never = new Headroom(BASE, DEFAULT_HEADROOM);
    for (let at = T0; at < T0 + 10_000; at += 100) {
      never.noteWaiting();
      never.observeArm(undefined, at);
    }
    expect(never.ratePerSecond(T0 + 10_000)).toBe(BASE);

    const silent = new Headroom(BASE, DEFAULT_HEADROOM);
    feed(silent, T0, T0 + 10_000, () => 249);
    // The last answer came at T0 + 9.9 s.
    expect(silent.ratePerSecond(T0 + 14_900)).toBe(12.5);
    expect(silent.ratePerSecond(T0 + 14_901)).toBe(BASE);
    // Heard again, it starts from the base.
    silent.noteWaiting();
    silent.observeArm(249, T0 + 20_000);
    expect(silent.ratePerSecond(T0 + 20_000)).toBe(BASE);
  });

  it("holds the base when switched off, though a low remainder still slows it", () => {
    const off = new Headroom(BASE, { ...DEFAULT_HEADROOM, enabled: false });
    feed(off, T0, T0 + 10_000, () => 249);
    expect(off.ratePerSecond(T0 + 10_000)).toBe(BASE);
    off.observeArm(25, T0 + 10_000);
    expect(off.ratePerSecond(T0 + 10_000)).toBe(1);
    const none = new Headroom(BASE, undefined);
    feed(none, T0, T0 + 10_000, () => 249);
    expect(none.ratePerSecond(T0 + 10_000)).toBe(BASE);
  });

  it("keeps to the ceiling's share of ARM's refill, and never rises when that is under the base", () => {
    const high = new Headroom(BASE, { enabled: true, ceilingShare: 0.8 });
    feed(high, T0, T0 + 30_000, () => 249);
    expect(high.ratePerSecond(T0 + 30_000)).toBe(20);
    const low = new Headroom(BASE, { enabled: true, ceilingShare: 0.1 });
    feed(low, T0, T0 + 30_000, () => 249);
    expect(low.ratePerSecond(T0 + 30_000)).toBe(BASE);
  });

  it("ignores a remainder that is negative, not a number or endless, and holds the base for one beyond ARM's bucket", () => {
    const headroom = new Headroom(BASE, DEFAULT_HEADROOM);
    feed(headroom, T0, T0 + 10_000, () => 249);
    for (const weird of [-1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) headroom.observeArm(weird, T0 + 10_000);
    expect(headroom.ratePerSecond(T0 + 10_000)).toBe(12.5);
    // ARM's old hourly count (12,000) is not the bucket this rule knows: neither above the base nor below it.
    headroom.observeArm(11_999, T0 + 10_100);
    expect(headroom.ratePerSecond(T0 + 10_100)).toBe(BASE);
    headroom.observeArm(10, T0 + 10_200);
    headroom.observeArm(1e20, T0 + 10_300);
    expect(headroom.ratePerSecond(T0 + 10_300)).toBe(BASE);
  });
});

describe("headroom on a DevCenter window", () => {
  const MINUTE = 60_000;
  const window = (remaining: number, at: number, over: Partial<RateWindow> = {}): RateWindow => ({
    remaining,
    count: undefined,
    windowMs: MINUTE,
    // Windows start on the whole minute, as the simulator's do.
    resetAt: (Math.floor(at / MINUTE) + 1) * MINUTE,
    ...over,
  });
  const START = 1_000 * MINUTE;

  it("rises while the window is spent no faster than evenly, up to half its count per minute", () => {
    const headroom = new Headroom(BASE, DEFAULT_HEADROOM);
    // 3000 a minute; opwatch alone spends 15 a second, half the even pace.
    for (let at = START; at < START + 30_000; at += 100) {
      headroom.noteWaiting();
      headroom.observeWindow(window(2999 - Math.floor((at - START) / 1000) * 15, at), at);
    }
    expect(headroom.ratePerSecond(START + 30_000)).toBe(25);
  });

  it("takes the count from X-Rate-Limit-Limit when it gives one, and falls back when the window drains early", () => {
    const headroom = new Headroom(BASE, DEFAULT_HEADROOM);
    for (let at = START; at < START + 10_000; at += 100) {
      headroom.noteWaiting();
      headroom.observeWindow(window(1190, at, { count: 1200, windowMs: undefined }), at);
    }
    expect(headroom.ratePerSecond(START + 10_000)).toBe(10);
    // A third of the minute gone, half the window spent by someone: less than 80% of an even pace is left.
    headroom.observeWindow(window(600, START + 20_000, { count: 1200, windowMs: undefined }), START + 20_000);
    expect(headroom.ratePerSecond(START + 20_000)).toBe(BASE);
  });

  it("holds the base for a remainder beyond the count it names", () => {
    const headroom = new Headroom(BASE, DEFAULT_HEADROOM);
    for (let at = START; at < START + 10_000; at += 100) {
      headroom.noteWaiting();
      headroom.observeWindow(window(5000, at, { count: 1200 }), at);
    }
    expect(headroom.ratePerSecond(START + 10_000)).toBe(BASE);
  });
});
