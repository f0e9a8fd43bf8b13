import { describe, expect, it } from "vitest";
import { decideNextPoll } from "@/lib/polling/policy";
import { guidancePoller, sdkPoller } from "./baselines";
import { generateCorpus } from "./corpus";
import { seededRandom } from "./prng";
import { replay } from "./replay";
import { respond } from "./server";
import { plainLifetime } from "@/lib/dev/test-support/lifetimes";

describe("polling bench", () => {
  it("generates the same corpus for the same seed, within the promised ranges", () => {
    const a = generateCorpus(42, 200);
    expect(generateCorpus(42, 200)).toEqual(a);
    expect(generateCorpus(43, 200)).not.toEqual(a);
    for (const l of a) {
      expect(l.terminalAtMs).toBeGreaterThanOrEqual(5_000);
      expect(l.terminalAtMs).toBeLessThanOrEqual(3 * 3_600_000);
    }
    expect(a.some((l) => l.retryAfterMs !== undefined) && a.some((l) => l.retryAfterMs === undefined)).toBe(true);
    expect(a.some((l) => l.progress !== undefined) && a.some((l) => l.readErrors.length > 0)).toBe(true);
    expect(a.some((l) => l.outcome !== "succeeded")).toBe(true);
  });

  it("replays the baselines at their fixed intervals and measures detection delay", () => {
    const random = seededRandom(1);
    expect(replay(plainLifetime(10_000), sdkPoller, random)).toEqual({ polls: 6, readErrorPolls: 0, earlyPolls: 0, detectionDelayMs: 0 });
    expect(replay(plainLifetime(10_000), guidancePoller, random)).toEqual({ polls: 2, readErrorPolls: 0, earlyPolls: 0, detectionDelayMs: 50_000 });
    expect(replay(plainLifetime(100_000, { retryAfterMs: 30_000 }), sdkPoller, random)).toMatchObject({ polls: 5, detectionDelayMs: 20_000 });
  });

  it("counts read errors, and polls that came before Retry-After allowed", () => {
    const throttled = plainLifetime(30_000, { readErrors: [{ fromMs: 1_000, toMs: 5_000, httpStatus: 429, retryAfterMs: 10_000 }] });
    const impatient = () => ({ poll: true as const, delayMs: 1_000 });
    const result = replay(throttled, impatient, seededRandom(1));
    expect(result.readErrorPolls).toBe(4);
    expect(result.earlyPolls).toBe(4); // at 2, 3, 4 and 5 s, each within the previous 429's 10 s
    expect(replay(throttled, decideNextPoll, seededRandom(1)).earlyPolls).toBe(0);
  });

  it("reports percentComplete by shape, and 100 once succeeded", () => {
    const progress = { shape: "linear" as const, startsAtMs: 0, reaches100AtMs: 10_000, knots: [], steps: 4, integer: true };
    const life = plainLifetime(12_000, { progress });
    expect(respond(life, 5_000)).toMatchObject({ category: "running", percentComplete: 50 });
    expect(respond(life, 11_000)).toMatchObject({ category: "running", percentComplete: 100 });
    expect(respond(life, 12_000)).toMatchObject({ category: "succeeded", percentComplete: 100 });
    expect(respond(plainLifetime(12_000, { progress: { ...progress, shape: "steps" } }), 6_000).percentComplete).toBe(50);
  });
});
