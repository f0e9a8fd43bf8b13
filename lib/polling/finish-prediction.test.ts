import { describe, expect, it } from "vitest";
import { predictFinish } from "./finish-prediction";
import type { PollRecord } from "./poll-record";

const at = (ms: number, percentComplete: number | undefined): PollRecord => ({ at: ms, outcome: "status", category: "running", percentComplete });

describe("predictFinish", () => {
  it("extrapolates a steady rate", () => {
    expect(predictFinish([at(0, 10), at(10_000, 20), at(20_000, 30)], 20_000)).toBe(90_000);
  });

  it("predicts nothing without a rising percent", () => {
    expect(predictFinish([], 0)).toBeUndefined();
    expect(predictFinish([at(0, 10)], 0)).toBeUndefined();
    expect(predictFinish([at(0, 40), at(5_000, 40)], 5_000)).toBeUndefined();
    expect(predictFinish([at(0, 40), at(5_000, 30)], 5_000)).toBeUndefined();
    expect(predictFinish([at(0, undefined), at(5_000, undefined)], 5_000)).toBeUndefined();
  });

  it("says overdue since the percent first reached 100", () => {
    expect(predictFinish([at(0, 90), at(5_000, 100), at(10_000, 100)], 10_000)).toBe(5_000);
  });

  it("starts the line where a plateau (a queue) ends", () => {
    // queued at 0 % for 20 s, then 2 % per second
    const history = [at(0, 0), at(10_000, 0), at(20_000, 0), at(25_000, 10), at(30_000, 20)];
    expect(predictFinish(history, 30_000)).toBe(70_000);
  });

  it("uses only recent polls", () => {
    const history = [at(0, 0), ...Array.from({ length: 10 }, (_, i) => at(100_000 + i * 1000, 50 + i))];
    // the last eight move 1 % per second: 41 % left from 59 % at 109 s
    expect(predictFinish(history, 109_000)).toBe(150_000);
  });

  it("ignores reads that failed", () => {
    const failed: PollRecord = { at: 15_000, outcome: "readError", httpStatus: 503 };
    expect(predictFinish([at(0, 10), at(10_000, 20), failed, at(20_000, 30)], 20_000)).toBe(90_000);
  });
});
