import { describe, expect, it } from "vitest";
import { estimateFinish } from "./format-estimate";

describe("estimateFinish", () => {
  it("extrapolates a steady rate", () => {
    expect(
      estimateFinish([
        { at: 0, percent: 10 },
        { at: 10_000, percent: 20 },
        { at: 20_000, percent: 30 },
      ]),
    ).toBe(90_000);
  });

  it("gives no estimate without movement", () => {
    expect(estimateFinish([])).toBeUndefined();
    expect(estimateFinish([{ at: 0, percent: 10 }])).toBeUndefined();
    expect(estimateFinish([{ at: 0, percent: 40 }, { at: 5_000, percent: 40 }])).toBeUndefined();
    expect(estimateFinish([{ at: 0, percent: 40 }, { at: 5_000, percent: 30 }])).toBeUndefined();
    expect(estimateFinish([{ at: 0, percent: 90 }, { at: 5_000, percent: 100 }])).toBeUndefined();
  });

  it("uses only recent polls", () => {
    const points = [{ at: 0, percent: 0 }, ...Array.from({ length: 10 }, (_, i) => ({ at: 100_000 + i * 1000, percent: 50 + i }))];
    // the last ten move 1 % per second: 41 % left from 59 % at 109 s
    expect(estimateFinish(points)).toBe(150_000);
  });
});
