"use client";

import { useEffect } from "react";
import { tabTitle, type Nameable } from "@/lib/operations/display-name";

/**
 * "(3) opwatch" while three operations run; the count is what a person glances at from another tab. Given an
 * operation (its page), the title names it the way rows do: "(1) conn-x 2a7b1…e1d · opwatch", never a bare GUID.
 */
export function RunningTitle({ running, base, item }: { running: number; base?: string; item?: Nameable }) {
  const title = base ?? (item ? tabTitle(item) : "opwatch");
  useEffect(() => {
    document.title = running > 0 ? `(${running}) ${title}` : title;
  }, [running, title]);
  useEffect(
    () => () => {
      document.title = title;
    },
    [title],
  );
  return null;
}
