import { describe, expect, it } from "vitest";
import { MinuteLimit, minuteLimitHeaders, secondsToReset } from "./minute-limit";

const MINUTE_START = Date.UTC(2026, 0, 15, 12, 0, 0);

describe("MinuteLimit", () => {
  it("counts each caller's reads in the clock minute, refuses once spent without spending, and starts again next minute", () => {
    const limit = new MinuteLimit(2);
    const at = MINUTE_START + 15_000;
    expect(limit.take("ada", at)).toEqual({ allowed: true, remaining: 1, resetAt: MINUTE_START + 60_000 });
    expect(limit.take("ADA", at)).toMatchObject({ allowed: true, remaining: 0 });
    const refused = limit.take("ada", at + 1000);
    expect(refused).toEqual({ allowed: false, remaining: 0, resetAt: MINUTE_START + 60_000 });
    expect(secondsToReset(refused, at + 1000)).toBe(44);
    expect(limit.take("grace", at)).toMatchObject({ allowed: true, remaining: 1 });
    expect(limit.take("ada", MINUTE_START + 60_000)).toEqual({ allowed: true, remaining: 1, resetAt: MINUTE_START + 120_000 });
  });

  it("says so in DevCenter's headers", () => {
    expect(minuteLimitHeaders({ allowed: true, remaining: 7, resetAt: MINUTE_START })).toEqual({
      "x-rate-limit-limit": "1m",
      "x-rate-limit-remaining": "7",
      "x-rate-limit-reset": "2026-01-15T12:00:00.000Z",
    });
  });

  it("keeps its memory bounded, forgetting past minutes first", () => {
    const limit = new MinuteLimit(1, 2);
    limit.take("a", MINUTE_START);
    limit.take("b", MINUTE_START + 60_000);
    limit.take("c", MINUTE_START + 60_000);
    expect(limit.take("b", MINUTE_START + 60_000).allowed).toBe(false);
    expect(limit.take("a", MINUTE_START + 60_000).allowed).toBe(true);
  });
});
