import { DEFAULT_READ_BUDGET } from "@/lib/azure/token-bucket";
import { describe, expect, it } from "vitest";
import { readSignalsOf } from "@/lib/polling/fleet/throttle-signal";
import { toPollRecord } from "@/lib/polling/poll-record";
import { decideNextPoll } from "@/lib/polling/policy";
import { nextSnapshot } from "@/lib/polling/snapshot";
import { sdkPoller } from "./baselines";
import { CORPUS_SEED, generateCorpus } from "./corpus";
import { EmulatedArmReads, fetchResultOf, type BenchAnswer } from "./emulated-arm";
import { budgetExcess, maxReadsInWindow, msToBase, summarizeFleet } from "./fleet-figures";
import { replayFleet, steadyReads, type FleetPoller } from "./fleet-replay";
import { plainLifetime } from "@/lib/dev/test-support/lifetimes";

const opwatch: FleetPoller = { name: "opwatch", kind: "scheduler", budget: DEFAULT_READ_BUDGET };
const policyPerOperation: FleetPoller = { name: "policy", kind: "perOperation", poller: decideNextPoll, jitterSeed: 7 };

describe("emulated ARM", () => {
  it("spends a token per read; empty, it answers whole seconds until a token (at least 1) and spends nothing", () => {
    const arm = new EmulatedArmReads(0, { capacity: 2, refillPerSecond: 0.5 });
    expect(arm.read(0)).toEqual({ allowed: true, remainingReads: 1 });
    expect(arm.read(0)).toEqual({ allowed: true, remainingReads: 0 });
    expect(arm.read(0)).toEqual({ allowed: false, remainingReads: 0, retryAfterMs: 2_000 });
    expect(arm.read(1_900)).toEqual({ allowed: false, remainingReads: 0, retryAfterMs: 1_000 });
    // The refused reads took nothing: the token is there when the first Retry-After said.
    expect(arm.read(2_000)).toEqual({ allowed: true, remainingReads: 0 });
  });

  it("answers as fetchOperation would: the same PollRecord, ARM's headers, and a 429 that pauses the subscription", () => {
    const answers: BenchAnswer[] = [
      { record: { at: 5_000, outcome: "status", category: "running", percentComplete: 40, retryAfterMs: 10_000 }, remainingReads: 249, armThrottled: false },
      { record: { at: 6_000, outcome: "status", category: "succeeded" }, remainingReads: 248, armThrottled: false },
      { record: { at: 7_000, outcome: "readError", httpStatus: 503, retryAfterMs: 10_000 }, remainingReads: 247, armThrottled: false },
      { record: { at: 8_000, outcome: "readError", httpStatus: 0 }, remainingReads: undefined, armThrottled: false },
    ];
    // The policy's fields are the corpus's own; the emulated answer adds only the log's (latency, an error code).
    for (const answer of answers) expect(toPollRecord(fetchResultOf(answer, 1_000))).toMatchObject(answer.record);

    const throttled: BenchAnswer = { record: { at: 9_000, outcome: "readError", httpStatus: 429, retryAfterMs: 3_000 }, remainingReads: 0, armThrottled: true };
    const signals = readSignalsOf(nextSnapshot(undefined, fetchResultOf(throttled, 1_000), 9_000));
    expect(signals).toEqual({ throttle: { pause: "scope", until: 12_000, httpStatus: 429, code: "TooManyRequests" }, remainingReads: 0 });
    const ok = answers[0];
    if (!ok) throw new Error("no answer");
    expect(readSignalsOf(nextSnapshot(undefined, fetchResultOf(ok, 1_000), 5_000)).remainingReads).toBe(249);
  });
});

describe("fleet replay", () => {
  it("reads per operation from its start, and measures detection at the reply, a latency after the send", () => {
    const run = replayFleet([plainLifetime(10_000)], { name: "sdk", kind: "perOperation", poller: sdkPoller, jitterSeed: 1 });
    const [op] = run.operations;
    // Sends every 2 s after the previous reply (150 ms): 0, 2.15, 4.3, 6.45, 8.6, 10.75 s; that reply is at 10.9 s.
    expect(op).toMatchObject({ reads: 6, armThrottled: 0, earlyReads: 0, detectionDelayMs: 900, firstStatusWaitMs: 150 });
    expect(run.sendTimes.map((t) => t - (op?.startAt ?? 0))).toEqual([0, 2_150, 4_300, 6_450, 8_600, 10_750]);
  });

  it("keeps opwatch's fleet of 50 within its budget in every window: no 429 from ARM, no read before Retry-After", () => {
    const run = replayFleet(generateCorpus(CORPUS_SEED, 50), opwatch);
    const summary = summarizeFleet(run);
    expect(summary.reads).toBeGreaterThan(500);
    expect(summary.armThrottled).toBe(0);
    expect(summary.earlyReads).toBe(0);
    expect(budgetExcess(run.sendTimes, DEFAULT_READ_BUDGET)).toBeLessThanOrEqual(1e-9);
    const { capacity, refillPerSecond } = DEFAULT_READ_BUDGET;
    expect(maxReadsInWindow(run.sendTimes, 1_000)).toBeLessThanOrEqual(capacity + refillPerSecond);
    expect(maxReadsInWindow(run.sendTimes, 10_000)).toBeLessThanOrEqual(capacity + 10 * refillPerSecond);
    expect(summary.undetected).toBe(0);
    for (const { detectionDelayMs } of run.operations) {
      expect(Number.isFinite(detectionDelayMs)).toBe(true);
      expect(detectionDelayMs).toBeGreaterThanOrEqual(0);
    }
    expect(replayFleet(generateCorpus(CORPUS_SEED, 50), opwatch)).toEqual(run);
  });

  it("draws ARM's 429s with the policy per operation at 500 operations, though each honours its own Retry-After", () => {
    const run = replayFleet(generateCorpus(CORPUS_SEED, 500), policyPerOperation);
    const summary = summarizeFleet(run);
    expect(summary.armThrottled).toBeGreaterThan(0);
    expect(summary.earlyReads).toBe(0);
    expect(budgetExcess(run.sendTimes, { capacity: 250, refillPerSecond: 25 })).toBeGreaterThan(0);
    expect(summary.undetected).toBe(0);
    expect(run.operations.every((o) => Number.isFinite(o.detectionDelayMs))).toBe(true);
  });

  it("counts reads over a budget and per window", () => {
    const spec = { capacity: 2, refillPerSecond: 1 };
    expect(budgetExcess([0, 0, 1_000, 2_000], spec)).toBeLessThanOrEqual(0);
    expect(budgetExcess([0, 0, 500, 2_000], spec)).toBeCloseTo(0.5);
    expect(budgetExcess([0, 0, 0], spec)).toBe(1);
    expect(maxReadsInWindow([0, 100, 999, 1_000, 1_500], 1_000)).toBe(3);
    expect(maxReadsInWindow([], 1_000)).toBe(0);
  });
});

describe("the rival's figures", () => {
  it("spaces a steady rival's reads evenly, half a gap in", () => {
    expect(steadyReads(20, 1_000, 1_200)).toEqual([1_025, 1_075, 1_125, 1_175]);
  });

  it("times the way back to the base from the burst's start, 0 when the rate was not above it", () => {
    const rates: [number, number][] = [[0, 5], [1_000, 9], [5_200, 12.5], [6_400, 5], [7_000, 6], [7_300, 5]];
    expect(msToBase(rates, 5, 6_000, 16_000)).toBe(1_300);
    expect(msToBase(rates, 5, 8_000, 16_000)).toBe(0);
    expect(msToBase(rates, 5, 500, 16_000)).toBe(6_800);
    // Still above the base when the burst ends: all of it.
    expect(msToBase(rates, 5, 5_000, 6_000)).toBe(1_000);
  });

  it("counts a rival's 429s apart from opwatch's, and those in its burst apart again", () => {
    const corpus = generateCorpus(CORPUS_SEED, 20).map((l) => ({ ...l, readErrors: [] }));
    const burst = { from: 1_000, to: 3_000 };
    const run = replayFleet(corpus, opwatch, { reads: [...steadyReads(400, 0, 2_000), ...steadyReads(100, burst.from, burst.to)], burst });
    expect(run.rival429s).toBeGreaterThan(0);
    expect(run.rival429sInBurst).toBeGreaterThan(0);
    expect(run.rival429sInBurst).toBeLessThan(run.rival429s);
  });
});
