import { describe, expect, it } from "vitest";
import {
  MAX_RATELIMIT_HEADERS,
  RATELIMIT_REMAINING_HEADER,
  devcenterRateLimitHeaders,
  devcenterRateWindow,
  ratelimitRemainingHeaders,
  remainingReads,
} from "./ratelimit-headers";

describe("RATELIMIT_REMAINING_HEADER", () => {
  it.each([
    "x-ms-ratelimit-remaining-subscription-reads",
    "x-ms-ratelimit-remaining-subscription-global-reads",
    "x-ms-ratelimit-remaining-tenant-reads",
    "x-ms-ratelimit-remaining-subscription-writes",
    "x-ms-ratelimit-remaining-subscription-resource-requests",
  ])("admits %s", (name) => {
    expect(RATELIMIT_REMAINING_HEADER.test(name)).toBe(true);
  });

  it.each([
    "x-ms-ratelimit-remaining-",
    "x-ms-ratelimit-remaining--reads",
    "x-ms-ratelimit-remaining-Subscription-Reads",
    "x-ms-ratelimit-remaining-reads2",
    "x-ms-ratelimit-remaining-sub_reads",
    "x-ms-ratelimit-remaining-reads\n",
    "x-ms-ratelimit-remaining-reads;x",
    "x-ms-ratelimit-used-subscription-reads",
    "prefix-x-ms-ratelimit-remaining-subscription-reads",
    `x-ms-ratelimit-remaining-${"a".repeat(65)}`,
  ])("refuses %j", (name) => {
    expect(RATELIMIT_REMAINING_HEADER.test(name)).toBe(false);
  });
});

describe("ratelimitRemainingHeaders", () => {
  it("keeps names and values that follow the rules, values as sent, from node:http's header object", () => {
    const upstream = {
      "content-type": "application/json",
      "x-ms-ratelimit-remaining-subscription-reads": "249",
      "x-ms-ratelimit-remaining-subscription-writes": "007",
      "x-ms-ratelimit-remaining-tenant-reads": "12345678901234567890",
      "x-ms-ratelimit-remaining-negative-reads": "-1",
      "x-ms-ratelimit-remaining-fraction-reads": "1.5",
      "x-ms-ratelimit-remaining-spaced-reads": " 1",
      "x-ms-ratelimit-remaining-joined-reads": "1, 2",
      "x-ms-ratelimit-remaining-long-reads": "123456789012345678901",
      "x-ms-ratelimit-remaining-empty-reads": "",
      "x-ms-ratelimit-remaining-array-reads": ["1"],
      "x-ms-ratelimit-remaining-missing-reads": undefined,
      "set-cookie": ["a=1"],
    };
    expect(ratelimitRemainingHeaders(Object.entries(upstream))).toEqual([
      ["x-ms-ratelimit-remaining-subscription-reads", "249"],
      ["x-ms-ratelimit-remaining-subscription-writes", "007"],
      ["x-ms-ratelimit-remaining-tenant-reads", "12345678901234567890"],
    ]);
  });

  it(`keeps at most ${MAX_RATELIMIT_HEADERS}, the first ones given, counting only valid ones`, () => {
    const entries: [string, string][] = [["x-ms-ratelimit-remaining-bad-reads", "x"]];
    for (let i = 0; i < MAX_RATELIMIT_HEADERS + 3; i++) entries.push([`x-ms-ratelimit-remaining-${"b".repeat(i + 1)}-reads`, String(i)]);
    const kept = ratelimitRemainingHeaders(entries);
    expect(kept).toHaveLength(MAX_RATELIMIT_HEADERS);
    expect(kept[0]).toEqual(["x-ms-ratelimit-remaining-b-reads", "0"]);
    expect(kept.at(-1)?.[1]).toBe(String(MAX_RATELIMIT_HEADERS - 1));
  });
});

describe("remainingReads", () => {
  it("is the smallest of the -reads buckets of a fetch Headers, ignoring writes and other counters", () => {
    const headers = new Headers({
      "X-MS-RateLimit-Remaining-Subscription-Reads": "249",
      "x-ms-ratelimit-remaining-subscription-global-reads": "3600",
      "x-ms-ratelimit-remaining-tenant-reads": "120",
      "x-ms-ratelimit-remaining-subscription-writes": "3",
      "x-ms-ratelimit-remaining-subscription-resource-requests": "1",
    });
    expect(remainingReads(headers)).toBe(120);
  });

  it("reads 0 as 0, not as missing", () => {
    expect(remainingReads(new Headers({ "x-ms-ratelimit-remaining-subscription-reads": "0" }))).toBe(0);
  });

  it("skips values that are not counts and is undefined when no -reads bucket is left", () => {
    expect(remainingReads(new Headers())).toBeUndefined();
    expect(remainingReads(new Headers({ "x-ms-ratelimit-remaining-subscription-writes": "5" }))).toBeUndefined();
    expect(remainingReads(new Headers({ "x-ms-ratelimit-remaining-subscription-reads": "soon" }))).toBeUndefined();
    expect(
      remainingReads(
        new Headers({ "x-ms-ratelimit-remaining-subscription-reads": "-3", "x-ms-ratelimit-remaining-tenant-reads": "17" }),
      ),
    ).toBe(17);
  });
});

describe("devcenterRateLimitHeaders", () => {
  it("keeps DevCenter's three headers with the values it sends, from node:http's header object", () => {
    const upstream = {
      "content-type": "application/json",
      "x-rate-limit-limit": "1m",
      "x-rate-limit-remaining": "998",
      "x-rate-limit-reset": "2025-06-01T10:01:00.0000000Z",
    };
    expect(devcenterRateLimitHeaders(Object.entries(upstream))).toEqual([
      ["x-rate-limit-limit", "1m"],
      ["x-rate-limit-remaining", "998"],
      ["x-rate-limit-reset", "2025-06-01T10:01:00.0000000Z"],
    ]);
  });

  it.each([
    ["x-rate-limit-limit", "300"],
    ["x-rate-limit-limit", "0.5s"],
    ["x-rate-limit-limit", "12h"],
    ["x-rate-limit-remaining", "0"],
    ["x-rate-limit-reset", "60"],
    ["x-rate-limit-reset", "2025-06-01T10:01:00+02:00"],
    ["x-rate-limit-reset", "Sun, 01 Jun 2025 10:01:00 GMT"],
  ])("admits %s: %s", (name, value) => {
    expect(devcenterRateLimitHeaders([[name, value]])).toEqual([[name, value]]);
  });

  it.each([
    ["x-rate-limit-limit", "1 m"],
    ["x-rate-limit-limit", "1w"],
    ["x-rate-limit-limit", "one minute"],
    ["x-rate-limit-remaining", "-1"],
    ["x-rate-limit-remaining", "1.5"],
    ["x-rate-limit-remaining", "5, 7"],
    ["x-rate-limit-remaining", "123456789012345678901"],
    ["x-rate-limit-remaining", ""],
    ["x-rate-limit-reset", "tomorrow"],
    ["x-rate-limit-reset", "2025-06-01T10:01:00.0000000Z\r\nSet-Cookie: a=b"],
    ["x-rate-limit-reset", `2025-06-01T10:01:00.${"0".repeat(50)}Z`],
    ["x-rate-limit-used", "1"],
    ["x-ratelimit-remaining", "1"],
  ])("refuses %s: %j", (name, value) => {
    expect(devcenterRateLimitHeaders([[name, value]])).toEqual([]);
  });

  it("never keeps a repeated header (node:http gives an array or a joined list)", () => {
    expect(devcenterRateLimitHeaders([["x-rate-limit-remaining", ["1", "2"]]])).toEqual([]);
    expect(devcenterRateLimitHeaders(new Headers([["X-Rate-Limit-Remaining", "1"], ["X-Rate-Limit-Remaining", "2"]]))).toEqual([]);
  });
});

describe("devcenterRateWindow", () => {
  const NOW = Date.UTC(2025, 5, 1, 10, 0, 30);

  it("reads the window's length, what is left of it and when it starts again", () => {
    const headers = new Headers({ "x-rate-limit-limit": "1m", "x-rate-limit-remaining": "998", "x-rate-limit-reset": "2025-06-01T10:01:00.0000000Z" });
    expect(devcenterRateWindow(headers, NOW)).toEqual({ remaining: 998, count: undefined, windowMs: 60_000, resetAt: Date.UTC(2025, 5, 1, 10, 1) });
  });

  it("takes a bare limit as the window's count, and seconds as a reset from now or, past 2001, since the epoch", () => {
    expect(devcenterRateWindow([["x-rate-limit-limit", "300"], ["x-rate-limit-remaining", "7"], ["x-rate-limit-reset", "30"]], NOW)).toEqual({
      remaining: 7,
      count: 300,
      windowMs: undefined,
      resetAt: NOW + 30_000,
    });
    expect(devcenterRateWindow([["x-rate-limit-remaining", "7"], ["x-rate-limit-reset", "1748772060"]], NOW)?.resetAt).toBe(1_748_772_060_000);
  });

  it("is undefined without a readable remainder, and leaves out what it cannot read", () => {
    expect(devcenterRateWindow(new Headers({ "x-rate-limit-limit": "1m" }), NOW)).toBeUndefined();
    expect(devcenterRateWindow(new Headers({ "x-rate-limit-remaining": "-1" }), NOW)).toBeUndefined();
    expect(devcenterRateWindow(new Headers({ "x-rate-limit-remaining": "99999999999999999999" }), NOW)).toBeUndefined();
    expect(devcenterRateWindow([["x-rate-limit-limit", "0m"], ["x-rate-limit-remaining", "3"], ["x-rate-limit-reset", "tomorrow"]], NOW)).toEqual({
      remaining: 3,
      count: undefined,
      windowMs: undefined,
      resetAt: undefined,
    });
  });
});
