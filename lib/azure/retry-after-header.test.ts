import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "./retry-after-header";

const NOW = Date.UTC(2026, 10, 24, 8, 0, 0); // Tue, 24 Nov 2026 08:00:00 GMT

describe("parseRetryAfter", () => {
  it.each<[string | null | undefined, number | undefined]>([
    ["5", 5_000],
    ["  5 ", 5_000],
    ["10", 10_000],
    ["60", 60_000],
    ["600", 600_000],
    ["0", 0],
    ["007", 7_000],
    ["601", 601_000],
    ["86400", 86_400_000],
    ["9999999999", 9_999_999_999_000],
    ["9".repeat(400), Number.POSITIVE_INFINITY],
    ["5s", undefined],
    ["-1", undefined],
    ["+5", undefined],
    ["1e3", undefined],
    ["0x10", undefined],
    ["1.5", undefined],
    ["5 5", undefined],
    ["", undefined],
    ["   ", undefined],
    ["soon", undefined],
    [null, undefined],
    [undefined, undefined],
  ])("seconds form %j -> %j", (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it.each<[string, number | undefined]>([
    ["Tue, 24 Nov 2026 08:00:30 GMT", 30_000],
    ["  Tue, 24 Nov 2026 08:02:00 GMT  ", 120_000],
    ["Tue, 24 Nov 2026 07:00:00 GMT", 0], // in the past
    ["Tue, 24 Nov 2026 08:00:00 GMT", 0], // exactly now
    ["Wed, 25 Nov 2026 08:00:00 GMT", 86_400_000], // a day away
    ["Sun, 06 Nov 1994 08:49:37 GMT", 0],
    ["Tue, 24 Nov 2026 08:00:30 UTC", undefined],
    ["Tuesday, 24-Nov-26 08:00:30 GMT", undefined], // obsolete RFC 850 form
    ["Tue Nov 24 08:00:30 2026", undefined], // obsolete asctime form
    ["Tue, 31 Feb 2026 08:00:30 GMT", undefined],
    ["Tue, 24 Nov 2026 24:00:30 GMT", undefined],
    ["Tue, 24 Nov 2026 08:61:30 GMT", undefined],
    ["tue, 24 nov 2026 08:00:30 gmt", undefined],
    ["2026-11-24T08:00:30Z", undefined],
  ])("date form %j -> %j", (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it("rejects a date when the clock is unusable", () => {
    expect(parseRetryAfter("Tue, 24 Nov 2026 08:00:30 GMT", Number.NaN)).toBeUndefined();
    expect(parseRetryAfter("30", Number.NaN)).toBe(30_000);
  });

  it("never throws, and never gives a negative wait", () => {
    const dates = fc.date({ min: new Date(0), max: new Date(Date.UTC(9999, 0, 1)), noInvalidDate: true }).map((d) => d.toUTCString());
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.nat().map(String), dates, fc.constant(null), fc.constant(undefined)),
        fc.oneof(fc.double(), fc.integer({ min: 0, max: 4e12 })),
        (value, now) => {
          const ms = parseRetryAfter(value, now);
          return ms === undefined || ms >= 0;
        },
      ),
    );
  });

  it("reads back any date it could have been sent", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 900 }), (seconds) => {
        const header = new Date(NOW + seconds * 1000).toUTCString();
        expect(parseRetryAfter(header, NOW)).toBe(seconds * 1000);
      }),
    );
  });
});
