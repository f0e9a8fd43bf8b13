"use client";

import { useEffect } from "react";

/** "(3) opwatch" while three operations run; the count is what a person glances at from another tab. */
export function RunningTitle({ running, base = "opwatch" }: { running: number; base?: string }) {
  useEffect(() => {
    document.title = running > 0 ? `(${running}) ${base}` : base;
  }, [running, base]);
  useEffect(
    () => () => {
      document.title = base;
    },
    [base],
  );
  return null;
}
