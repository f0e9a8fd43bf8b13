import { describe, expect, it } from "vitest";
import { formatTimestamp } from "@/lib/operations/format";
import { leftOutSentence, RECENT_MS, selectRecent, timelineRows, type TimelineItem } from "./timeline-rows";

const NOW = Date.UTC(2026, 10, 28, 12);
const HOUR = 3_600_000;
const item = (key: string, start: number, end: number | undefined, category: TimelineItem["category"] = end === undefined ? "running" : "succeeded"): TimelineItem => ({
  key,
  name: key,
  full: key,
  axis: { name: key, id: key },
  start,
  end,
  category,
});

describe("selectRecent", () => {
  const example2023 = item("example-2023", Date.UTC(2023, 5, 21, 3, 23), Date.UTC(2023, 5, 21, 3, 25), "failed");
  const today = item("today", NOW - HOUR, NOW - HOUR / 2);
  const running = item("running", NOW - 10 * 60_000, undefined);

  it("draws running operations and those that ended within the last 24 hours, and counts the rest", () => {
    const selection = selectRecent([example2023, today, running], NOW);
    expect(selection.drawn.map((i) => i.key)).toEqual(["today", "running"]);
    expect(selection.leftOut).toBe(1);
    expect(selection.cutoff).toBe(NOW - RECENT_MS);
  });

  it("keeps an operation that started long ago while it still runs, and one that ended exactly at the cutoff", () => {
    const longRunning = item("long", NOW - 30 * 24 * HOUR, undefined);
    const atCutoff = item("edge", NOW - 25 * HOUR, NOW - RECENT_MS);
    const justBefore = item("before", NOW - 25 * HOUR, NOW - RECENT_MS - 1);
    expect(selectRecent([longRunning, atCutoff, justBefore], NOW).drawn.map((i) => i.key)).toEqual(["long", "edge"]);
  });

  it("takes an ended operation without an end time as ending when it started (it must not run to now)", () => {
    const noEnd = item("no-end", Date.UTC(2023, 0, 1), undefined, "succeeded");
    expect(selectRecent([noEnd], NOW)).toMatchObject({ drawn: [], leftOut: 1 });
  });

  it("with only recent operations, the axis spans hours, not years", () => {
    const { drawn } = selectRecent([example2023, today, running], NOW);
    const rows = timelineRows(drawn, NOW);
    expect(Math.max(...rows.map((r) => r.offset + r.span))).toBeLessThanOrEqual(HOUR);
  });
});

describe("leftOutSentence", () => {
  const when = formatTimestamp(NOW - RECENT_MS).slice(0, 16);
  it("says how many were left out and before when, or nothing", () => {
    expect(leftOutSentence({ leftOut: 0, cutoff: NOW - RECENT_MS })).toBeUndefined();
    expect(leftOutSentence({ leftOut: 1, cutoff: NOW - RECENT_MS })).toBe(`1 operation ended before ${when} is not drawn.`);
    expect(leftOutSentence({ leftOut: 2, cutoff: NOW - RECENT_MS })).toBe(`2 operations ended before ${when} are not drawn.`);
  });
});
