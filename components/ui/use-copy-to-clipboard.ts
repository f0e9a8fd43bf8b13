"use client";

import { useCallback, useEffect, useState } from "react";
import { writeClipboard } from "./clipboard";

export type CopyState = "idle" | "copied" | "failed";

/**
 * Copies text and remembers how it went, for the button or live region that says so. With `resetAfterMs` the state
 * falls back to "idle" (a button label that said "Copied" for a moment); without it the outcome stays until the next
 * copy (a message the person may still need, such as a link to copy by hand).
 */
export function useCopyToClipboard({ resetAfterMs }: { resetAfterMs?: number } = {}): {
  state: CopyState;
  copy: (text: string) => Promise<boolean>;
} {
  const [state, setState] = useState<CopyState>("idle");
  // Two copies in a row both show their outcome: each one restarts the reset timer.
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (state === "idle" || resetAfterMs === undefined) return;
    const timer = setTimeout(() => {
      setState("idle");
    }, resetAfterMs);
    return () => {
      clearTimeout(timer);
    };
  }, [state, attempt, resetAfterMs]);

  const copy = useCallback(async (text: string) => {
    const ok = await writeClipboard(text);
    setState(ok ? "copied" : "failed");
    setAttempt((n) => n + 1);
    return ok;
  }, []);

  return { state, copy };
}
