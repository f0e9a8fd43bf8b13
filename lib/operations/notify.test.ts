import { describe, expect, it } from "vitest";
import type { StatusCategory } from "./model";
import { detectEndings, endingText } from "./notify";

describe("detectEndings", () => {
  it("announces a running operation that ends, once", () => {
    const first = detectEndings(new Map(), [{ key: "a", label: "A", category: "running", status: "InProgress" }]);
    expect(first.endings).toEqual([]);
    const second = detectEndings(first.seen, [{ key: "a", label: "A", category: "failed", status: "Failed" }]);
    expect(second.endings).toEqual([{ key: "a", label: "A", category: "failed", status: "Failed" }]);
    expect(endingText(second.endings[0] ?? { key: "", label: "", category: "failed", status: "" })).toBe("A ended: Failed");
    const third = detectEndings(second.seen, [{ key: "a", label: "A", category: "failed", status: "Failed" }]);
    expect(third.endings).toEqual([]);
  });

  it("does not announce operations already finished when first seen", () => {
    const result = detectEndings(new Map(), [{ key: "a", label: "A", category: "succeeded", status: "Succeeded" }]);
    expect(result.endings).toEqual([]);
  });

  it("keeps what it knew about an operation that has no reading now", () => {
    const previous = new Map<string, StatusCategory>([["a", "running"]]);
    const gap = detectEndings(previous, [{ key: "a", label: "A", category: undefined, status: undefined }]);
    expect(gap.seen.get("a")).toBe("running");
    const end = detectEndings(gap.seen, [{ key: "a", label: "A", category: "canceled", status: "Canceled" }]);
    expect(end.endings).toHaveLength(1);
  });
});
