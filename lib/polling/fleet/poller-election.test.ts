import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeLocks } from "@/lib/dev/test-support/fake-locks";
import { EARLY_STAND_MS, electPoller, standEarly, type ElectionEnvironment } from "./poller-election";

function tab(locks: ElectionEnvironment["locks"], visible = true, lockName = "lock") {
  let isVisible = visible;
  const listeners = new Set<() => void>();
  const changes: boolean[] = [];
  const stop = electPoller(
    lockName,
    {
      locks,
      isVisible: () => isVisible,
      onVisibilityChange: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    },
    (polling) => changes.push(polling),
  );
  return {
    changes,
    stop,
    polling: () => changes.at(-1) === true,
    setVisible: (v: boolean) => {
      isVisible = v;
      listeners.forEach((l) => {
        l();
      });
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("which tab polls", () => {
  it("one visible tab at a time; the next visible one takes over when it hides or closes", async () => {
    const locks = fakeLocks();
    const a = tab(locks);
    const b = tab(locks);
    await settle();
    expect([a.polling(), b.polling()]).toEqual([true, false]);
    a.setVisible(false);
    await settle();
    expect([a.polling(), b.polling()]).toEqual([false, true]);
    a.setVisible(true);
    await settle();
    expect([a.polling(), b.polling()]).toEqual([false, true]);
    b.stop();
    await settle();
    expect(a.polling()).toBe(true);
    a.stop();
  });

  it("nobody polls while every tab is hidden; a hidden tab does not queue", async () => {
    const locks = fakeLocks();
    const a = tab(locks, false);
    const b = tab(locks, false);
    await settle();
    expect([a.polling(), b.polling()]).toEqual([false, false]);
    b.setVisible(true);
    await settle();
    expect([a.polling(), b.polling()]).toEqual([false, true]);
    a.stop();
    b.stop();
  });

  it("without Web Locks every visible tab polls for itself", async () => {
    const a = tab(undefined);
    const b = tab(undefined);
    await settle();
    expect([a.polling(), b.polling()]).toEqual([true, true]);
    a.setVisible(false);
    expect(a.polling()).toBe(false);
    a.stop();
    b.stop();
  });
});

/** A tab whose views are still loading: it may stand early, before its election starts. */
const loading = (locks: ElectionEnvironment["locks"], visible = true): ElectionEnvironment => ({
  locks,
  isVisible: () => visible,
  onVisibilityChange: () => () => undefined,
});

describe("standing for polling early, while the views load", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("the election takes over a stand already granted: the tab polls at once, and lets go when it stops", async () => {
    const locks = fakeLocks();
    standEarly("early-granted", loading(locks));
    const a = tab(locks, true, "early-granted");
    expect(a.changes).toEqual([true]);
    const b = tab(locks, true, "early-granted");
    await settle();
    expect(b.polling()).toBe(false);
    a.stop();
    await settle();
    expect(b.polling()).toBe(true);
    b.stop();
  });

  it("the election takes over a stand still queued, and polls once the tab before it lets go", async () => {
    const locks = fakeLocks();
    const first = tab(locks, true, "early-queued");
    standEarly("early-queued", loading(locks));
    const second = tab(locks, true, "early-queued");
    await settle();
    expect([first.polling(), second.polling()]).toEqual([true, false]);
    first.stop();
    await settle();
    expect(second.polling()).toBe(true);
    second.stop();
  });

  it("a stand nobody takes over lets go in time, and the tab behind it polls", async () => {
    vi.useFakeTimers();
    const locks = fakeLocks();
    standEarly("early-unclaimed", loading(locks));
    // Another tab: its own page, so its election cannot take this one's stand over (the fake has one lock for all names).
    const other = tab(locks, true, "another-page");
    await vi.advanceTimersByTimeAsync(EARLY_STAND_MS - 1);
    expect(other.polling()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(other.polling()).toBe(true);
    other.stop();
  });

  it("a tab hidden by the time its election starts lets the stand go; a hidden tab does not stand", async () => {
    const locks = fakeLocks();
    standEarly("early-hidden", loading(locks));
    const hidden = tab(locks, false, "early-hidden");
    const other = tab(locks, true, "early-hidden");
    await settle();
    expect([hidden.polling(), other.polling()]).toEqual([false, true]);
    other.stop();
    hidden.stop();
    await settle();

    standEarly("never-visible", loading(locks, false));
    const visible = tab(locks, true, "never-visible");
    expect(visible.polling()).toBe(true);
    visible.stop();
  });
});
