import { describe, expect, it } from "vitest";
import { formatMs, latencySummary, outcomeKey, share, Tally } from "./tally";
import { answerOf, azureErrorOf } from "./answer";

const answer = (status: number, errorCode?: string, retryAfter?: string) =>
  ({ kind: "answer", status, errorCode, retryAfter, ms: 1 }) as const;

describe("outcomeKey", () => {
  it("names the status, with Azure's error code when there is one, or why no answer came", () => {
    expect(outcomeKey(answer(200))).toBe("200");
    expect(outcomeKey(answer(429, "ProxyRateLimited"))).toBe("429 ProxyRateLimited");
    expect(outcomeKey({ kind: "failed", reason: "ECONNRESET" })).toBe("failed ECONNRESET");
  });
});

describe("azureErrorOf", () => {
  it("reads error.code and error.message of Azure's shape and nothing else", () => {
    expect(azureErrorOf('{"error":{"code":"ProxyOverloaded","message":"m"}}')).toEqual({ code: "ProxyOverloaded", message: "m" });
    expect(azureErrorOf('{"error":{"code":"X"}}')).toEqual({ code: "X", message: undefined });
    expect(azureErrorOf('{"error":{"code":42}}')).toBeUndefined();
    expect(azureErrorOf("null")).toBeUndefined();
    expect(azureErrorOf("<html>")).toBeUndefined();
  });
});

describe("answerOf", () => {
  it("reads Azure's error and Retry-After, whatever the case of the header's name, and keeps the latency", () => {
    const body = '{"error":{"code":"ProxyRateLimited","message":"slow down"}}';
    expect(answerOf(429, body, { "Retry-After": "2" }, 3.5)).toEqual({
      kind: "answer",
      status: 429,
      errorCode: "ProxyRateLimited",
      errorMessage: "slow down",
      retryAfter: "2",
      ms: 3.5,
    });
    expect(answerOf(503, body, { "RETRY-AFTER": ["5", "6"] }, 1)).toMatchObject({ retryAfter: "5" });
  });

  it("reads no error code from a success, even one shaped like an error", () => {
    expect(answerOf(200, '{"error":{"code":"X"}}', {}, 1)).toEqual({ kind: "answer", status: 200, errorCode: undefined, retryAfter: undefined, ms: 1 });
  });
});

describe("Tally", () => {
  it("counts outcomes, the first time each status came and refusals without Retry-After", () => {
    const tally = new Tally(1000);
    tally.add(answer(200), 1010);
    tally.add(answer(429, "ProxyRateLimited", "1"), 1250);
    tally.add(answer(429, "ProxyRateLimited"), 1300);
    tally.add({ ...answer(503, "ProxyOverloaded", "1"), errorMessage: "too many calls in flight" }, 1400);
    tally.add({ ...answer(503, "ProxyOverloaded", "1"), errorMessage: "a later message" }, 1450);
    tally.add({ kind: "failed", reason: "ECONNRESET" }, 1500);
    expect(tally.total).toBe(6);
    expect(tally.unanswered).toBe(0);
    tally.sent = 8;
    expect(tally.unanswered).toBe(2);
    expect(tally.latencies).toHaveLength(5);
    expect(tally.count((s) => s === 429)).toBe(2);
    expect(tally.count((s) => s >= 200 && s < 300)).toBe(1);
    expect(tally.firstAt.get(429)).toBe(250);
    expect(tally.firstAt.get(503)).toBe(400);
    expect(tally.missingRetryAfter).toBe(1);
    expect(tally.messages.get("503 ProxyOverloaded")).toBe("too many calls in flight");
    expect(tally.errors()).toEqual([
      ["429 ProxyRateLimited", 2],
      ["503 ProxyOverloaded", 2],
      ["failed ECONNRESET", 1],
    ]);
  });
});

describe("latencySummary", () => {
  it("gives nearest-rank p50 and p99 and the maximum", () => {
    const latencies = Array.from({ length: 100 }, (_, i) => i + 1).reverse();
    expect(latencySummary(latencies)).toEqual({ p50: 50, p99: 99, max: 100 });
  });

  it("is NaN throughout for no samples, printed as a dash", () => {
    const summary = latencySummary([]);
    expect(summary.max).toBeNaN();
    expect(formatMs(summary.p50)).toBe("-");
  });
});

describe("formatting", () => {
  it("prints small latencies with a decimal and shares as percentages", () => {
    expect(formatMs(2.345)).toBe("2.3");
    expect(formatMs(123.4)).toBe("123");
    expect(share(1, 8)).toBe("12.5%");
    expect(share(0, 0)).toBe("-");
  });
});
