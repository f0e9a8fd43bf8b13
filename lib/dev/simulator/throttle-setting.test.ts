import { describe, expect, it } from "vitest";
import { checkThrottleSetting, parseReadsPerMinuteText, parseThrottleText } from "./throttle-setting";

describe("SIM_ARM_READ_BUCKET text", () => {
  it.each([
    ["250/25", { capacity: 250, refillPerSecond: 25 }],
    [" 2 / 0.2 ", { capacity: 2, refillPerSecond: 0.2 }],
    ["3/.5", { capacity: 3, refillPerSecond: 0.5 }],
    ["1/0", { capacity: 1, refillPerSecond: 0 }],
    ["off", false],
    ["OFF", false],
  ])("reads %j", (text, expected) => {
    expect(parseThrottleText(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["", /must be "capacity\/refillPerSecond" \(e\.g\. "250\/25"\) or "off", not ""/],
    ["250", /must be "capacity\/refillPerSecond"/],
    ["250/25/1", /must be "capacity\/refillPerSecond"/],
    ["-1/5", /must be "capacity\/refillPerSecond"/],
    ["1e3/5", /must be "capacity\/refillPerSecond"/],
    ["false", /or "off", not "false"/],
    ["0/5", /^"0\/5": capacity must be between 1 and 100000$/],
    ["100001/5", /capacity must be between 1 and 100000/],
    ["2.5/5", /must be "capacity\/refillPerSecond"/],
    ["5/100001", /^"5\/100001": refillPerSecond must be between 0 and 100000$/],
  ])("refuses %j", (text, message) => {
    const parsed = parseThrottleText(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});

describe("checkThrottleSetting", () => {
  it("accepts false and a bucket within bounds", () => {
    expect(checkThrottleSetting(false)).toEqual({ ok: true, value: false });
    expect(checkThrottleSetting({ capacity: 100_000, refillPerSecond: 100_000 })).toEqual({ ok: true, value: { capacity: 100_000, refillPerSecond: 100_000 } });
  });

  it("names what is wrong", () => {
    expect(checkThrottleSetting(true)).toEqual({ ok: false, error: expect.stringMatching(/^throttle must be false or \{"capacity"/) as unknown });
    expect(checkThrottleSetting({ capacity: 2, refillPerSecond: Number.NaN })).toEqual({ ok: false, error: "refillPerSecond must be a finite number" });
  });
});

describe("SIM_DEVCENTER_READS_PER_MINUTE text", () => {
  it("takes a whole number of reads or off", () => {
    expect(parseReadsPerMinuteText(" 300 ")).toEqual({ ok: true, value: 300 });
    expect(parseReadsPerMinuteText("OFF")).toEqual({ ok: true, value: false });
  });

  it.each(["0", "1.5", "-1", "lots", "", "1000000"])("refuses %j, saying what it takes", (text) => {
    const parsed = parseReadsPerMinuteText(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/whole number/);
  });
});
