import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

/*
 * Unit tests run in node without a DOM, so React cannot mount the hook. A minimal stand-in for the three React hooks
 * it uses runs it instead: state survives re-renders, and effects run after a render when their dependencies change.
 */
const runner = vi.hoisted(() => {
  let states: unknown[] = [];
  let effects: { deps: unknown[]; cleanup?: (() => void) | undefined }[] = [];
  let cursor = 0;
  let effectCursor = 0;
  let render: () => void = () => undefined;
  let pending: (() => void)[] = [];
  return {
    mount(fn: () => void) {
      states = [];
      effects = [];
      render = () => {
        cursor = 0;
        effectCursor = 0;
        pending = [];
        fn();
        for (const run of pending) run();
      };
      render();
    },
    useState: <T>(initial: T) => {
      const i = cursor++;
      if (!(i in states)) states[i] = initial;
      const set = (next: T | ((prev: T) => T)) => {
        states[i] = typeof next === "function" ? (next as (prev: T) => T)(states[i] as T) : next;
        render();
      };
      return [states[i] as T, set] as const;
    },
    useEffect: (effect: () => (() => void) | undefined, deps: unknown[]) => {
      const i = effectCursor++;
      const previous = effects[i];
      if (previous?.deps.every((d, k) => Object.is(d, deps[k]))) return;
      pending.push(() => {
        previous?.cleanup?.();
        effects[i] = { deps, cleanup: effect() };
      });
    },
    useCallback: <T>(fn: T) => fn,
  };
});

vi.mock("react", () => ({ useState: runner.useState, useEffect: runner.useEffect, useCallback: runner.useCallback }));
const writeClipboard = vi.hoisted(() => vi.fn<(text: string) => Promise<boolean>>());
vi.mock("./clipboard", () => ({ writeClipboard }));

const { useCopyToClipboard } = await import("./use-copy-to-clipboard");

function mountHook(options?: { resetAfterMs?: number }) {
  let latest: ReturnType<typeof useCopyToClipboard> | undefined;
  runner.mount(() => {
    latest = useCopyToClipboard(options);
  });
  return () => {
    if (!latest) throw new Error("not rendered");
    return latest;
  };
}

describe("useCopyToClipboard", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    writeClipboard.mockReset();
  });

  it("says failed, without throwing, when every way to the clipboard is refused, then goes back to idle", async () => {
    writeClipboard.mockResolvedValue(false);
    const hook = mountHook({ resetAfterMs: 2000 });
    expect(hook().state).toBe("idle");
    expect(await hook().copy("id")).toBe(false);
    expect(writeClipboard).toHaveBeenCalledWith("id");
    expect(hook().state).toBe("failed");
    vi.advanceTimersByTime(2000);
    expect(hook().state).toBe("idle");
  });

  it("says copied, and keeps saying it when there is no reset (a link to copy by hand stays)", async () => {
    writeClipboard.mockResolvedValue(true);
    const hook = mountHook();
    await hook().copy("https://example/op");
    expect(hook().state).toBe("copied");
    vi.advanceTimersByTime(60_000);
    expect(hook().state).toBe("copied");
  });
});
