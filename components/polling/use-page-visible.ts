"use client";

import { useSyncExternalStore } from "react";

const subscribe = (listener: () => void) => {
  document.addEventListener("visibilitychange", listener);
  return () => {
    document.removeEventListener("visibilitychange", listener);
  };
};
const isVisible = () => document.visibilityState === "visible";

/** Whether the tab is shown (not minimised, not behind another tab); true on the server. */
export function usePageVisible(): boolean {
  return useSyncExternalStore(subscribe, isVisible, () => true);
}
