import { afterEach, describe, expect, it, vi } from "vitest";
import { createNotBeforeMemory, NOT_BEFORE_KEY, type NotBeforeStorage } from "./not-before-memory";

const storage = (initial?: string): NotBeforeStorage & { value: () => string | null; writes: () => number } => {
  let value: string | null = initial ?? null;
  let writes = 0;
  return {
    getItem: () => value,
    setItem: (_k, v) => {
      writes++;
      value = v;
    },
    value: () => value,
    writes: () => writes,
  };
};

afterEach(() => vi.useRealTimers());

describe("Retry-After memory", () => {
  it("remembers a future time and forgets it once passed or cleared", () => {
    const memory = createNotBeforeMemory(storage(), 1_000);
    memory.remember("a", 5_000, 1_000);
    expect(memory.get("a", 2_000)).toBe(5_000);
    expect(memory.get("a", 6_000)).toBeUndefined();
    memory.remember("a", undefined, 2_000);
    expect(memory.get("a", 2_000)).toBeUndefined();
  });

  it("survives a reload: what one page remembered, the next one reads", () => {
    const shared = storage();
    const first = createNotBeforeMemory(shared, 1_000);
    first.remember("a", 60_000, 1_000);
    first.flush();
    expect(createNotBeforeMemory(shared, 2_000).get("a", 2_000)).toBe(60_000);
    expect(JSON.parse(shared.value() ?? "{}")).toEqual({ a: 60_000 });
  });

  it("writes at most once per delay however many operations change", () => {
    vi.useFakeTimers({ now: 0 });
    const shared = storage();
    const memory = createNotBeforeMemory(shared, 0, 1000);
    for (let i = 0; i < 500; i++) memory.remember(`op${i}`, 30_000, 0);
    expect(shared.writes()).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(shared.writes()).toBe(1);
    expect(Object.keys(JSON.parse(shared.value() ?? "{}") as object)).toHaveLength(500);
  });

  it("ignores garbage and unbelievable times", () => {
    expect(createNotBeforeMemory(storage("not json"), 0).get("a", 0)).toBeUndefined();
    expect(createNotBeforeMemory(storage(JSON.stringify({ a: "soon" })), 0).get("a", 0)).toBeUndefined();
    expect(createNotBeforeMemory(storage(JSON.stringify({ a: 24 * 3_600_000 })), 0).get("a", 0)).toBeUndefined();
    expect(NOT_BEFORE_KEY).toBe("opwatch.notbefore.v1");
  });

  it("loses nothing but the memory when storage refuses to write", () => {
    vi.useFakeTimers({ now: 0 });
    const memory = createNotBeforeMemory({ getItem: () => null, setItem: () => { throw new Error("QuotaExceededError"); } }, 0, 10);
    memory.remember("a", 5_000, 0);
    expect(() => vi.advanceTimersByTime(10)).not.toThrow();
    expect(memory.get("a", 1_000)).toBe(5_000);
  });
});
