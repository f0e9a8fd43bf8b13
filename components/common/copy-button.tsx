"use client";

import { useEffect, useState } from "react";

/** Copies text and says so; a refused clipboard (permissions, http) is reported, never thrown. */
export function CopyButton({
  text,
  label,
  className,
  testId,
  children,
}: {
  text: string | (() => string);
  /** Accessible name, e.g. "Copy operation id". */
  label: string;
  className?: string;
  testId?: string;
  children?: React.ReactNode;
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const t = setTimeout(() => {
      setState("idle");
    }, 2000);
    return () => {
      clearTimeout(t);
    };
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(typeof text === "function" ? text() : text);
      setState("copied");
    } catch {
      setState("failed");
    }
  };

  return (
    <>
    <button
      type="button"
      aria-label={label}
      data-testid={testId}
      onClick={() => void copy()}
      className={
        className ??
        "rounded border border-slate-300 px-1.5 py-0.5 text-xs text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:text-slate-300 dark:hover:bg-slate-800"
      }
    >
      {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : (children ?? "Copy")}
    </button>
    <span className="sr-only" role="status">
      {state === "copied" ? "Copied to the clipboard" : state === "failed" ? "The browser refused the clipboard" : ""}
    </span>
    </>
  );
}
