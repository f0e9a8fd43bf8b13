"use client";

import { useCallback, useSyncExternalStore } from "react";

/**
 * One clock for the whole page: every live time (elapsed, "polled 5 s ago", "next poll in 12 s") reads the same tick,
 * so 500 rows cost one timer, and each subscriber re-renders only its small leaf.
 */
const TICK_MS = 1000;
let now = 0;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

function getSnapshot(): number {
  if (now === 0) now = Date.now();
  return now;
}

/** 0 on the server: callers show no live time until the browser's clock is known. */
const getServerSnapshot = (): number => 0;

const subscribeNever = () => () => undefined;

/**
 * `active: false` stops ticking (an off-screen row): the value is then refreshed only when the component renders for
 * another reason, and at once when it becomes active again.
 */
export function useNow(active = true): number {
  return useSyncExternalStore(active ? subscribe : subscribeNever, getSnapshot, getServerSnapshot);
}

/** The clock rounded down to `stepMs`; its reader re-renders only when the rounded value moves, not every tick. */
export function useSteppedNow(stepMs: number): number {
  const getStepped = useCallback(() => {
    const value = getSnapshot();
    return value - (value % stepMs);
  }, [stepMs]);
  return useSyncExternalStore(subscribe, getStepped, getServerSnapshot);
}
