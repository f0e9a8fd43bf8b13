import { describe, expect, it } from "vitest";
import { ARM_SUBSCRIPTION_READS, DEFAULT_READ_BUDGET, TokenBucket } from "@/lib/azure/token-bucket";
import { DEFAULT_HEADROOM, type HeadroomSettings } from "@/lib/config/headroom-settings";
import { ScopeBudget } from "./scope-budget";

const LATENCY_MS = 150;
const TICK_MS = 10;

interface Run {
  /** When opwatch sent each read. */
  ours: number[];
  ours429: number;
  rival429: number;
}

/**
 * One subscription's ARM bucket on fake time, drawn on by opwatch's budget (reads always waiting, answers carrying the
 * remainder LATENCY_MS later) and by a rival that reads at `rivalPerSecond(t)` and never waits.
 */
function run(durationMs: number, rivalPerSecond: (at: number) => number, headroom: HeadroomSettings = DEFAULT_HEADROOM): Run {
  const arm = new TokenBucket(ARM_SUBSCRIPTION_READS, 0);
  const budget = new ScopeBudget(DEFAULT_READ_BUDGET, 0, headroom);
  const answers: { at: number; remaining: number }[] = [];
  const result: Run = { ours: [], ours429: 0, rival429: 0 };
  let rivalOwed = 0;
  for (let now = 0; now < durationMs; now += TICK_MS) {
    while (answers[0] !== undefined && answers[0].at <= now) {
      const answer = answers.shift();
      if (answer) budget.report({ remainingReads: answer.remaining }, answer.at);
    }
    rivalOwed += (rivalPerSecond(now) * TICK_MS) / 1000;
    for (; rivalOwed >= 1; rivalOwed -= 1) if (!arm.take(now)) result.rival429++;
    while (budget.tryTake(now)) {
      result.ours.push(now);
      if (!arm.take(now)) result.ours429++;
      answers.push({ at: now + LATENCY_MS, remaining: Math.floor(arm.available(now)) });
    }
  }
  return result;
}

const readsIn = (times: readonly number[], from: number, to: number): number => times.filter((t) => t >= from && t < to).length;

describe("a scope's budget with headroom, against ARM's bucket", () => {
  it("alone, reads at the ceiling once it has risen, and never more than 13 reads in a second", () => {
    const { ours, ours429 } = run(60_000, () => 0);
    expect(ours429).toBe(0);
    expect(readsIn(ours, 20_000, 30_000)).toBeGreaterThanOrEqual(124);
    for (let from = 10_000; from < 59_000; from += 100) expect(readsIn(ours, from, from + 1_000)).toBeLessThanOrEqual(13);
  });

  it("keeps to the base without headroom, as before", () => {
    const { ours } = run(60_000, () => 0, { ...DEFAULT_HEADROOM, enabled: false });
    expect(readsIn(ours, 20_000, 30_000)).toBe(50);
  });

  it("with a rival reading steadily at 20/s, neither is ever refused", () => {
    const { ours, ours429, rival429 } = run(120_000, () => 20);
    expect(rival429).toBe(0);
    expect(ours429).toBe(0);
    expect(ours.length).toBeGreaterThanOrEqual(5 * 120);
  });

  it("back at or below the base within a second of a rival's burst starting, and the rival is never refused", () => {
    const burstFrom = 30_000;
    const burstTo = 40_000;
    const { ours, rival429 } = run(60_000, (at) => (at >= burstFrom && at < burstTo ? 40 : 0));
    // Before the burst it read at the ceiling.
    expect(readsIn(ours, burstFrom - 1_000, burstFrom)).toBeGreaterThanOrEqual(12);
    for (let from = burstFrom + 1_000; from + 1_000 <= burstTo; from += TICK_MS) {
      expect(readsIn(ours, from, from + 1_000)).toBeLessThanOrEqual(DEFAULT_READ_BUDGET.refillPerSecond);
    }
    expect(rival429).toBe(0);
  });
});
