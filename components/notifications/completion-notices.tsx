"use client";

import { useEffect, useRef, useState } from "react";
import { detectEndings, endingText, showBrowserNotification, type Ending, type Observed } from "@/lib/operations/notify";
import type { StatusCategory } from "@/lib/operations/model";

const MAX_NOTICES = 5;

/** In-page notices (a polite live region) for every operation seen ending, plus a browser notification if allowed. */
export function CompletionNotices({ observed }: { observed: readonly Observed[] }) {
  const seen = useRef<ReadonlyMap<string, StatusCategory>>(new Map());
  const [notices, setNotices] = useState<(Ending & { at: number })[]>([]);

  useEffect(() => {
    const { endings, seen: next } = detectEndings(seen.current, observed);
    seen.current = next;
    if (endings.length === 0) return;
    const at = Date.now();
    setNotices((prev) => [...endings.map((e) => ({ ...e, at })), ...prev].slice(0, MAX_NOTICES));
    for (const ending of endings) showBrowserNotification("opwatch", endingText(ending));
  }, [observed]);

  return (
    <div role="status" aria-live="polite" data-testid="completion-notices" className="flex flex-col gap-1">
      {notices.map((notice) => (
        <p
          key={`${notice.key}-${notice.at}`}
          data-testid="completion-notice"
          data-status-category={notice.category}
          className={`flex items-center justify-between gap-2 rounded px-3 py-1.5 text-sm ${
            notice.category === "succeeded"
              ? "bg-green-50 text-green-900 dark:bg-green-950 dark:text-green-100"
              : notice.category === "failed"
                ? "bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100"
                : "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100"
          }`}
        >
          <span>{endingText(notice)}</span>
          <button
            type="button"
            aria-label={`Dismiss: ${endingText(notice)}`}
            onClick={() => {
              setNotices((prev) => prev.filter((n) => n !== notice));
            }}
            className="rounded px-1 hover:bg-black/10 focus-visible:outline-2 focus-visible:outline-blue-600"
          >
            ✕
          </button>
        </p>
      ))}
    </div>
  );
}

type Permission = NotificationPermission | "unsupported" | "unknown";

/** Asks for notification permission only when clicked (browsers penalise asking on load, and so do people). */
export function NotificationToggle() {
  const [permission, setPermission] = useState<Permission>("unknown");
  useEffect(() => {
    // The permission exists only in the browser; reading it after mount keeps server and client markup equal.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setPermission(typeof Notification === "undefined" ? "unsupported" : Notification.permission);
  }, []);

  if (permission === "unknown" || permission === "unsupported") return null;
  if (permission === "granted") return <span className="text-xs text-slate-600 dark:text-slate-400">Browser notifications on</span>;
  if (permission === "denied") {
    return <span className="text-xs text-slate-600 dark:text-slate-400">Browser notifications are blocked in this browser&apos;s settings</span>;
  }
  return (
    <button
      type="button"
      onClick={() => {
        void Notification.requestPermission().then(setPermission, () => {
          setPermission("denied");
        });
      }}
      className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:hover:bg-slate-800"
    >
      Notify me when operations end
    </button>
  );
}
