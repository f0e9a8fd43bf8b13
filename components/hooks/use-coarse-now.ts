"use client";

import { useNow } from "./use-now";

/** The shared clock rounded down to `stepMs`: charts that grow with time redraw every few seconds, not every tick. */
export function useCoarseNow(stepMs: number): number {
  const now = useNow();
  return now - (now % stepMs);
}
