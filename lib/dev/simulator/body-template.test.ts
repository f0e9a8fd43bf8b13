import { describe, expect, it } from "vitest";
import { fillTemplate } from "./body-template";

const times = { start: Date.UTC(2026, 0, 1, 0, 0, 0), now: Date.UTC(2026, 0, 1, 0, 1, 0), end: Date.UTC(2026, 0, 1, 0, 0, 30) };

describe("fillTemplate", () => {
  it("replaces whole-value placeholders anywhere in the JSON", () => {
    const body = { startTime: "{{start}}", endTime: "{{end}}", at: ["{{now}}", { child: "{{start+90s}}" }], n: 1, x: null };
    expect(fillTemplate(body, times)).toEqual({
      startTime: "2026-01-01T00:00:00.000Z",
      endTime: "2026-01-01T00:00:30.000Z",
      at: ["2026-01-01T00:01:00.000Z", { child: "2026-01-01T00:01:30.000Z" }],
      n: 1,
      x: null,
    });
  });

  it("leaves placeholders inside longer strings and look-alikes alone", () => {
    const body = { a: "started {{start}}", b: "{{START}}", c: "{{start+1.5s}}", d: "{{start-5s}}", e: " {{now}}" };
    expect(fillTemplate(body, times)).toEqual(body);
  });
});
