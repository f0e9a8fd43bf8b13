"use client";

import { useSteppedNow } from "./use-now";

/**
 * The shared clock rounded down to `stepMs`: charts that grow with time redraw every few seconds, and do not even
 * re-render on the ticks in between.
 */
export function useCoarseNow(stepMs: number): number {
  return useSteppedNow(stepMs);
}
