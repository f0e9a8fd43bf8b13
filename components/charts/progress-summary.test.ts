import { describe, expect, it } from "vitest";
import { formatTimestamp } from "@/lib/operations/format";
import { progressSummary } from "./progress-summary";

const T0 = Date.UTC(2026, 10, 28, 12);
const clock = (at: number) => formatTimestamp(at).slice(11);

describe("progressSummary", () => {
  it("says how many reads, from what to what, and the estimate", () => {
    const points = [
      { at: T0, percent: 10 },
      { at: T0 + 5000, percent: 25 },
      { at: T0 + 10_000, percent: 40.5 },
    ];
    expect(progressSummary(points, undefined)).toBe(`Progress over the reads: 3 reads, from 10% at ${clock(T0)} to 40.5% at ${clock(T0 + 10_000)}.`);
    expect(progressSummary(points, T0 + 60_000)).toContain(`; estimated finish at ${clock(T0 + 60_000)}.`);
  });

  it("says where a finished operation's line ends", () => {
    const points = [
      { at: T0, percent: 20 },
      { at: T0 + 15_000, percent: 65, end: true as const },
    ];
    expect(progressSummary(points, undefined)).toBe(`Progress over the reads: 2 reads, from 20% at ${clock(T0)} to 65% at ${clock(T0 + 15_000)} (its end).`);
  });

  it("says so when there is nothing to draw", () => {
    expect(progressSummary([], undefined)).toBe("Progress over the reads: no percentage reported yet.");
  });
});
