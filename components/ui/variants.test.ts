import { describe, expect, it } from "vitest";
import { cx, variants } from "./variants";

const badge = variants("base", { tone: { calm: "blue", loud: "red" }, size: { s: "small", l: "large" } }, { tone: "calm", size: "s" });

describe("variants", () => {
  it("uses the defaults when nothing is picked", () => {
    expect(badge()).toBe("base blue small");
  });

  it("replaces only the variants picked, and appends the caller's classes", () => {
    expect(badge({ size: "l", className: "mt-4" })).toBe("base blue large mt-4");
    expect(badge({ tone: "loud", size: undefined })).toBe("base red small");
  });

  it("rejects an option that does not exist, at compile time", () => {
    // @ts-expect-error -- "quiet" is not a tone.
    expect(badge({ tone: "quiet" })).toBe("base small");
  });
});

describe("cx", () => {
  it("skips empty and false classes", () => {
    expect(cx("a", false, undefined, null, "", "b")).toBe("a b");
  });
});
