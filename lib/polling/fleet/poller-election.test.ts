import { describe, expect, it } from "vitest";
import { fakeLocks } from "@/lib/dev/test-support/fake-locks";
import { electPoller, type ElectionEnvironment } from "./poller-election";

function tab(locks: ElectionEnvironment["locks"], visible = true) {
  let isVisible = visible;
  const listeners = new Set<() => void>();
  const changes: boolean[] = [];
  const stop = electPoller(
    "lock",
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
