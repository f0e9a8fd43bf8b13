import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startUndoTimer } from "./undo-timer";

describe("startUndoTimer", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("expires after its duration", () => {
    const expire = vi.fn();
    startUndoTimer(expire, 8000, 3000);
    vi.advanceTimersByTime(7999);
    expect(expire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(expire).toHaveBeenCalledTimes(1);
  });

  it("waits while paused, and gives at least the after-pause time once left", () => {
    const expire = vi.fn();
    const timer = startUndoTimer(expire, 8000, 3000);
    vi.advanceTimersByTime(7000);
    timer.pause();
    vi.advanceTimersByTime(60_000);
    expect(expire).not.toHaveBeenCalled();
    timer.resume();
    vi.advanceTimersByTime(2999);
    expect(expire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(expire).toHaveBeenCalledTimes(1);
  });

  it("keeps the rest of its time when a short pause ends early", () => {
    const expire = vi.fn();
    const timer = startUndoTimer(expire, 8000, 3000);
    timer.pause();
    vi.advanceTimersByTime(1000);
    timer.resume();
    vi.advanceTimersByTime(6999);
    expect(expire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(expire).toHaveBeenCalledTimes(1);
  });

  it("runs again only when hover and focus have both left", () => {
    const expire = vi.fn();
    const timer = startUndoTimer(expire, 1000, 1000);
    timer.pause();
    timer.pause();
    timer.resume();
    vi.advanceTimersByTime(10_000);
    expect(expire).not.toHaveBeenCalled();
    timer.resume();
    timer.resume(); // an extra leave changes nothing
    vi.advanceTimersByTime(1000);
    expect(expire).toHaveBeenCalledTimes(1);
  });

  it("never expires once cancelled", () => {
    const expire = vi.fn();
    startUndoTimer(expire, 1000, 1000).cancel();
    vi.advanceTimersByTime(5000);
    expect(expire).not.toHaveBeenCalled();
  });
});
