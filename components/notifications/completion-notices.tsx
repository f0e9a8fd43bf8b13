"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { STATUS_COLORS } from "@/components/ui/status-colors";
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
    for (const ending of endings) showBrowserNotification("opwatch", endingText(ending), `opwatch:${ending.key}:${ending.category}`);
  }, [observed]);

  return (
    <div role="status" aria-live="polite" data-testid="completion-notices" className="flex flex-col gap-1">
      {notices.map((notice) => (
        <p
          key={`${notice.key}-${notice.at}`}
          data-testid="completion-notice"
          data-status-category={notice.category}
          className={`flex items-center justify-between gap-2 rounded px-3 py-1.5 text-sm ${STATUS_COLORS[notice.category].notice}`}
        >
          <span>{endingText(notice)}</span>
          <Button
            variant="ghost"
            size="icon"
            aria-label={`Dismiss: ${endingText(notice)}`}
            onClick={() => {
              setNotices((prev) => prev.filter((n) => n !== notice));
            }}
          >
            ✕
          </Button>
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
    <Button
      onClick={() => {
        void Notification.requestPermission().then(setPermission, () => {
          setPermission("denied");
        });
      }}
    >
      Notify me when operations end
    </Button>
  );
}
