"use client";

import { useSyncExternalStore } from "react";
import type { OperationRef } from "@/lib/azure/operation-ref";
import { useReadInterest } from "./fleet-provider";

const subscribe = (listener: () => void) => {
  document.addEventListener("visibilitychange", listener);
  return () => {
    document.removeEventListener("visibilitychange", listener);
  };
};
const isVisible = () => document.visibilityState === "visible";

/** Whether the tab is shown (not minimised, not behind another tab); true on the server. */
function usePageVisible(): boolean {
  return useSyncExternalStore(subscribe, isVisible, () => true);
}

/**
 * An operation's page: "open" (read at least every 5 s) while the person can see it; in a hidden tab it still
 * comes first in line, but at the operation's own pace, since nobody is waiting on that screen.
 */
export function useOpenInterest(ref: OperationRef): void {
  useReadInterest(ref, usePageVisible() ? "open" : "onScreen");
}
