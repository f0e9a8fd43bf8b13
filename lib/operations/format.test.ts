import { describe, expect, it } from "vitest";
import { countOf, elapsedMs, formatDuration, formatIn, formatJson, formatPercent, httpStatusName } from "./format";

describe("format", () => {
  it("formats durations at each scale", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(45_900)).toBe("45 s");
    expect(formatDuration(185_000)).toBe("3 min 05 s");
    expect(formatDuration(2 * 3_600_000 + 7 * 60_000)).toBe("2 h 07 min");
    expect(formatDuration(76 * 3_600_000)).toBe("3 d 4 h");
    expect(formatDuration(-5)).toBe("0 s");
    expect(formatDuration(Number.NaN)).toBe("—");
  });

  it("counts down to a time", () => {
    expect(formatIn(20_000, 0)).toBe("in 20 s");
    expect(formatIn(19_200, 0)).toBe("in 20 s");
    expect(formatIn(100, 0)).toBe("now");
  });

  it("measures elapsed time to the end or to now", () => {
    expect(elapsedMs(undefined, undefined, 5)).toBeUndefined();
    expect(elapsedMs(1000, 3000, 9000)).toBe(2000);
    expect(elapsedMs(1000, undefined, 9000)).toBe(8000);
  });

  it("names statuses and percents", () => {
    expect(httpStatusName(503)).toBe("ServiceUnavailable");
    expect(httpStatusName(299)).toBeUndefined();
    expect(formatPercent(42)).toBe("42%");
    expect(formatPercent(42.25)).toBe("42.3%");
  });
});

describe("formatJson", () => {
  it("indents JSON, names what is missing, and survives values JSON cannot hold", () => {
    expect(formatJson({ a: 1 }, "(empty)")).toBe('{\n  "a": 1\n}');
    expect(formatJson(undefined, "(no info)")).toBe("(no info)");
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(formatJson(cycle, "(empty)")).toBe("(this value cannot be shown as JSON)");
    expect(formatJson(10n, "(empty)")).toBe("(this value cannot be shown as JSON)");
  });
});

describe("countOf", () => {
  it("agrees the word with the count, with a plural of its own where -s is wrong", () => {
    expect(countOf(1, "read")).toBe("1 read");
    expect(countOf(0, "read")).toBe("0 reads");
    expect(countOf(4, "read")).toBe("4 reads");
    expect(countOf(2, "needs attention", "need attention")).toBe("2 need attention");
  });
});
