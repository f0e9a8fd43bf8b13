import { describe, expect, it } from "vitest";
import { NOT_BEFORE_KEY, rememberNotBefore, storedNotBefore, waitUntil, type NotBeforeStorage } from "./fetch-operation-not-before";

const memory = (initial?: string): NotBeforeStorage & { value: () => string | null } => {
  let value: string | null = initial ?? null;
  return { getItem: () => value, setItem: (_k, v) => void (value = v), value: () => value };
};

describe("Retry-After memory", () => {
  it("remembers a future time and forgets it once passed or cleared", () => {
    const storage = memory();
    rememberNotBefore("a", 5_000, 1_000, storage);
    expect(storedNotBefore("a", 2_000, storage)).toBe(5_000);
    expect(storedNotBefore("a", 6_000, storage)).toBeUndefined();
    rememberNotBefore("a", undefined, 2_000, storage);
    expect(storedNotBefore("a", 2_000, storage)).toBeUndefined();
  });

  it("ignores garbage and unbelievable times", () => {
    expect(storedNotBefore("a", 0, memory("not json"))).toBeUndefined();
    expect(storedNotBefore("a", 0, memory(JSON.stringify({ a: "soon" })))).toBeUndefined();
    expect(storedNotBefore("a", 0, memory(JSON.stringify({ a: 24 * 3_600_000 })))).toBeUndefined();
    expect(NOT_BEFORE_KEY).toBe("opwatch.notbefore.v1");
  });

  it("waits, and stops waiting when cancelled", async () => {
    const started = Date.now();
    await waitUntil(started + 30, started, new AbortController().signal);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    const controller = new AbortController();
    const pending = waitUntil(Date.now() + 60_000, Date.now(), controller.signal);
    controller.abort(new Error("cancelled by test"));
    await expect(pending).rejects.toThrow("cancelled by test");
  });
});
