import { describe, expect, it } from "vitest";
import type { PollRecord } from "@/lib/polling/poll-record";
import { progressLine } from "./progress-line";

const T0 = Date.UTC(2026, 10, 28, 21, 59, 21);
const running = (at: number, percentComplete?: number): PollRecord => ({ at, outcome: "status", category: "running", percentComplete });
const failedRead = (at: number, percentComplete?: number): PollRecord => ({ at, outcome: "status", category: "failed", percentComplete });
const readError = (at: number): PollRecord => ({ at, outcome: "readError", httpStatus: 503 });

describe("progressLine", () => {
  it("places a running operation's reads when they were read, skipping reads without a percent", () => {
    const reads = [running(T0, 10), readError(T0 + 1000), running(T0 + 2000), running(T0 + 5000, 30)];
    expect(progressLine(reads, { category: "running", startTime: T0 - 60_000, endTime: undefined })).toEqual([
      { at: T0, percent: 10 },
      { at: T0 + 5000, percent: 30 },
    ]);
  });

  it("ends a finished operation's line at its own end time: the reads after the end add nothing", () => {
    const end = T0 + 15_000;
    // Read running twice, then only nine minutes after it had failed, twice.
    const reads = [running(T0, 20), running(T0 + 8000, 65), failedRead(end + 540_000, 65), failedRead(end + 548_000, 65)];
    expect(progressLine(reads, { category: "failed", startTime: T0, endTime: end })).toEqual([
      { at: T0, percent: 20 },
      { at: T0 + 8000, percent: 65 },
      { at: end, percent: 65, end: true },
    ]);
  });

  it("draws only the end of an operation first read after it ended", () => {
    const end = T0;
    expect(progressLine([failedRead(T0 + 540_000, 65), failedRead(T0 + 548_000, 65)], { category: "failed", startTime: T0 - 15_000, endTime: end })).toEqual([
      { at: end, percent: 65, end: true },
    ]);
  });

  it("takes a read of a running state after the end (a browser clock ahead of Azure's) as after the end", () => {
    const end = T0 + 10_000;
    expect(progressLine([running(T0, 40), running(end + 500, 90), failedRead(end + 5000, 90)], { category: "failed", startTime: T0, endTime: end })).toEqual([
      { at: T0, percent: 40 },
      { at: end, percent: 90, end: true },
    ]);
  });

  it("without an end time from Azure, ends at the first read that found it ended", () => {
    const reads = [running(T0, 40), failedRead(T0 + 5000, 70), failedRead(T0 + 10_000, 70)];
    expect(progressLine(reads, { category: "failed", startTime: undefined, endTime: undefined })).toEqual([
      { at: T0, percent: 40 },
      { at: T0 + 5000, percent: 70, end: true },
    ]);
  });

  it("leaves a finished line at its last read when the end reported no percent", () => {
    const end = T0 + 10_000;
    expect(progressLine([running(T0, 40), failedRead(end + 1000)], { category: "failed", startTime: T0, endTime: end })).toEqual([{ at: T0, percent: 40 }]);
  });

  it("never places a read before the operation's start (a browser clock behind Azure's)", () => {
    expect(progressLine([running(T0, 5)], { category: "running", startTime: T0 + 2000, endTime: undefined })).toEqual([{ at: T0 + 2000, percent: 5 }]);
  });

  it("is the reads as read when nothing is known of the operation yet", () => {
    expect(progressLine([running(T0, 5), running(T0 + 1, 6)], undefined)).toHaveLength(2);
  });
});
